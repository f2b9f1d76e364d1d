using System.Text;
using System.Text.Json.Nodes;

namespace Lifestyle.Stack.Tests.Fuzz;

/// <summary>One generated request, described well enough to replay it by hand.</summary>
internal sealed record FuzzRequest(string Method, string Path, string? Body, string? ContentType, IReadOnlyDictionary<string, string> Headers, int Caller)
{
    public override string ToString() =>
        $"{Method} {Path} caller={Caller} ct={ContentType} headers=[{string.Join("; ", Headers.Select(h => $"{h.Key}: {h.Value}"))}] body={Body?[..Math.Min(Body.Length, 300)]}";
}

/// <summary>
/// Requests against the whole API surface, mostly near-valid (so they reach the domain and the
/// projector) and sometimes anything: known goals and activities are reused from earlier answers.
/// </summary>
internal sealed partial class FuzzRequests(int seed)
{
    private static readonly string[] Patterns = ["daily", "weekly", "total", "limit", "milestones", "Daily", "sometimes", ""];
    private static readonly string[] Zones = ["UTC", "Europe/Berlin", "Pacific/Kiritimati", "Pacific/Pago_Pago", "Asia/Kathmandu", "Mars/Olympus", "utc", "+01:00", ""];
    private static readonly string[] Templates = ["water-8-glasses", "exercise-30min-3x-week", "walk-10000-steps", "nope", ""];
    private static readonly string[] Transitions = ["pause", "resume", "complete", "archive", "explode"];
    private static readonly string[] Methods = ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS", "TRACE"];
    private static readonly string[] ContentTypes = ["application/json", "application/json; charset=utf-8", "text/plain", "application/x-www-form-urlencoded", "application/xml", "APPLICATION/JSON", "application/json; charset=utf-16", "multipart/form-data; boundary=x", "*/*", "garbage"];
    private static readonly string[] RawBodies = ["{", "{\"title\":", "[]", "null", "\"x\"", "42", "{\"a\":1,}", "{'title':'x'}", "{\"title\":\"x\"}{}", "\u0000\u0001", "{\"value\":NaN}", "{\"value\":01}", "{\"value\":1e99999}"];

    private readonly Random random = new(seed);
    private readonly FuzzValues v = new(new Random(seed + 1));

    private int caller;

    /// <summary>Goal ids each caller created (a caller mostly acts on its own goals, sometimes on another's).</summary>
    public Dictionary<int, List<string>> GoalsOf { get; } = new() { [0] = [], [1] = [], [2] = [] };

    public List<string> Goals => [.. GoalsOf.Values.SelectMany(g => g)];

    public List<(string Goal, string Activity)> Activities { get; } = [];

    public FuzzRequest Next()
    {
        caller = random.Next(10) switch { 0 => -1, 1 => -2, _ => random.Next(3) };
        return random.Next(12) switch
        {
            0 or 1 => Json("POST", "/v1/goals", v.Chance(0.5) ? ValidCreate() : CreateBody(), caller),
            2 or 3 or 4 => Json("POST", $"{GoalPath()}/activities", v.Chance(0.6) ? ValidLog() : LogBody(), caller),
            5 => Json("PATCH", GoalPath(), PatchBody(), caller),
            6 => Bodyless("POST", $"{GoalPath()}/{v.Pick(Transitions)}", caller),
            7 => Bodyless("DELETE", ActivityPath(), caller),
            8 or 9 => Bodyless("GET", Query(), caller),
            10 => Raw(caller),
            _ => Bodyless(v.Pick(Methods), RandomPath(), caller),
        };
    }

    private FuzzRequest Json(string method, string path, JsonObject body, int caller)
    {
        var text = random.Next(10) == 0 ? v.Pick(RawBodies) : body.ToJsonString();
        var contentType = random.Next(8) == 0 ? v.Pick(ContentTypes) : "application/json";
        return new FuzzRequest(method, path, text, contentType, Headers(), caller);
    }

