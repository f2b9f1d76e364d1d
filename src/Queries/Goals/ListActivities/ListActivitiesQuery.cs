using MediatR;

namespace Lifestyle.Queries.Goals.ListActivities;

/// <summary>GET /v1/goals/{goalId}/activities?limit=&amp;cursor=: newest occurredAt first, removed ones excluded.</summary>
public sealed record ListActivitiesQuery(string UserId, string GoalId, int Limit = 50, string? Cursor = null) : IRequest<ActivityList>;

public sealed record ActivityList(IReadOnlyList<ActivityView> Items, string? NextCursor);

public sealed record ActivityView(string ActivityId, decimal Value, DateTimeOffset OccurredAt, string? Note, DateTimeOffset RecordedAt);
