using Lifestyle.Domain.Progress;
using Lifestyle.Domain.Time;
using Lifestyle.Queries.Common;
using MediatR;

namespace Lifestyle.Queries.Goals.GetGoalDays;

public sealed class GetGoalDaysHandler(ReadModelReader reader, TimeProvider time) : IRequestHandler<GetGoalDaysQuery, DayList>
{
    public const int MaxDays = 366;

    public async Task<DayList> Handle(GetGoalDaysQuery q, CancellationToken cancellationToken)
    {
        var (goal, stale) = await reader.GetRequiredAsync(q.UserId, q.GoalId, q.MinVersion, cancellationToken);
        var to = DateRanges.Within(q.To, () => GoalClock.LocalDate(time.GetUtcNow(), goal.Timezone), "to");
        var from = DateRanges.Within(q.From, () => DateRanges.Before(to, 6), "from");
        DateRanges.Ensure(from, to, to.DayNumber - from.DayNumber + 1, MaxDays, "days");
        return new DayList(SeriesCalculator.Days(goal, from, to).ToList(), goal.Version, stale);
    }
}
