using Lifestyle.Queries.Common;
using MediatR;

namespace Lifestyle.Queries.Goals.GetGoal;

public sealed class GetGoalHandler(ReadModelReader reader, ParkedGoals parked, TimeProvider time) : IRequestHandler<GetGoalQuery, GoalResult>
{
    public async Task<GoalResult> Handle(GetGoalQuery q, CancellationToken cancellationToken)
    {
        var (goal, stale) = await reader.GetRequiredAsync(q.UserId, q.GoalId, q.MinVersion, cancellationToken);
        return new GoalResult(GoalView.From(goal, time.GetUtcNow(), parked.IsParked(q.UserId, q.GoalId)), stale);
    }
}
