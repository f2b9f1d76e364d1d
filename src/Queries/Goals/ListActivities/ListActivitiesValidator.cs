using FluentValidation;

namespace Lifestyle.Queries.Goals.ListActivities;

public sealed class ListActivitiesValidator : AbstractValidator<ListActivitiesQuery>
{
    public ListActivitiesValidator() => RuleFor(q => q.Limit).InclusiveBetween(1, 200);
}