    private FuzzRequest Bodyless(string method, string path, int caller) => new(method, path, null, null, Headers(), caller);

    private FuzzRequest Raw(int caller)
    {
        var body = random.Next(3) == 0 ? new string('x', random.Next(60_000, 70_000)) : v.Any(4)?.ToJsonString() ?? "null";
        return new FuzzRequest(v.Pick(Methods), v.Chance(0.5) ? "/v1/goals" : $"{GoalPath()}/activities", body,
            v.Pick(ContentTypes), Headers(), caller);
    }

    private string Query()
    {
        var path = random.Next(8) switch
        {
            0 => "/v1/goals",
            1 => "/v1/dashboard",
            2 => "/v1/export",
            3 => $"{GoalPath()}/days",
            4 => $"{GoalPath()}/weeks",
            5 => $"{GoalPath()}/activities",
            6 => "/v1/templates",
            _ => GoalPath(),
        };
        var parameters = new[] { "status", "limit", "cursor", "from", "to", "minVersion", "format" }
            .Where(_ => v.Chance(0.3))
            .Select(p => $"{p}={Uri.EscapeDataString(QueryValue(p))}");
        return $"{path}?{string.Join('&', parameters)}";
    }

    private string QueryValue(string name) => name switch
    {
        "status" => v.Pick(["active", "paused", "completed", "archived", "all", "ALL", "x", ""]),
        "limit" => v.Pick(["0", "1", "50", "200", "201", "-1", "999999999999", "x"]),
        "from" or "to" => v.Date(),
        "minVersion" => v.Pick(["1", "2", "100", "-1", "x", "9223372036854775807", "99999999999999999999"]),
        "format" => v.Pick(["json", "csv", "xml"]),
        _ => v.Text(),
    };

    private string GoalPath()
    {
        var own = GoalsOf.GetValueOrDefault(caller) ?? [];
        var all = Goals;
        var id = own.Count > 0 && v.Chance(0.85) ? v.Pick(own)
            : all.Count > 0 && v.Chance(0.5) ? v.Pick(all)
            : Uri.EscapeDataString(v.Pick(["nope", "0123456789abcdef0123456789abcdef", v.Text(), "%00"]));
        return "/v1/goals/" + id;
    }

    private string ActivityPath() =>
        Activities.Count > 0 && v.Chance(0.7) && v.Pick(Activities) is var (goal, activity)
            ? $"/v1/goals/{goal}/activities/{activity}"
            : $"{GoalPath()}/activities/{Uri.EscapeDataString(v.Text())}";

    private string RandomPath()
    {
        var segments = Enumerable.Range(0, random.Next(1, 6)).Select(_ => v.Pick(["v1", "goals", "..", ".", "health", "openapi", "v1.json", "x", "%2e%2e", "%00", "~", new string('p', random.Next(1, 300))]));
        return "/" + string.Join('/', segments);
    }

    private Dictionary<string, string> Headers()
    {
        var h = new Dictionary<string, string>();
        if (v.Chance(0.2))
        {
            h["Idempotency-Key"] = v.Pick(["k-" + random.Next(50), "", "has space", new string('k', 129), "ok.key:1-_"]);
        }

        if (v.Chance(0.15))
        {
            h["If-Match"] = v.Pick(["\"1\"", "\"2\"", "W/\"3\"", "*", "x", "\"-1\"", "\"99999999999999999999\""]);
        }

        if (v.Chance(0.1))
        {
            h["Lifestyle-Min-Version"] = v.Pick([$"{(Goals.Count > 0 ? v.Pick(Goals) : "g")}:2", "x", ":", "g:-1", "g:x"]);
        }

        if (v.Chance(0.05))
        {
            h["If-None-Match"] = v.Pick(["\"1\"", "*", "garbage"]);
        }

        return h;
    }

    private void Maybe(JsonObject o, string name, double p, Func<JsonNode?> value)
    {
        if (v.Chance(p))
        {
            o[name] = value();
        }
    }
}
