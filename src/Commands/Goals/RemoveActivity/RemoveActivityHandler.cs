using Lifestyle.Commands.Common;
using Lifestyle.Commands.EventStore;
using Lifestyle.Domain.Goals;
using MediatR;

namespace Lifestyle.Commands.Goals.RemoveActivity;

public sealed class RemoveActivityHandler(GoalCommandExecutor executor, GoalEventStore store)
    : IRequestHandler<RemoveActivityCommand, CommandResult>
{
    public Task<CommandResult> Handle(RemoveActivityCommand c, CancellationToken cancellationToken)
    {
        var plan = new GoalCommandPlan(
            c.GoalId,
            IsCreate: false,
            async (state, _, now) =>
            {
                var found = await store.FindActivityAsync(c.Meta.UserId, c.GoalId, c.ActivityId, cancellationToken);
                return GoalDecider.Decide(state!, new Domain.Goals.RemoveActivity(c.ActivityId, found), now);
            },
            SuccessStatus: 200,
            (after, _) => new CommandResponse(after.GoalId, after.Version));
        return executor.ExecuteAsync(c.Meta, plan, cancellationToken);
    }
}
