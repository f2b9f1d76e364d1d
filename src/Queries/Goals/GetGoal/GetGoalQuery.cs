using Lifestyle.Queries.Common;
using MediatR;

namespace Lifestyle.Queries.Goals.GetGoal;

/// <summary>GET /v1/goals/{goalId}; <paramref name="MinVersion"/> waits (≤ 2 s) for the read model to reach it.</summary>
public sealed record GetGoalQuery(string UserId, string GoalId, long? MinVersion = null) : IRequest<GoalResult>;

public sealed record GoalResult(GoalView View, bool Stale);
