using System.Text.Json;
using System.Text.RegularExpressions;

namespace Lifestyle.Infra.Tests.Hcl;

/// <summary>All of infra/ as hcl2json saw it: resources, data sources, variables, locals, tfvars.</summary>
public sealed partial class TerraformConfig
{
    public static readonly string[] Environments = ["dev", "prod"];

    private readonly Dictionary<string, JsonElement> files;

    internal TerraformConfig(JsonElement root)
    {
        files = root.EnumerateObject().ToDictionary(p => p.Name, p => p.Value, StringComparer.Ordinal);
        Locals = TfFiles.SelectMany(f => f.Blocks("locals")).SelectMany(b => b.Properties())
            .ToDictionary(p => p.Name, p => p.Value, StringComparer.Ordinal);
        Variables = Named(TfFiles, "variable").ToDictionary(v => v.Name, v => v.Body, StringComparer.Ordinal);
    }

    public IReadOnlyDictionary<string, JsonElement> Locals { get; }

    public IReadOnlyDictionary<string, JsonElement> Variables { get; }

    public IEnumerable<string> TfFileNames => files.Keys.Where(k => k.EndsWith(".tf", StringComparison.Ordinal));

    private IEnumerable<JsonElement> TfFiles => TfFileNames.Select(k => files[k]);

    public JsonElement File(string name) => files[name];

    public JsonElement Tfvars(string environment) => files[$"env/{environment}.tfvars"];

    public IEnumerable<(string Name, JsonElement Body)> Resources(string type) => Typed(TfFiles, "resource", type);

    public JsonElement Resource(string type, string name) =>
        Resources(type).Where(r => r.Name == name).Select(r => r.Body).DefaultIfEmpty()
            .Single() is { ValueKind: JsonValueKind.Object } body ? body : throw new KeyNotFoundException($"resource {type}.{name}");

    public IEnumerable<(string Type, string Name, JsonElement Body)> AllResources =>
        TfFiles.SelectMany(f => f.Blocks("resource")).SelectMany(r => r.Properties())
            .SelectMany(t => t.Value.Properties().Select(n => (t.Name, n.Name, First(n.Value))));

    public IEnumerable<(string Name, JsonElement Body)> Data(string type) => Typed(TfFiles, "data", type);

    public IEnumerable<(string Name, JsonElement Body)> Outputs => Named(TfFiles, "output");

    /// <summary>
    /// Every value an attribute can take: a literal as is; <c>${var.x}</c> as the variable's default and
    /// its value in each tfvars file; <c>${local.x}</c> as whatever the local resolves to.
    /// </summary>
    public IReadOnlyList<JsonElement> PossibleValues(JsonElement value)
    {
        if (value.ValueKind == JsonValueKind.String && value.GetString() is { } s)
        {
            if (VarRef().Match(s) is { Success: true } v)
            {
                var body = Variables[v.Groups[1].Value];
                var values = new List<JsonElement>();
                if (body.TryGetProperty("default", out var d))
                {
                    values.Add(d);
                }

                foreach (var env in Environments)
                {
                    if (Tfvars(env).TryGetProperty(v.Groups[1].Value, out var set))
                    {
                        values.Add(set);
                    }
                }

                return values;
            }

            if (LocalRef().Match(s) is { Success: true } l)
            {
                return PossibleValues(Locals[l.Groups[1].Value]);
            }
        }

        return [value];
    }

    /// <summary>The single value an attribute resolves to (a literal or a local, not a variable that differs per environment).</summary>
    public JsonElement Value(JsonElement owner, string attribute)
    {
        var values = PossibleValues(owner.GetProperty(attribute));
        var distinct = values.Select(v => v.GetRawText()).Distinct(StringComparer.Ordinal).Count();
        return distinct == 1 ? values[0] : throw new InvalidOperationException($"{attribute} takes {distinct} values");
    }

    public string ValueString(JsonElement owner, string attribute) =>
        Value(owner, attribute).GetString() ?? throw new InvalidOperationException($"{attribute} is not a string");

    private static JsonElement First(JsonElement blocks) =>
        blocks.ValueKind == JsonValueKind.Array ? blocks[0] : blocks;

    private static IEnumerable<(string Name, JsonElement Body)> Typed(IEnumerable<JsonElement> tf, string kind, string type) =>
        tf.SelectMany(f => f.Blocks(kind)).Where(b => b.TryGetProperty(type, out _))
            .SelectMany(b => b.GetProperty(type).Properties().Select(p => (p.Name, First(p.Value))));

    private static IEnumerable<(string Name, JsonElement Body)> Named(IEnumerable<JsonElement> tf, string kind) =>
        tf.SelectMany(f => f.Blocks(kind)).SelectMany(b => b.Properties().Select(p => (p.Name, First(p.Value))));

    [GeneratedRegex(@"^\$\{var\.([A-Za-z0-9_]+)\}$")]
    private static partial Regex VarRef();

    [GeneratedRegex(@"^\$\{local\.([A-Za-z0-9_]+)\}$")]
    private static partial Regex LocalRef();
}
