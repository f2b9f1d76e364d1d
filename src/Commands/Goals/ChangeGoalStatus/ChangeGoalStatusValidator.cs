using FluentValidation;
using Lifestyle.Commands.Common;

namespace Lifestyle.Commands.Goals.ChangeGoalStatus;

public sealed class ChangeGoalStatusValidator : AbstractValidator<ChangeGoalStatusCommand>
{
    public ChangeGoalStatusValidator()
    {
        RuleFor(c => c.Meta).SetValidator(new CommandMetadataValidator());
        RuleFor(c => c.Transition).IsInEnum();
    }
}
