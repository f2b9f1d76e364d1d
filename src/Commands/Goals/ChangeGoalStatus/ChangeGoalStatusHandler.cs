using Lifestyle.Commands.Common;
using Lifestyle.Domain.Goals;
using MediatR;

namespace Lifestyle.Commands.Goals.ChangeGoalStatus;

public sealed class ChangeGoalStatusHandler(GoalCommandExecutor executor) : IRequestHandler<ChangeGoalStatusCommand, CommandResult>
{
    public Task<CommandResult> Handle(ChangeGoalStatusCommand c, CancellationToken cancellationToken)
    {
        GoalIntent intent = c.Transition switch
        {
            GoalTransition.Pause => new PauseGoal(),
            GoalTransition.Resume => new ResumeGoal(),
            GoalTransition.Complete => new CompleteGoal(),
            _ => new ArchiveGoal(),
        };
        var plan = new GoalCommandPlan(
            c.GoalId,
            IsCreate: false,
            (state, _, now) => Task.FromResult(GoalDecider.Decide(state!, intent, now)),
            SuccessStatus: 200,
            (after, _) => new CommandResponse(after.GoalId, after.Version, Status: after.Status.ToWire()));
        return executor.ExecuteAsync(c.Meta, plan, cancellationToken);
    }
}
