using Lifestyle.Commands.Common;
using Lifestyle.Domain.Events;
using Lifestyle.Domain.Goals;
using MediatR;

namespace Lifestyle.Commands.Goals.LogActivity;

public sealed class LogActivityHandler(GoalCommandExecutor executor) : IRequestHandler<LogActivityCommand, CommandResult>
{
    public Task<CommandResult> Handle(LogActivityCommand c, CancellationToken cancellationToken)
    {
        var intent = new Domain.Goals.LogActivity(c.Value!.Value, c.OccurredAt, c.Note);
        var plan = new GoalCommandPlan(
            c.GoalId,
            IsCreate: false,
            (state, _, now) => Task.FromResult(GoalDecider.Decide(state!, intent, now)),
            SuccessStatus: 201,
            (after, events) => new CommandResponse(
                after.GoalId, after.Version, events.Select(e => e.Event).OfType<ActivityLogged>().Single().ActivityId));
        return executor.ExecuteAsync(c.Meta, plan, cancellationToken);
    }
}
