using FluentValidation;
using Lifestyle.Commands.Common;

namespace Lifestyle.Commands.Users.EraseUser;

public sealed class EraseUserValidator : AbstractValidator<EraseUserCommand>
{
    public EraseUserValidator() =>
        RuleFor(c => c.UserId).NotEmpty().Matches(CommandMetadataValidator.UserIdPattern()).WithMessage("The token's sub is not a valid user id.");
}
