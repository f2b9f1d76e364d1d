namespace Lifestyle.TestSupport;

public static class RepoPaths
{
    /// <summary>The repository root: the folder holding Lifestyle.sln above the test binaries.</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>DynamoDB Local, unpacked by ./test.sh (or LIFESTYLE_DYNAMODB_LOCAL_DIR).</summary>
    public static string DynamoDbLocalDir =>
        Environment.GetEnvironmentVariable("LIFESTYLE_DYNAMODB_LOCAL_DIR") is { Length: > 0 } dir
            ? dir
            : Path.Combine(Root, ".tools", "dynamodb-local");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Lifestyle.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Lifestyle.sln not found above " + AppContext.BaseDirectory);
    }
}
