using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace Lifestyle.Stack.Tests.Fuzz;

/// <summary>Hostile values from a seeded <see cref="Random"/>: extremes, wrong types, odd unicode, nesting.</summary>
internal sealed class FuzzValues(Random random)
{
    private static readonly string[] Texts =
    [
        "", " ", "Water", "\u0000", "a\nb", "tab\there", "\u202Eexe.txt", "\u2066iso", "\uD83D\uDCA7", "é", "null", "<img src=x onerror=alert(1)>",
        "=HYPERLINK(\"x\")", "+cmd", "-1", "@x", "' OR 1=1 --", "../../etc/passwd", "%00", "USER#x", "GOAL#x", "\u00A0", "\uFEFF", "\u0085",
    ];

    private static readonly string[] Numbers =
    [
        "0", "-0", "1", "-1", "8", "0.0001", "0.00001", "1e-27", "1e40", "1E+2", "8e0", "1000000", "1000000.0001", "1000000000",
        "1000000000.0001", "79228162514264337593543950335", "79228162514264337593543950336", "-79228162514264337593543950336",
        "9223372036854775807", "1.5", "2.50000000", "3.14159", "0.1", "NaN", "Infinity", "0x10", "01",
    ];

    private static readonly string[] Dates =
    [
        "2026-12-02", "0001-01-01", "9999-12-31", "1899-12-31", "1900-01-01", "2999-12-31", "3000-01-01", "2024-02-29", "2025-02-29",
        "2026-13-01", "26-12-02", "2026-12-02T00:00:00Z", "tomorrow", "", "2026-W49", "0001-W01", "9999-W52", "2026-W53", "2026-W00",
    ];

    private static readonly string[] Instants =
    [
        "2026-12-02T10:00:00Z", "0001-01-01T00:00:00Z", "9999-12-31T23:59:59.9999999Z", "2026-12-02T10:00:00+14:00",
        "2026-12-02T10:00:00-12:00", "2026-12-02", "not-a-date", "2100-01-01T00:00:00Z", "1970-01-01T00:00:00Z",
    ];

    public int Int(int max) => random.Next(max);

    public bool Chance(double p) => random.NextDouble() < p;

    public T Pick<T>(IReadOnlyList<T> items) => items[random.Next(items.Count)];

    public string Text() => Chance(0.1) ? new string(Pick(Texts).FirstOrDefault('x'), random.Next(1, 700)) : Chance(0.15) ? RandomUnicode() : Pick(Texts);

    public string Date() => Chance(0.7) ? RecentDate() : Pick(Dates);

    public string Instant() => Chance(0.6) ? DateTimeOffset.UtcNow.AddMinutes(-random.Next(-20, 60 * 24 * 30)).ToString("O", CultureInfo.InvariantCulture) : Pick(Instants);

    /// <summary>A JSON value: usually of the expected kind, sometimes anything at all.</summary>
    public JsonNode? Value(Func<JsonNode?> expected) => Chance(0.75) ? expected() : Any(3);

    public JsonNode? Number()
    {
        var n = Pick(Numbers);
        return n is "NaN" or "Infinity" or "0x10" or "01" ? JsonValue.Create(n) : JsonNode.Parse(n);
    }

    public JsonNode? Any(int depth) => random.Next(depth <= 0 ? 5 : 8) switch
    {
        0 => null,
        1 => JsonValue.Create(Chance(0.5)),
        2 => Number(),
        3 => JsonValue.Create(Text()),
        4 => JsonValue.Create(Date()),
        5 => new JsonArray([.. Enumerable.Range(0, random.Next(4)).Select(_ => Any(depth - 1))]),
        _ => Object(depth - 1),
    };

    public string RecentDate() =>
        DateOnly.FromDateTime(DateTime.UtcNow).AddDays(random.Next(-400, 400)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private JsonObject Object(int depth)
    {
        var o = new JsonObject();
        for (var i = random.Next(4); i > 0; i--)
        {
            o[Pick(Texts) + i] = Any(depth);
        }

        return o;
    }

    private string RandomUnicode()
    {
        var sb = new StringBuilder();
        for (var i = random.Next(1, 20); i > 0; i--)
        {
            var code = random.Next(0, 0x30000);
            if (code is >= 0xD800 and <= 0xDFFF)
            {
                continue;
            }

            sb.Append(char.ConvertFromUtf32(code));
        }

        return sb.ToString();
    }
}
