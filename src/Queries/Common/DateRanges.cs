using Lifestyle.Domain.Goals;
using Lifestyle.Domain.Time;

namespace Lifestyle.Queries.Common;

/// <summary>The ranges <c>/days</c> and <c>/weeks</c> accept: dates within 1900-01-01..2999-12-31 (docs/product-rules.md §5), bounded length.</summary>
public static class DateRanges
{
    public static readonly DateOnly First = new(1900, 1, 1);
    public static readonly DateOnly Last = new(2999, 12, 31);

    /// <summary>The given date, or the default; either must lie within <see cref="First"/>..<see cref="Last"/>.</summary>
    public static DateOnly Within(DateOnly? given, Func<DateOnly> fallback, string name)
    {
        var date = given ?? fallback();
        return date >= First && date <= Last
            ? date
            : throw new GoalRuleException(GoalErrorCode.InvalidDateRange,
                $"{name} {date:yyyy-MM-dd} is outside {First:yyyy-MM-dd}..{Last:yyyy-MM-dd}.");
    }

    /// <summary>A default start: <paramref name="date"/> moved back <paramref name="days"/> days, but not before <see cref="First"/>.</summary>
    public static DateOnly Before(DateOnly date, int days)
    {
        var back = GoalClock.AddDaysClamped(date, -days);
        return back < First ? First : back;
    }

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
