using Lifestyle.Domain.Insights;
using Lifestyle.Domain.Templates;
using Lifestyle.Queries.Common;
using MediatR;

namespace Lifestyle.Queries.Insights.GetRecommendations;

/// <summary>
/// Ranks at read time, from the statistics of the last daily close, the user's adoptions now (so a template adopted
/// since is not offered again), the success pattern of the user's insights item and this month's season.
/// </summary>
public sealed class GetRecommendationsHandler(InsightsReader insights, ReadModelReader goals, TimeProvider time)
    : IRequestHandler<GetRecommendationsQuery, RecommendationList>
{
    public async Task<RecommendationList> Handle(GetRecommendationsQuery q, CancellationToken cancellationToken)
    {
        var statsTask = insights.StatsAsync(cancellationToken);
        var userTask = insights.UserAsync(q.UserId, cancellationToken);
        var goalsTask = goals.GetAllAsync(q.UserId, cancellationToken);
        var (stored, user, all) = (await statsTask, await userTask, await goalsTask);
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var stats = stored?.ToStats() ?? TemplateStats.Empty(today);
        var adopted = all.Select(g => g.TemplateId).OfType<string>().ToHashSet(StringComparer.Ordinal);
        var counted = user?.Adopted.ToHashSet(StringComparer.Ordinal);
        var ranked = Recommender.Rank(stats, adopted, counted, user?.SuccessPattern, today.Month);
        return new RecommendationList(
            [.. ranked.Select(r => new RecommendationView(r.TemplateId, GoalTemplates.Find(r.TemplateId)!.Title, r.Score, r.Reasons))],
            stored?.ClosedDate);
    }
}
