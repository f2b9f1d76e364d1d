using Lifestyle.Domain.Goals;
using Lifestyle.Queries.Common;
using MediatR;

namespace Lifestyle.Queries.Goals.GetGoal;

public sealed class GetGoalHandler(ReadModelReader reader, TimeProvider time) : IRequestHandler<GetGoalQuery, GoalResult>
{
    public static readonly TimeSpan ReadYourWritesWait = TimeSpan.FromSeconds(2);

    public async Task<GoalResult> Handle(GetGoalQuery q, CancellationToken cancellationToken)
    {
        var (goal, stale) = await reader.GetAtLeastAsync(q.UserId, q.GoalId, q.MinVersion, ReadYourWritesWait, cancellationToken);
        return goal is null
            ? throw new GoalRuleException(GoalErrorCode.GoalNotFound, $"Goal {q.GoalId} was not found.")
            : new GoalResult(GoalView.From(goal, time.GetUtcNow()), stale);
    }
}
