using System.Text;
using System.Text.Json.Nodes;

namespace Lifestyle.Stack.Tests.Fuzz;

/// <summary>The JSON bodies the fuzzer sends: valid ones, and ones with members dropped, mistyped or out of range.</summary>
internal sealed partial class FuzzRequests
{
    private JsonObject ValidCreate()
    {
        var pattern = v.Pick(["daily", "weekly", "total", "limit", "milestones"]);
        var o = new JsonObject { ["title"] = "Goal " + random.Next(1000), ["pattern"] = pattern, ["timezone"] = v.Pick(Zones[..5]) };
        if (pattern == "milestones")
        {
            o["milestones"] = new JsonArray(5, 10, 20);
        }
        else
        {
            o["target"] = v.Pick([1, 2.5, 8, 0.0001, 1_000_000_000]);
        }

        if (pattern == "weekly")
        {
            o["timesPerWeek"] = random.Next(1, 8);
        }

        if (v.Chance(0.3))
        {
            o["startDate"] = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-random.Next(0, 30)).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        }

        return o;
    }

    private JsonObject ValidLog() => new()
    {
        ["value"] = v.Pick([0.5, 1, 2, 3, 1_000_000, 0.0001]),
        ["occurredAt"] = v.Chance(0.5) ? null : DateTimeOffset.UtcNow.AddMinutes(-random.Next(0, 3 * 1440)).ToString("O", System.Globalization.CultureInfo.InvariantCulture),
        ["note"] = v.Chance(0.7) ? null : v.Text(),
    };

    private JsonObject CreateBody()
    {
        var o = new JsonObject();
        Maybe(o, "title", 0.9, () => v.Value(() => JsonValue.Create(v.Chance(0.8) ? "Goal " + random.Next(1000) : v.Text())));
        Maybe(o, "pattern", 0.9, () => v.Value(() => JsonValue.Create(v.Pick(Patterns))));
        Maybe(o, "target", 0.85, () => v.Value(v.Number));
        Maybe(o, "unit", 0.3, () => v.Value(() => JsonValue.Create(v.Text())));
        Maybe(o, "timesPerWeek", 0.3, () => v.Value(() => JsonValue.Create(random.Next(-1, 9))));
        Maybe(o, "milestones", 0.25, () => v.Value(() => new JsonArray([.. Enumerable.Range(0, random.Next(0, 12)).Select(_ => v.Number())])));
        Maybe(o, "startDate", 0.3, () => v.Value(() => JsonValue.Create(v.Date())));
        Maybe(o, "endDate", 0.2, () => v.Value(() => JsonValue.Create(v.Date())));
        Maybe(o, "timezone", 0.4, () => v.Value(() => JsonValue.Create(v.Pick(Zones))));
        Maybe(o, "templateId", 0.2, () => v.Value(() => JsonValue.Create(v.Pick(Templates))));
        Maybe(o, "extra", 0.05, () => v.Any(3));
        return o;
    }

    private JsonObject LogBody()
    {
        var o = new JsonObject();
        Maybe(o, "value", 0.9, () => v.Value(v.Number));
        Maybe(o, "occurredAt", 0.5, () => v.Value(() => JsonValue.Create(v.Instant())));
        Maybe(o, "note", 0.3, () => v.Value(() => JsonValue.Create(v.Text())));
        return o;
    }

    private JsonObject PatchBody()
    {
        var o = new JsonObject();
        Maybe(o, "title", 0.4, () => v.Value(() => JsonValue.Create(v.Text())));
        Maybe(o, "target", 0.5, () => v.Value(v.Number));
        Maybe(o, "timesPerWeek", 0.2, () => v.Value(() => JsonValue.Create(random.Next(-1, 9))));
        Maybe(o, "milestones", 0.2, () => v.Value(() => new JsonArray([.. Enumerable.Range(0, random.Next(0, 4)).Select(_ => v.Number())])));
        Maybe(o, "endDate", 0.2, () => v.Value(() => JsonValue.Create(v.Date())));
        Maybe(o, "pattern", 0.05, () => JsonValue.Create("daily"));
        return o;
    }
}
