using Lifestyle.Queries.Common;
using MediatR;

namespace Lifestyle.Queries.Goals.ListGoals;

/// <summary>GET /v1/goals?status=&amp;limit=&amp;cursor= (status defaults to active; <c>all</c> lists every goal).</summary>
public sealed record ListGoalsQuery(string UserId, string Status = "active", int Limit = 50, string? Cursor = null) : IRequest<GoalList>;

public sealed record GoalList(IReadOnlyList<GoalView> Items, string? NextCursor);
