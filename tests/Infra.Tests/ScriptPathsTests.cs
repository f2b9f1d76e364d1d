using System.Text.RegularExpressions;
using Lifestyle.Infra.Tests.Hcl;

namespace Lifestyle.Infra.Tests;

/// <summary>The scripts users run name projects and build outputs that exist: a moved project must move its paths too.</summary>
public sealed partial class ScriptPathsTests
{
    public static TheoryData<string> Scripts() => new("lifestyle", "run.sh");

    [Theory]
    [MemberData(nameof(Scripts))]
    public void Every_project_folder_a_script_builds_or_runs_from_holds_a_project(string script)
    {
        var text = File.ReadAllText(Path.Combine(RepoPaths.Root, script));
        var folders = BuiltFolder().Matches(text).Select(m => m.Groups[1].Value)
            .Concat(OutputFolder().Matches(text).Select(m => m.Groups[1].Value))
            .Concat(EnsureBuilt().Matches(text).Select(m => m.Groups[1].Value))
            .Distinct()
            .ToList();

        Assert.All(folders, folder => Assert.NotEmpty(Directory.GetFiles(Path.Combine(RepoPaths.Root, "src", folder), "*.csproj")));
    }

    [Fact]
    public void The_tool_wrapper_runs_the_assembly_of_the_project_it_builds()
    {
        var text = File.ReadAllText(Path.Combine(RepoPaths.Root, "lifestyle"));

        foreach (Match built in EnsureBuiltDll().Matches(text))
        {
            Assert.Contains($"src/{built.Groups[2].Value}/bin/Release/net10.0/{built.Groups[1].Value}", text, StringComparison.Ordinal);
        }
    }

    [GeneratedRegex(@"dotnet build (?:""\$ROOT/)?src/([\w/]+)")]
    private static partial Regex BuiltFolder();

    [GeneratedRegex(@"src/([\w/]+)/bin/Release/net10\.0")]
    private static partial Regex OutputFolder();

    [GeneratedRegex(@"ensure_built \S+ ([\w/]+)")]
    private static partial Regex EnsureBuilt();

    [GeneratedRegex(@"ensure_built (\S+\.dll) ([\w/]+)")]
    private static partial Regex EnsureBuiltDll();
}
