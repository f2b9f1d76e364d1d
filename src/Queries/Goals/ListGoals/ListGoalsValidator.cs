using FluentValidation;

namespace Lifestyle.Queries.Goals.ListGoals;

public sealed class ListGoalsValidator : AbstractValidator<ListGoalsQuery>
{
    public static readonly string[] Statuses = ["active", "paused", "completed", "archived", "all"];

    public ListGoalsValidator()
    {
        RuleFor(q => q.Status).Must(s => Statuses.Contains(s))
            .WithMessage($"status must be one of {string.Join(", ", Statuses)}.");
        RuleFor(q => q.Limit).InclusiveBetween(1, 200);
    }
}
