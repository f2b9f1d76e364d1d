using System.Text.Json.Nodes;
using Lifestyle.Domain.Goals;
using Lifestyle.Domain.Progress;
using Lifestyle.Domain.Time;
using Lifestyle.Projections.Notifications;

namespace Lifestyle.Projections.Jobs;

/// <summary>
/// What the daily close tells about one goal. The job closes a UTC day at the midnight that ends it; for each goal
/// that instant falls on a local "today", and the day it closes is the local day before (for goals at or east of
/// UTC, the UTC day itself; west of UTC, the local day that had already ended). Then:
/// <list type="bullet">
/// <item><c>streak.broken</c>: the closed day (for weekly goals: a closed Sunday, i.e. the week) was not met and not
/// paused, while the run before it was alive (length &gt; 0).</item>
/// <item><c>streak.at-risk</c>: as of local today a streak is alive and today is not met yet (daily goals); for weekly
/// goals, only once the week has no slack left (the days left equal the met days still needed). Limits have no
/// at-risk here: their risk is logging too much, which a midnight job cannot see.</item>
/// </list>
/// Fact keys carry the local dates, so closing the same day twice finds every fact already recorded.
/// </summary>
public static class DailyCloseFacts
{
    /// <summary>The instant that ends a UTC day: the next day's 00:00 UTC.</summary>
    public static DateTimeOffset CloseInstant(DateOnly utcDate) =>
        new(utcDate.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

    /// <summary>The local day that closing <paramref name="utcDate"/> closes for this goal.</summary>
    public static DateOnly ClosedDay(GoalProjection p, DateOnly utcDate) =>
        GoalClock.LocalDate(CloseInstant(utcDate), p.Timezone).AddDays(-1);

    public static IEnumerable<Notification> For(GoalProjection p, DateOnly utcDate)
    {
        if (p.Pattern is GoalPattern.Total or GoalPattern.Milestones)
        {
            yield break;
        }

        var closed = ClosedDay(p, utcDate);
        var at = CloseInstant(utcDate);
        var unit = p.Pattern == GoalPattern.Weekly ? "weeks" : "days";
        if (BrokenRun(p, closed) is > 0 and var length)
        {
            yield return new Notification(NotificationTypes.StreakBroken, p.UserId, p.GoalId, $"broken#{closed:yyyy-MM-dd}", at,
                new JsonObject { [unit] = length });
        }

        var today = closed.AddDays(1);
        if (AtRisk(p, today) is > 0 and var current)
        {
            yield return new Notification(NotificationTypes.StreakAtRisk, p.UserId, p.GoalId, $"at-risk#{today:yyyy-MM-dd}", at,
                new JsonObject { [unit] = current });
        }
    }

    /// <summary>The length of the run that the closed day ended (0: none ended).</summary>
    public static int BrokenRun(GoalProjection p, DateOnly closed)
    {
        var weekly = p.Pattern == GoalPattern.Weekly;
        if (closed < p.StartDate || p.PausedOn(closed, closed.AddDays(1))
            || (weekly && closed.DayOfWeek != DayOfWeek.Sunday) || StreakRun.Met(p, closed))
        {
            return 0;
        }

        // Evaluated "as of" a past day, the fold's current status stands for that day's: set it from the history.
        if (p.Pattern == GoalPattern.Limit)
        {
            // A limit's run ends the moment a day goes over: the run is the one current at the end of the day before.
            var dayBefore = closed.AddDays(-1);
            var status = p.PausedOn(dayBefore, closed) ? GoalStatus.Paused : GoalStatus.Active;
            return StreakCalculator.Evaluate(p with { Status = status }, dayBefore)?.Current ?? 0;
        }

        // An unmet current period leaves "current" at the run that ended just before it.
        return StreakCalculator.Evaluate(p with { Status = GoalStatus.Active }, closed)?.Current ?? 0;
    }

    /// <summary>The alive streak that today can still lose (0: not at risk).</summary>
    public static int AtRisk(GoalProjection p, DateOnly today)
    {
        if (p.Pattern == GoalPattern.Limit || today < p.StartDate || p.PausedOn(today, today)
            || StreakCalculator.Evaluate(p, today) is not { Current: > 0 } streak || StreakRun.Met(p, today))
        {
            return 0;
        }

        if (p.Pattern == GoalPattern.Weekly)
        {
            var definition = p.DefinitionOn(today);
            var needed = (definition.TimesPerWeek ?? 1) - ProgressCalculator.MetDaysInWeek(p, today, definition);
            var todayMet = p.DayOn(today).Total >= definition.Target;
            var daysLeft = GoalClock.WeekStart(today).AddDays(6).DayNumber - today.DayNumber + (todayMet ? 0 : 1);
            return needed > 0 && needed == daysLeft ? streak.Current : 0;
        }

        return streak.Current;
    }
}
