using System.Text.Json.Nodes;
using Lifestyle.Domain.Progress;
using Lifestyle.Domain.Time;
using Lifestyle.Projections.Notifications;

namespace Lifestyle.Projections.Jobs;

/// <summary>
/// <c>summary.weekly</c>: once a user's goal closes a Sunday, one message per user and ISO week listing their active
/// goals with the days met that week and whether the week was met (null for total and milestones goals).
/// </summary>
public static class WeeklySummary
{
    /// <summary>The Sunday that closing <paramref name="utcDate"/> closes for this goal, if it closes one.</summary>
    public static DateOnly? ClosedSunday(GoalProjection p, DateOnly utcDate) =>
        DailyCloseFacts.ClosedDay(p, utcDate) is { DayOfWeek: DayOfWeek.Sunday } sunday ? sunday : null;

    public static JsonObject Entry(GoalProjection p, DateOnly sunday)
    {
        var week = SeriesCalculator.Week(p, sunday, sunday);
        return new JsonObject
        {
            ["goalId"] = p.GoalId,
            ["title"] = p.Definition.Title,
            ["daysMet"] = week.DaysMet,
            ["met"] = week.Met,
        };
    }

    public static Notification For(string userId, DateOnly sunday, DateOnly utcDate, IEnumerable<JsonObject> goals)
    {
        var week = GoalClock.WeekLabel(sunday);
        var list = new JsonArray();
        foreach (var goal in goals.OrderBy(g => (string?)g["goalId"], StringComparer.Ordinal))
        {
            list.Add(goal);
        }

        return new Notification(NotificationTypes.WeeklySummary, userId, null, $"summary#{week}", DailyCloseFacts.CloseInstant(utcDate),
            new JsonObject { ["week"] = week, ["goals"] = list });
    }
}
