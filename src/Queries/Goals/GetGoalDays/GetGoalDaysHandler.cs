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
        var to = q.To ?? GoalClock.LocalDate(time.GetUtcNow(), goal.Timezone);
        var from = q.From ?? to.AddDays(-6);
        DateRanges.Ensure(from, to, to.DayNumber - from.DayNumber + 1, MaxDays, "days");
        return new DayList(SeriesCalculator.Days(goal, from, to).ToList(), goal.Version, stale);
    }
}
