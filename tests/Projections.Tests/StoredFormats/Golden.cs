using Lifestyle.TestSupport;
using Xunit;

namespace Lifestyle.Projections.Tests.StoredFormats;

/// <summary>
/// Golden files of stored shapes. A change that alters a stored format fails here; if the change is meant, raise
/// the shape's schema version (with an upcaster) and re-record with <c>LIFESTYLE_UPDATE_GOLDEN=1</c>.
/// </summary>
public static class Golden
{
    public static string Dir => Path.Combine(RepoPaths.Root, "tests", "Projections.Tests", "StoredFormats", "golden");

    public static void Matches(string name, string actual)
    {
        var path = Path.Combine(Dir, name + ".json");
        if (Environment.GetEnvironmentVariable("LIFESTYLE_UPDATE_GOLDEN") == "1")
        {
            File.WriteAllText(path, actual);
            return;
        }

        if (!File.Exists(path))
        {
            File.WriteAllText(path, actual);
            Assert.Fail($"Recorded {path}: review it and commit it.");
        }

        Assert.Equal(File.ReadAllText(path), actual);
    }

    public static string Read(string name) => File.ReadAllText(Path.Combine(Dir, name + ".json"));
}
