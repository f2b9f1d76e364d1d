using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace Lifestyle.Api.Tests.Fixtures;

/// <summary>One operation of the served OpenAPI document, and a request built from what the document says about it.</summary>
public sealed record DocumentedOperation(ServedDocument Document, string Method, string Path, JsonObject Operation)
{
    public string Id => (string?)Operation["operationId"] ?? $"{Method} {Path}";

    /// <summary><c>security: []</c>: no token needed.</summary>
    public bool Anonymous => Operation["security"] is JsonArray { Count: 0 };

    public IReadOnlyCollection<int> Statuses =>
        Operation["responses"]!.AsObject().Select(r => int.Parse(r.Key, CultureInfo.InvariantCulture)).ToArray();

    public IReadOnlyCollection<string> MediaTypes(int status) =>
        Operation["responses"]![status.ToString(CultureInfo.InvariantCulture)]?["content"]?.AsObject().Select(c => c.Key).ToArray() ?? [];

    private IEnumerable<JsonObject> Parameters => Operation["parameters"]?.AsArray().Select(p => p!.AsObject()) ?? [];

    /// <summary>
    /// The path with <paramref name="ids"/> filled in (<c>unknown-…</c> for a name it lacks: <paramref name="complete"/> is then
    /// false), the required parameters (all those with an example when <paramref name="optional"/>), and a minimal body.
    /// </summary>
    public HttpRequestMessage Request(IReadOnlyDictionary<string, string> ids, bool optional, out bool complete)
    {
        var path = Path;
        complete = true;
        foreach (var p in Parameters.Where(p => (string?)p["in"] == "path"))
        {
            var name = (string)p["name"]!;
            complete &= ids.ContainsKey(name);
            path = path.Replace("{" + name + "}", Uri.EscapeDataString(ids.GetValueOrDefault(name, "unknown-" + name)), StringComparison.Ordinal);
        }

        var sent = Parameters.Where(p => (bool?)p["required"] == true || (optional && p["example"] is not null)).ToList();
        var query = sent.Where(p => (string?)p["in"] == "query")
            .Select(p => $"{Uri.EscapeDataString((string)p["name"]!)}={Uri.EscapeDataString(Text(p["example"]) ?? "1")}");
        var request = new HttpRequestMessage(new HttpMethod(Method), path + (query.Any() ? "?" + string.Join('&', query) : ""));
        foreach (var header in sent.Where(p => (string?)p["in"] == "header"))
        {
            request.Headers.TryAddWithoutValidation((string)header["name"]!, Text(header["example"]) ?? "1");
        }

        if (Operation["requestBody"]?["content"]?["application/json"] is JsonObject body)
        {
            var json = (body["example"] ?? Document.Minimal(body["schema"]!)).ToJsonString();
            request.Content = new StringContent(json, Encoding.UTF8, new MediaTypeHeaderValue("application/json"));
        }

        return request;
    }

    private static string? Text(JsonNode? value) =>
        value is null ? null : value.GetValueKind() == System.Text.Json.JsonValueKind.String ? (string)value! : value.ToJsonString();
}
