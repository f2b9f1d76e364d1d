using Lifestyle.Commands.Common;
using Lifestyle.Domain.Goals;
using Lifestyle.Domain.Templates;
using Lifestyle.Domain.Time;
using Lifestyle.Commands.EventStore;

namespace Lifestyle.Commands.Goals.CreateGoal;

public sealed class CreateGoalHandler(GoalCommandService service) : GoalCommandHandler<CreateGoalCommand>(service)
{
    public override bool Creates => true;

    public override int SuccessStatus => 201;

    public override ValueTask<GoalIntent> IntentAsync(CreateGoalCommand command, IGoalStore store, CancellationToken ct) =>
        new(ToIntent(command, command.GoalId));

    public override CommandResponse Respond(Appended appended) => new(appended.After.GoalId, appended.After.Version);

    private static Domain.Goals.CreateGoal ToIntent(CreateGoalCommand c, string goalId)
    {
        var template = GoalTemplates.Find(c.TemplateId);
        var pattern = c.Pattern is not null ? GoalNames.ParsePattern(c.Pattern) : template!.Pattern;
        var milestones = c.Milestones;
        var target = c.Target
            ?? (pattern == GoalPattern.Milestones && milestones is { Count: > 0 } ? milestones[^1] : template?.Target ?? 0);
        var timesPerWeek = c.TimesPerWeek ?? (pattern == template?.Pattern ? template.TimesPerWeek : null);
        var definition = new GoalDefinition(
            c.Title ?? template!.Title, target, c.Unit ?? template?.Unit, timesPerWeek, milestones, c.EndDate);
        return new Domain.Goals.CreateGoal(
            goalId, c.Meta.UserId, pattern, definition, c.StartDate, c.Timezone ?? GoalClock.DefaultTimezone, template?.Id);
    }
}
