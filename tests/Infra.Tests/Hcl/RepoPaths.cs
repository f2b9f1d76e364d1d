namespace Lifestyle.Infra.Tests.Hcl;

/// <summary>Paths in the repository, found from the test assembly's folder upwards.</summary>
internal static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string Infra => Path.Combine(Root, "infra");

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
