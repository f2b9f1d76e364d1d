using Lifestyle.Domain.Goals;

namespace Lifestyle.Queries.Common;

public static class DateRanges
{
    public static void Ensure(DateOnly from, DateOnly to, int length, int max, string unit)
    {
        if (from > to)
        {
            throw new GoalRuleException(GoalErrorCode.InvalidDateRange, "from must not be after to.");
        }

        if (length > max)
        {
            throw new GoalRuleException(GoalErrorCode.InvalidDateRange, $"The range spans {length} {unit}; at most {max}.");
        }
    }
}
