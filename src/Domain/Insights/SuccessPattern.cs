using Lifestyle.Domain.Goals;

namespace Lifestyle.Domain.Insights;

/// <summary>
/// A user's most-met pattern kind: the pattern whose goals, pooled, met the most of their window days, when that
/// is at least half of them; ties go to daily, then weekly, then limit.
/// </summary>
public static class SuccessPattern
{
    public const int MinPercent = 50;

    public static string? Of(IEnumerable<GoalInsight> insights)
    {
        string? chosen = null;
        long chosenMet = 0, chosenDays = 1;
        var list = insights.ToList();
        foreach (var pattern in new[] { GoalPattern.Daily, GoalPattern.Weekly, GoalPattern.Limit }.Select(p => p.ToWire()))
        {
            long met = 0, days = 0;
            foreach (var i in list.Where(i => i.Pattern == pattern))
            {
                met += i.DaysMet;
                days += i.Days;
            }

            if (days == 0 || met * 100 < MinPercent * days)
            {
                continue;
            }

            if (chosen is null || met * chosenDays > chosenMet * days)
            {
                (chosen, chosenMet, chosenDays) = (pattern, met, days);
            }
        }

        return chosen;
    }
}
