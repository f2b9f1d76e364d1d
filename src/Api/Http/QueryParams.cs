using System.Globalization;

namespace Lifestyle.Api.Http;

/// <summary>Query-string and header parsing for the read API; bad values are 400 validation-failed.</summary>
public static class QueryParams
{
    public static DateOnly? Date(HttpContext ctx, string name) =>
        Value(ctx, name) is not { } v ? null
        : DateOnly.TryParseExact(v, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d
        : throw new BadRequestException(name, $"{name} must be a date yyyy-MM-dd.");

    /// <summary>An ISO week <c>YYYY-Www</c> (its Monday) or a date.</summary>
    public static DateOnly? WeekOrDate(HttpContext ctx, string name)
    {
        if (Value(ctx, name) is not { } v)
        {
            return null;
        }

        if (v.Length == 8 && v[4] == '-' && v[5] == 'W'
            && int.TryParse(v.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var year)
            && int.TryParse(v.AsSpan(6, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var week)
            && year is >= 1 and <= 9998 && week >= 1 && week <= ISOWeek.GetWeeksInYear(year))
        {
            return DateOnly.FromDateTime(ISOWeek.ToDateTime(year, week, DayOfWeek.Monday));
        }

        return Date(ctx, name);
    }

    public static int? Int(HttpContext ctx, string name) =>
        Value(ctx, name) is not { } v ? null
        : int.TryParse(v, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n
        : throw new BadRequestException(name, $"{name} must be a whole number.");

    public static string? Value(HttpContext ctx, string name) =>
        ctx.Request.Query.TryGetValue(name, out var v) && v.Count > 0 ? v[^1] : null;

    /// <summary>
    /// Read-your-writes: <c>?minVersion=N</c> (for the goal in the route) or header
    /// <c>Lifestyle-Min-Version: {goalId}:{N}</c>.
    /// </summary>
    public static (string GoalId, long Version)? MinVersion(HttpContext ctx, string? routeGoalId)
    {
        if (Value(ctx, "minVersion") is { } q)
        {
            return routeGoalId is not null && long.TryParse(q, NumberStyles.None, CultureInfo.InvariantCulture, out var n)
                ? (routeGoalId, n)
                : throw new BadRequestException("minVersion", "minVersion must be a goal version on a goal's own resource.");
        }

        var header = ctx.Request.Headers["Lifestyle-Min-Version"].ToString();
        if (header.Length == 0)
        {
            return null;
        }

        var colon = header.LastIndexOf(':');
        return colon > 0 && long.TryParse(header.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var v)
            ? (header[..colon], v)
            : throw new BadRequestException("Lifestyle-Min-Version", "Lifestyle-Min-Version must be {goalId}:{version}.");
    }

    public static void MarkStale(HttpContext ctx, bool stale)
    {
        if (stale)
        {
            ctx.Response.Headers["Lifestyle-Consistency"] = "stale";
        }
    }
}
