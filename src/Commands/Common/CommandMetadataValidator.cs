using FluentValidation;

namespace Lifestyle.Commands.Common;

public sealed partial class CommandMetadataValidator : AbstractValidator<CommandMetadata>
{
    public CommandMetadataValidator()
    {
        RuleFor(m => m.UserId).NotEmpty().Matches(UserIdPattern()).WithMessage("The token's sub is not a valid user id.");
        RuleFor(m => m.ExpectedVersion).GreaterThanOrEqualTo(1).When(m => m.ExpectedVersion is not null)
            .OverridePropertyName("If-Match").WithMessage("If-Match must be a goal version, 1 or more.");
        RuleFor(m => m.Idempotency!.Key).Matches(IdempotencyKeyPattern()).When(m => m.Idempotency is not null)
            .OverridePropertyName("Idempotency-Key")
            .WithMessage("Idempotency-Key must be 1-128 characters of A-Z a-z 0-9 _ . : -");
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^[A-Za-z0-9_-]{1,64}\z")]
    public static partial System.Text.RegularExpressions.Regex UserIdPattern();

    [System.Text.RegularExpressions.GeneratedRegex(@"^[A-Za-z0-9_.:-]{1,128}\z")]
    public static partial System.Text.RegularExpressions.Regex IdempotencyKeyPattern();
}
