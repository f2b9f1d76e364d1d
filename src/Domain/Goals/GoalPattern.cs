namespace Lifestyle.Domain.Goals;

public enum GoalPattern
{
    Daily,
    Weekly,
    Total,
    Limit,
    Milestones,
}

public enum GoalStatus
{
    Active,
    Paused,
    Completed,
    Archived,
}

/// <summary>The wire names of patterns and statuses (lower-case words of the spec).</summary>
public static class GoalNames
{
    public static string ToWire(this GoalPattern pattern) => pattern.ToString().ToLowerInvariant();

    public static string ToWire(this GoalStatus status) => status.ToString().ToLowerInvariant();

    public static bool TryParsePattern(string? value, out GoalPattern pattern) =>
        TryParseExact(value, out pattern);

    public static bool TryParseStatus(string? value, out GoalStatus status) =>
        TryParseExact(value, out status);

    public static GoalPattern ParsePattern(string value) =>
        TryParsePattern(value, out var p) ? p : throw new FormatException($"Unknown pattern '{value}'.");

    public static GoalStatus ParseStatus(string value) =>
        TryParseStatus(value, out var s) ? s : throw new FormatException($"Unknown status '{value}'.");

    private static bool TryParseExact<T>(string? value, out T result)
        where T : struct, Enum
    {
        foreach (var candidate in Enum.GetValues<T>())
        {
            if (string.Equals(candidate.ToString().ToLowerInvariant(), value, StringComparison.Ordinal))
            {
                result = candidate;
                return true;
            }
        }

        result = default;
        return false;
    }

    public static bool IsOpen(this GoalStatus status) => status is GoalStatus.Active or GoalStatus.Paused;
}
