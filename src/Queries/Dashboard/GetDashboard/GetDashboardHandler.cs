using Lifestyle.Domain.Goals;
using Lifestyle.Queries.Common;
using MediatR;

namespace Lifestyle.Queries.Dashboard.GetDashboard;

public sealed class GetDashboardHandler(ReadModelReader reader, ParkedGoals parked, TimeProvider time) : IRequestHandler<GetDashboardQuery, DashboardView>
{
    public async Task<DashboardView> Handle(GetDashboardQuery q, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var goals = (await reader.GetAllAsync(q.UserId, cancellationToken))
            .Where(g => g.Status == GoalStatus.Active)
            .Select(g => GoalView.From(g, now, parked.IsParked(q.UserId, g.GoalId)))
            .ToList();
        var summary = new DashboardSummary(
            goals.Count,
            goals.Count(g => g.Progress.TargetReached),
            goals.Count(g => g.Streak is { Current: > 0 }));
        return new DashboardView(goals, summary);
    }
}
