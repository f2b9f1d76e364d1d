using Lifestyle.Commands.Common;
using Lifestyle.Domain.Goals;
using MediatR;

namespace Lifestyle.Commands.Goals.UpdateGoal;

public sealed class UpdateGoalHandler(GoalCommandExecutor executor) : IRequestHandler<UpdateGoalCommand, CommandResult>
{
    public Task<CommandResult> Handle(UpdateGoalCommand c, CancellationToken cancellationToken)
    {
        var intent = new ChangeDefinition(c.Title, c.Target, c.Unit, c.TimesPerWeek, c.Milestones, c.EndDate);
        var plan = new GoalCommandPlan(
            c.GoalId,
            IsCreate: false,
            (state, _, now) => Task.FromResult(GoalDecider.Decide(state!, intent, now)),
            SuccessStatus: 200,
            (after, _) => new CommandResponse(after.GoalId, after.Version));
        return executor.ExecuteAsync(c.Meta, plan, cancellationToken);
    }
}
