using System.Text.Json;

namespace Lifestyle.Infra.Tests.Hcl;

/// <summary>
/// Parses infra/*.tf and infra/env/*.tfvars once per test run: installs @cdktf/hcl2json when missing
/// (scripts/lib.sh ensure_hcl2json, into the git-ignored .tools/hcl2json) and runs Hcl/parse-hcl.js.
/// </summary>
public sealed class InfraFixture : IDisposable
{
    private readonly JsonDocument document;

    public InfraFixture()
    {
        var installDir = Tool.Run("bash", RepoPaths.Root, TimeSpan.FromMinutes(5),
            "-c", "source scripts/lib.sh && ensure_hcl2json && printf %s \"$LIFESTYLE_HCL2JSON_DIR\"");
        var files = Directory.GetFiles(RepoPaths.Infra, "*.tf")
            .Concat(Directory.GetFiles(Path.Combine(RepoPaths.Infra, "env"), "*.tfvars"))
            .Select(f => Path.GetRelativePath(RepoPaths.Infra, f).Replace('\\', '/'))
            .Order(StringComparer.Ordinal)
            .ToArray();
        var script = Path.Combine(RepoPaths.Root, "tests", "Infra.Tests", "Hcl", "parse-hcl.js");
        var json = Tool.Run("node", RepoPaths.Infra, TimeSpan.FromMinutes(2), [script, installDir, .. files]);
        document = JsonDocument.Parse(json);
        Config = new TerraformConfig(document.RootElement);
    }

    public TerraformConfig Config { get; }

    public void Dispose() => document.Dispose();
}

[CollectionDefinition(Name)]
public sealed class InfraCollection : ICollectionFixture<InfraFixture>
{
    public const string Name = "infra";
}
