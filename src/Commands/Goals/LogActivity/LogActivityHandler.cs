using Lifestyle.Commands.Common;
using Lifestyle.Commands.EventStore;
using Lifestyle.Domain.Goals;

namespace Lifestyle.Commands.Goals.LogActivity;

public sealed class LogActivityHandler(GoalCommandService service) : GoalCommandHandler<LogActivityCommand>(service)
{
    public override int SuccessStatus => 201;

    public override ValueTask<GoalIntent> IntentAsync(LogActivityCommand command, IGoalStore store, CancellationToken ct) =>
        new(new Domain.Goals.LogActivity(command.Value!.Value, command.OccurredAt, command.Note));

    public override CommandResponse Respond(Appended appended) =>
        new(appended.After.GoalId, appended.After.Version, appended.LoggedActivityId);
}
