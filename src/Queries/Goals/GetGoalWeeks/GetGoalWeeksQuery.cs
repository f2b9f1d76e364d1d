using Lifestyle.Domain.Progress;
using MediatR;

namespace Lifestyle.Queries.Goals.GetGoalWeeks;

/// <summary>GET /v1/goals/{goalId}/weeks?from=&amp;to= (weeks YYYY-Www or dates; default the last 8 weeks; at most 106).</summary>
public sealed record GetGoalWeeksQuery(string UserId, string GoalId, DateOnly? From, DateOnly? To, long? MinVersion = null)
    : IRequest<WeekList>;

public sealed record WeekList(IReadOnlyList<WeekFigures> Items, long Version, bool Stale);
