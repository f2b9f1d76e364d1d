using Lifestyle.Commands.Common;
using Lifestyle.Commands.EventStore;
using Lifestyle.Domain.Goals;

namespace Lifestyle.Commands.Goals.ChangeGoalStatus;

public sealed class ChangeGoalStatusHandler(GoalCommandService service) : GoalCommandHandler<ChangeGoalStatusCommand>(service)
{
    public override ValueTask<GoalIntent> IntentAsync(ChangeGoalStatusCommand command, IGoalStore store, CancellationToken ct) =>
        new(command.Transition switch
        {
            GoalTransition.Pause => new PauseGoal(),
            GoalTransition.Resume => new ResumeGoal(),
            GoalTransition.Complete => new CompleteGoal(),
            _ => new ArchiveGoal(),
        });

    public override CommandResponse Respond(Appended appended) =>
        new(appended.After.GoalId, appended.After.Version, Status: appended.After.Status.ToWire());
}
