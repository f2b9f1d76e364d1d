using Lifestyle.Domain.Progress;
using MediatR;

namespace Lifestyle.Queries.Goals.GetGoalDays;

/// <summary>GET /v1/goals/{goalId}/days?from=&amp;to= (local dates; default the last 7 days; at most 366).</summary>
public sealed record GetGoalDaysQuery(string UserId, string GoalId, DateOnly? From, DateOnly? To, long? MinVersion = null)
    : IRequest<DayList>;

public sealed record DayList(IReadOnlyList<DayFigures> Items, long Version, bool Stale);
