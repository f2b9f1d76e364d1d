using FluentValidation;
using Lifestyle.Commands.Common;

namespace Lifestyle.Commands.Goals.RemoveActivity;

public sealed class RemoveActivityValidator : AbstractValidator<RemoveActivityCommand>
{
    public RemoveActivityValidator() => RuleFor(c => c.Meta).SetValidator(new CommandMetadataValidator());
}
