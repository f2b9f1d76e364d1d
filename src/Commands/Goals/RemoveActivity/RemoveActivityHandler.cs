using Lifestyle.Commands.Common;
using Lifestyle.Commands.EventStore;
using Lifestyle.Domain.Goals;

namespace Lifestyle.Commands.Goals.RemoveActivity;

public sealed class RemoveActivityHandler(GoalCommandService service) : GoalCommandHandler<RemoveActivityCommand>(service)
{
    /// <summary>The activity is read before decide, which then only judges it.</summary>
    public override async ValueTask<GoalIntent> IntentAsync(RemoveActivityCommand command, IGoalStore store, CancellationToken ct)
    {
        var found = await store.FindActivityAsync(command.Meta.UserId, command.GoalId, command.ActivityId, ct);
        return new Domain.Goals.RemoveActivity(command.ActivityId, found);
    }

    public override CommandResponse Respond(Appended appended) => new(appended.After.GoalId, appended.After.Version);
}
