using System.Globalization;

namespace Lifestyle.Domain.Goals;

/// <summary>
/// An activity's id is its event's timestamp (UTC ticks, hex), so the event item can be read
/// directly by key when the activity is removed; unique because timestamps strictly increase per goal.
/// </summary>
public static class ActivityId
{
    private const string Prefix = "act_";
    private static readonly System.Buffers.SearchValues<char> LowerHex = System.Buffers.SearchValues.Create("0123456789abcdef");

    public static string From(DateTimeOffset recordedAt) =>
        Prefix + recordedAt.UtcTicks.ToString("x16", CultureInfo.InvariantCulture);

    public static bool TryParse(string? id, out DateTimeOffset recordedAt)
    {
        recordedAt = default;
        if (id is null || id.Length != Prefix.Length + 16 || !id.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return false;
        }

        // Only the canonical lower-case spelling: one activity, one id.
        if (id.AsSpan(Prefix.Length).ContainsAnyExcept(LowerHex)
            || !long.TryParse(id.AsSpan(Prefix.Length), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var ticks)
            || ticks < DateTimeOffset.MinValue.UtcTicks || ticks > DateTimeOffset.MaxValue.UtcTicks)
        {
            return false;
        }

        recordedAt = new DateTimeOffset(ticks, TimeSpan.Zero);
        return true;
    }
}

/// <summary>Goal ids as this system issues them; anything else can name no goal (and must not reach a storage key).</summary>
public static class GoalIds
{
    public static bool IsWellFormed(string? id) =>
        id is { Length: > 0 and <= 64 } && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');
}
