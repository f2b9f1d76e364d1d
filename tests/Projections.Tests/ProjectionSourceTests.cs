using Lifestyle.Domain.Events;
using Lifestyle.Domain.Goals;
using Lifestyle.Domain.Progress;
using Lifestyle.Infrastructure.Storage;
using Lifestyle.Projections.Projection;
using Lifestyle.Projections.Projection.Sources;
using Lifestyle.Projections.Tests.Fixtures;
using Xunit;

namespace Lifestyle.Projections.Tests;

/// <summary>The projector's shortcuts, without a table: the kept fold and the carried events, over a counting source.</summary>
public sealed class ProjectionSourceTests
{
    private static readonly ReadModelKeys Keys = new("v1");
    private readonly GoalHistory history = GoalHistory.Of(GoalPattern.Total, 100, new DateOnly(2026, 3, 2));
    private readonly CountingSource table = new();

    private static GoalChange Change(long head, IReadOnlyList<EventEnvelope>? events = null) =>
        new(GoalHistory.UserId, GoalHistory.GoalId, 0, head, events ?? []);

    private static GoalPass Pass(GoalChange? change) => new(GoalHistory.UserId, GoalHistory.GoalId, Keys, change);

    private GoalProjection FoldTo(long version) => GoalProjection.Fold(history.Events.Where(e => e.Version <= version))!;

    private void Log(int count)
    {
        for (var i = 0; i < count; i++)
        {
            history.LogOn(new DateOnly(2026, 3, 2), 1);
        }
    }

    [Fact]
    public async Task A_batch_with_a_newer_head_starts_from_the_kept_fold_without_reading_the_table()
    {
        Log(2);
        var kept = new KeptProjections(table);
        kept.Projected(Pass(Change(2)), FoldTo(2));

        var start = await kept.StartAsync(Pass(Change(3)), CancellationToken.None);

        Assert.Equal((2L, true, false), (start.State!.Version, start.Kept, start.AlreadyPast));
        Assert.Equal(0, table.Starts);
    }

    [Fact]
    public async Task A_redelivered_head_reads_the_table_so_missing_read_models_are_rebuilt()
    {
        Log(2);
        var kept = new KeptProjections(table);
        kept.Projected(Pass(Change(3)), FoldTo(3));

        var start = await kept.StartAsync(Pass(Change(3)), CancellationToken.None);

        Assert.False(start.Kept);
        Assert.Equal(1, table.Starts);
    }

    [Fact]
    public async Task A_head_this_process_already_projected_past_is_skipped()
    {
        Log(2);
        var kept = new KeptProjections(table);
        kept.Projected(Pass(Change(3)), FoldTo(3));

        var start = await kept.StartAsync(Pass(Change(2)), CancellationToken.None);

        Assert.True(start.AlreadyPast);
        Assert.Equal(0, table.Starts);
    }

    [Fact]
    public async Task A_pass_without_a_batch_and_a_goal_after_a_failure_or_an_erasure_read_the_table()
    {
        Log(2);
        var kept = new KeptProjections(table);
        kept.Projected(Pass(Change(2)), FoldTo(2));
        await kept.StartAsync(Pass(null), CancellationToken.None);

        kept.Failed(Pass(Change(2)));
        await kept.StartAsync(Pass(Change(3)), CancellationToken.None);

        kept.Projected(Pass(Change(2)), FoldTo(2));
        kept.Forget(GoalHistory.UserId, GoalHistory.GoalId);
        await kept.StartAsync(Pass(Change(3)), CancellationToken.None);

        Assert.Equal(3, table.Starts);
        Assert.Equal(1, table.Forgotten);
    }

    [Fact]
    public async Task Kept_folds_are_per_read_model_version()
    {
        Log(1);
        var kept = new KeptProjections(table);
        kept.Projected(Pass(Change(1)), FoldTo(1));

        await kept.StartAsync(new GoalPass(GoalHistory.UserId, GoalHistory.GoalId, new ReadModelKeys("v2"), Change(2)), CancellationToken.None);

        Assert.Equal(1, table.Starts);
    }

    [Fact]
    public async Task Recent_consecutive_carried_events_are_folded_without_a_query()
    {
        Log(3);
        var carried = new CarriedEvents(table, new FixedClock(history.Events[^1].RecordedAt.AddMilliseconds(100)));

        var events = await carried.EventsAfterAsync(Pass(Change(4, history.Events)), FoldTo(2), CancellationToken.None);

        Assert.True(events.Carried);
        Assert.Equal([3L, 4L], events.Events.Select(e => e.Version));
        Assert.Equal(0, table.Reads);
    }

    [Fact]
    public async Task Carried_events_with_a_gap_or_short_of_the_head_are_queried_instead()
    {
        Log(3);
        var carried = new CarriedEvents(table, new FixedClock(history.Events[^1].RecordedAt));

        await carried.EventsAfterAsync(Pass(Change(4, [history.Events[0], history.Events[1], history.Events[3]])), FoldTo(1), CancellationToken.None);
        await carried.EventsAfterAsync(Pass(Change(4, history.Events.Take(3).ToList())), FoldTo(1), CancellationToken.None);
        await carried.EventsAfterAsync(Pass(null), FoldTo(1), CancellationToken.None);

        Assert.Equal(3, table.Reads);
    }

    [Fact]
    public async Task Carried_events_older_than_the_catch_up_bound_are_queried_so_the_pass_catches_up()
    {
        Log(1);
        var clock = new FixedClock(history.Events[^1].RecordedAt + CarriedEvents.CatchUpAfter + TimeSpan.FromMilliseconds(1));
        var carried = new CarriedEvents(table, clock);

        var events = await carried.EventsAfterAsync(Pass(Change(2, history.Events)), null, CancellationToken.None);

        Assert.False(events.Carried);
        Assert.Equal(1, table.Reads);
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    private sealed class CountingSource : IProjectionSource
    {
        public int Starts { get; private set; }

        public int Reads { get; private set; }

        public int Forgotten { get; private set; }

        public Task<PassStart> StartAsync(GoalPass pass, CancellationToken ct)
        {
            Starts++;
            return Task.FromResult(new PassStart(null));
        }

        public Task<PassEvents> EventsAfterAsync(GoalPass pass, GoalProjection? before, CancellationToken ct)
        {
            Reads++;
            return Task.FromResult(new PassEvents([]));
        }

        public void Projected(GoalPass pass, GoalProjection after)
        {
        }

        public void Failed(GoalPass pass)
        {
        }

        public void Forget(string userId, string goalId) => Forgotten++;
    }
}
