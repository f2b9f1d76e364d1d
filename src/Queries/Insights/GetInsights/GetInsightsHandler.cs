using Lifestyle.Domain.Goals;
using Lifestyle.Queries.Common;
using MediatR;

namespace Lifestyle.Queries.Insights.GetInsights;

/// <summary>The insights item of the last daily close, for the goals that are still active.</summary>
public sealed class GetInsightsHandler(InsightsReader insights, ReadModelReader goals) : IRequestHandler<GetInsightsQuery, InsightList>
{
    public async Task<InsightList> Handle(GetInsightsQuery q, CancellationToken cancellationToken)
    {
        var stored = await insights.UserAsync(q.UserId, cancellationToken);
        if (stored is null || stored.Goals.Count == 0)
        {
            return new InsightList([]);
        }

        var active = (await goals.GetAllAsync(q.UserId, cancellationToken))
            .Where(g => g.Status == GoalStatus.Active)
            .ToDictionary(g => g.GoalId, g => g.Definition.Title, StringComparer.Ordinal);
        var items = stored.Goals
            .Where(i => active.ContainsKey(i.GoalId))
            .Select(i => new InsightView(
                i.GoalId, active[i.GoalId], i.Pattern, i.AsOf, i.Days, i.DaysMet, i.MetRate, i.Trend, i.BestWeekday, i.WorstWeekday,
                i.Suggestion is { } s ? new SuggestionView(s.Kind, s.ProposedTarget, s.Reason) : null))
            .ToList();
        return new InsightList(items);
    }
}
