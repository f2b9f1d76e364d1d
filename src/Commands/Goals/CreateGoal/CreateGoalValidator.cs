using FluentValidation;
using Lifestyle.Commands.Common;
using Lifestyle.Domain.Goals;
using Lifestyle.Domain.Templates;
using Lifestyle.Domain.Time;

namespace Lifestyle.Commands.Goals.CreateGoal;

/// <summary>Shape of the request; the per-pattern rules of the merged definition are the domain's.</summary>
public sealed class CreateGoalValidator : AbstractValidator<CreateGoalCommand>
{
    public CreateGoalValidator()
    {
        RuleFor(c => c.Meta).SetValidator(new CommandMetadataValidator());
        RuleFor(c => c.TemplateId).Must(id => GoalTemplates.Find(id) is not null)
            .When(c => c.TemplateId is not null)
            .WithMessage(c => $"Unknown template '{c.TemplateId}'. Known: {string.Join(", ", GoalTemplates.All.Select(t => t.Id))}.");
        When(c => c.TemplateId is null, () =>
        {
            RuleFor(c => c.Title).NotEmpty().WithMessage("Title is required.");
            RuleFor(c => c.Pattern).NotEmpty().WithMessage("Pattern is required.");
            RuleFor(c => c.Target).NotNull().When(c => c.Pattern != "milestones").WithMessage("Target is required.");
        });
        RuleFor(c => c.Title!).MaximumLength(GoalLimits.TitleMaxLength).Must(t => t.Trim().Length > 0)
            .When(c => c.Title is not null).WithMessage($"Title must be 1-{GoalLimits.TitleMaxLength} characters.");
        RuleFor(c => c.Pattern).Must(p => GoalNames.TryParsePattern(p, out _)).When(c => c.Pattern is not null)
            .WithMessage("Pattern must be one of daily, weekly, total, limit, milestones.");
        RuleFor(c => c.Unit!).MaximumLength(GoalLimits.UnitMaxLength).When(c => c.Unit is not null);
        RuleFor(c => c.Timezone).Must(GoalClock.IsKnownTimezone).When(c => c.Timezone is not null)
            .WithMessage("Timezone must be an IANA time zone id, e.g. Europe/Berlin.");
    }
}
