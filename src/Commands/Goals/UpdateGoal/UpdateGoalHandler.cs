using Lifestyle.Commands.Common;
using Lifestyle.Commands.EventStore;
using Lifestyle.Domain.Goals;

namespace Lifestyle.Commands.Goals.UpdateGoal;

public sealed class UpdateGoalHandler(GoalCommandService service) : GoalCommandHandler<UpdateGoalCommand>(service)
{
    public override ValueTask<GoalIntent> IntentAsync(UpdateGoalCommand c, IGoalStore store, CancellationToken ct) =>
        new(new ChangeDefinition(c.Title, c.Target, c.Unit, c.TimesPerWeek, c.Milestones, c.EndDate));

    public override CommandResponse Respond(Appended appended) => new(appended.After.GoalId, appended.After.Version);
}
