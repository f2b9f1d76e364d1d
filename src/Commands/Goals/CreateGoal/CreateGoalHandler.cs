using Lifestyle.Commands.Common;
using Lifestyle.Domain.Goals;
using Lifestyle.Domain.Templates;
using Lifestyle.Domain.Time;
using MediatR;

namespace Lifestyle.Commands.Goals.CreateGoal;

public sealed class CreateGoalHandler(GoalCommandExecutor executor) : IRequestHandler<CreateGoalCommand, CommandResult>
{
    public Task<CommandResult> Handle(CreateGoalCommand c, CancellationToken cancellationToken)
    {
        var goalId = Guid.CreateVersion7().ToString("N");
        var intent = ToIntent(c, goalId);
        var plan = new GoalCommandPlan(
            goalId,
            IsCreate: true,
            (_, openGoals, now) => Task.FromResult(GoalDecider.Create(intent, openGoals, now)),
            SuccessStatus: 201,
            (after, _) => new CommandResponse(after.GoalId, after.Version));
        return executor.ExecuteAsync(c.Meta, plan, cancellationToken);
    }

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
