using MediatR;

namespace Lifestyle.Queries.Insights.GetInsights;

/// <summary>GET /v1/insights: each active goal's insight as of the last daily close.</summary>
public sealed record GetInsightsQuery(string UserId) : IRequest<InsightList>;

public sealed record InsightList(IReadOnlyList<InsightView> Items);

/// <param name="GoalId">The goal.</param>
/// <param name="Title">The goal's title now.</param>
/// <param name="Pattern">The goal's pattern.</param>
/// <param name="AsOf">The last local day of the window (the day the daily close closed for this goal).</param>
/// <param name="Days">Days in the window (up to 28; fewer for a younger goal; paused days left out).</param>
/// <param name="DaysMet">Days of the window that met the goal (for weekly goals: the per-day minimum).</param>
/// <param name="MetRate">DaysMet / Days, 0–1; null for total and milestones goals and without days.</param>
/// <param name="Trend">rising, steady or falling: the last 14 days against the 14 before; null for total and milestones goals.</param>
/// <param name="BestWeekday">monday … sunday: the highest met rate (ties: the earlier day).</param>
/// <param name="WorstWeekday">monday … sunday: the lowest met rate (ties: the earlier day).</param>
/// <param name="Suggestion">What to change, if anything; null for total and milestones goals.</param>
public sealed record InsightView(
    string GoalId, string Title, string Pattern, DateOnly AsOf, int Days, int DaysMet, decimal? MetRate, string? Trend,
    string? BestWeekday, string? WorstWeekday, SuggestionView? Suggestion);

/// <param name="Kind">lower-target, raise-target, switch-to-weekly or keep-going.</param>
/// <param name="ProposedTarget">The proposed target (or limit) for lower-target and raise-target.</param>
/// <param name="Reason">Why, in one sentence.</param>
public sealed record SuggestionView(string Kind, decimal? ProposedTarget, string Reason);
