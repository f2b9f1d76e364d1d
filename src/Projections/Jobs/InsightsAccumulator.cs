using System.Collections.Concurrent;
using Lifestyle.Domain.Insights;
using Lifestyle.Domain.Progress;
using Lifestyle.Infrastructure.Insights;

namespace Lifestyle.Projections.Jobs;

/// <summary>
/// What one daily close gathers for the insights read models (docs/insights.md): each active goal's insight as
/// of the local day the close closes for it, and each user's template adoptions (goals of any status). Thread-safe.
/// </summary>
public sealed class InsightsAccumulator(DateOnly date)
{
    private readonly ConcurrentDictionary<string, ConcurrentBag<GoalInsight>> insights = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<string, byte>> adoptions = new(StringComparer.Ordinal);

    public DateOnly Date => date;

    public void AddActive(GoalProjection p) =>
        insights.GetOrAdd(p.UserId, _ => []).Add(InsightCalculator.For(p, DailyCloseFacts.ClosedDay(p, date)));

    /// <summary>Counts the user (a goal of any status) and, when the goal came from one, its template.</summary>
    public void AddGoal(string userId, string? templateId)
    {
        var set = adoptions.GetOrAdd(userId, _ => new(StringComparer.Ordinal));
        if (!string.IsNullOrEmpty(templateId))
        {
            set.TryAdd(templateId, 0);
        }
    }

    public IEnumerable<string> Users => adoptions.Keys.Union(insights.Keys, StringComparer.Ordinal);

    public TemplateStatsShape Stats() => TemplateStatsShape.From(TemplateStats.From(date, adoptions.Values.Select(s => s.Keys)));

    /// <summary>The user's item: goals ordered by id, adoptions sorted, the success pattern of those insights.</summary>
    public UserInsightsShape For(string userId)
    {
        var goals = insights.TryGetValue(userId, out var bag) ? bag.OrderBy(i => i.GoalId, StringComparer.Ordinal).ToList() : [];
        var adopted = adoptions.TryGetValue(userId, out var set) ? set.Keys.Order(StringComparer.Ordinal).ToList() : [];
        return new UserInsightsShape(date, [.. goals.Select(GoalInsightShape.From)], adopted, SuccessPattern.Of(goals));
    }
}
