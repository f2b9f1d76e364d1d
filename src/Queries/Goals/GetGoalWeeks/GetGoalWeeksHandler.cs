using Lifestyle.Domain.Progress;
using Lifestyle.Domain.Time;
using Lifestyle.Queries.Common;
using MediatR;

namespace Lifestyle.Queries.Goals.GetGoalWeeks;

public sealed class GetGoalWeeksHandler(ReadModelReader reader, TimeProvider time) : IRequestHandler<GetGoalWeeksQuery, WeekList>
{
    public const int MaxWeeks = 106;

    public async Task<WeekList> Handle(GetGoalWeeksQuery q, CancellationToken cancellationToken)
    {
        var (goal, stale) = await reader.GetRequiredAsync(q.UserId, q.GoalId, q.MinVersion, cancellationToken);
        var today = GoalClock.LocalDate(time.GetUtcNow(), goal.Timezone);
        var to = GoalClock.WeekStart(DateRanges.Within(q.To, () => today, "to"));
        var from = GoalClock.WeekStart(DateRanges.Within(q.From, () => DateRanges.Before(to, 7 * 7), "from"));
        DateRanges.Ensure(from, to, ((to.DayNumber - from.DayNumber) / 7) + 1, MaxWeeks, "weeks");
        return new WeekList(SeriesCalculator.Weeks(goal, from, to, today).ToList(), goal.Version, stale);
    }
}
