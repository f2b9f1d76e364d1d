using FluentValidation;
using Lifestyle.Commands.Common;
using Lifestyle.Domain.Goals;

namespace Lifestyle.Commands.Goals.LogActivity;

/// <summary>Value bounds; whether 0 is allowed depends on the goal's pattern, which the domain checks.</summary>
public sealed class LogActivityValidator : AbstractValidator<LogActivityCommand>
{
    public LogActivityValidator()
    {
        RuleFor(c => c.Meta).SetValidator(new CommandMetadataValidator());
        RuleFor(c => c.Value).NotNull().WithMessage("Value is required.");
        RuleFor(c => c.Value!.Value).InclusiveBetween(0m, GoalLimits.MaxActivityValue).When(c => c.Value is not null)
            .OverridePropertyName("value")
            .WithMessage($"Value must be greater than 0 and at most {GoalLimits.MaxActivityValue:0}.");
        RuleFor(c => c.Note!).MaximumLength(GoalLimits.NoteMaxLength).When(c => c.Note is not null);
    }
}
