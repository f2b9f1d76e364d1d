using Lifestyle.Domain.Goals;
using Lifestyle.Queries.Goals.ListActivities;
using MediatR;

namespace Lifestyle.Queries.Export.ExportData;

/// <summary>GET /v1/export: all the user's goals with their live activities, streamed goal by goal.</summary>
public sealed record ExportDataQuery(string UserId) : IRequest<IAsyncEnumerable<ExportedGoal>>;

public sealed record ExportedGoal(
    string GoalId, string Title, string Pattern, string Status, decimal Target, string? Unit, DateOnly StartDate,
    string Timezone, IReadOnlyList<ActivityView> Activities)
{
    public static ExportedGoal From(GoalState s, IReadOnlyList<ActivityView> activities) => new(
        s.GoalId, s.Definition.Title, s.Pattern.ToWire(), s.Status.ToWire(), s.Definition.Target, s.Definition.Unit,
        s.StartDate, s.Timezone, activities);
}
