using FluentValidation;
using Lifestyle.Commands.Common;
using Lifestyle.Domain.Goals;

namespace Lifestyle.Commands.Goals.UpdateGoal;

public sealed class UpdateGoalValidator : AbstractValidator<UpdateGoalCommand>
{
    public UpdateGoalValidator()
    {
        RuleFor(c => c.Meta).SetValidator(new CommandMetadataValidator());
        RuleFor(c => c.Title!).MaximumLength(GoalLimits.TitleMaxLength).Must(t => t.Trim().Length > 0)
            .When(c => c.Title is not null).WithMessage($"Title must be 1-{GoalLimits.TitleMaxLength} characters.");
        RuleFor(c => c.Unit!).MaximumLength(GoalLimits.UnitMaxLength).When(c => c.Unit is not null);
        RuleFor(c => c).Must(c => c.Title is not null || c.Target is not null || c.Unit is not null
                || c.TimesPerWeek is not null || c.Milestones is not null || c.EndDate is not null)
            .OverridePropertyName("body")
            .WithMessage("Give at least one of title, target, unit, timesPerWeek, milestones, endDate.");
    }
}
