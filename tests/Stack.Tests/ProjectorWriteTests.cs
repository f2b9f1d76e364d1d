using System.Diagnostics;
using System.Globalization;
using Amazon.DynamoDBv2.Model;
using Lifestyle.Infrastructure.Storage;
using Lifestyle.Projections.Projection;
using Lifestyle.Projections.Projection.Sources;
using Lifestyle.Stack.Tests.Fixtures;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Xunit;

namespace Lifestyle.Stack.Tests;

/// <summary>What a live pass writes: every read model it changes, gated on the version, and nothing it does not change.</summary>
[Collection(StackCollection.Name)]
public sealed class ProjectorWriteTests(StackFixture stack)
{
    [Fact]
    public async Task A_log_that_leaves_the_streak_as_it_was_rewrites_progress_and_the_day_but_not_the_streak_item()
    {
        var user = StackFixture.NewUserId();
        using var client = stack.ClientFor(user);
        var days = new LocalDays("Europe/Berlin");
        var goalId = await client.CreateGoalAsync(new { title = "Water", pattern = "daily", target = 8, timezone = days.Zone });
        var first = await client.LogAsync(goalId, 2);
        await stack.WaitForVersionAsync(user, $"PROGRESS#{goalId}", first, Stopwatch.StartNew(), TimeSpan.FromSeconds(5));
        var streakVersion = ItemText.VersionOf((await stack.GetItemAsync(user, $"STREAK#{goalId}"))!);

        var second = await client.LogAsync(goalId, 3);
        await stack.WaitForVersionAsync(user, $"PROGRESS#{goalId}", second, Stopwatch.StartNew(), TimeSpan.FromSeconds(5));

        Assert.Equal(streakVersion, ItemText.VersionOf((await stack.GetItemAsync(user, $"STREAK#{goalId}"))!));
        Assert.Equal(second, ItemText.VersionOf((await stack.GetItemAsync(user, $"PROGRESS#{goalId}#{LocalDays.Iso(days.Today)}"))!));

        // 2 + 3 + 3 meets the target of 8: the streak changes, so its item is rewritten.
        var third = await client.LogAsync(goalId, 3);
        await stack.WaitForVersionAsync(user, $"PROGRESS#{goalId}", third, Stopwatch.StartNew(), TimeSpan.FromSeconds(5));

        Assert.Equal(third, ItemText.VersionOf((await stack.GetItemAsync(user, $"STREAK#{goalId}"))!));
    }

    [Fact]
    public async Task A_pass_folds_the_events_its_batch_carries_while_recent_and_catches_up_from_the_table_once_they_are_old()
    {
        var user = StackFixture.NewUserId();
        using var client = stack.ClientFor(user);
        var goalId = await client.CreateGoalAsync(new { title = "Pages", pattern = "total", target = 1000 });
        for (var i = 0; i < 3; i++)
        {
            await client.LogAsync(goalId, 10);
        }

        var events = await EventReader.ReadAfterAsync(stack.Dynamo.Client, stack.Dynamo.TableName, user, goalId, null, CancellationToken.None);
        Assert.Equal([1L, 2L, 3L, 4L], events.Select(e => e.Version));
        // A read-model version of its own, so the live projector's items do not answer for this projector's.
        var keys = new ReadModelKeys($"t{Guid.NewGuid():N}"[..12]);
        var clock = new ManualClock(events[1].RecordedAt.AddMilliseconds(100));
        var stored = new StoredProjections(stack.Dynamo.Client, Options.Create(stack.Dynamo.Options));
        var projector = new GoalProjector(new KeptProjections(new CarriedEvents(stored, clock)),
            stack.Services.GetRequiredService<ReadModelWriter>(), stack.Services.GetRequiredService<ErasureGuard>());
        GoalChange Change(long head) => new(user, goalId, 0, head, [.. events.Where(e => e.Version <= head)]);

        var fresh = await projector.ProjectAsync(user, goalId, keys, CancellationToken.None, Change(2));
        Assert.Equal((2L, true), (fresh!.After.Version, fresh.EventsCarried));

        clock.Now = events[2].RecordedAt + CarriedEvents.CatchUpAfter + TimeSpan.FromSeconds(1);
        var behind = await projector.ProjectAsync(user, goalId, keys, CancellationToken.None, Change(3));
        Assert.Equal((4L, false, true), (behind!.After.Version, behind.EventsCarried, behind.StateKept));

        Assert.Null(await projector.ProjectAsync(user, goalId, keys, CancellationToken.None, Change(3)));
        Assert.Equal(4L, ItemText.VersionOf((await stack.GetItemAsync(user, keys.Progress(goalId)))!));
    }

    [Fact]
    public async Task A_pass_writes_in_one_transaction_and_when_one_gate_refuses_it_writes_the_other_items_one_by_one()
    {
        var writer = stack.Services.GetRequiredService<ReadModelWriter>();
        var user = StackFixture.NewUserId();
        Dictionary<string, AttributeValue> Item(string sk, long version) => new()
        {
            [Keys.PK] = new(Keys.User(user)),
            [Keys.SK] = new(sk),
            ["version"] = new() { N = version.ToString(CultureInfo.InvariantCulture) },
        };

        var first = await writer.PutAllAsync([Item("T#a", 1), Item("T#b", 1)], Item("T#last", 1), 1, rebuild: false, CancellationToken.None);
        await writer.PutAsync(Item("T#b", 5), 5, rebuild: false, CancellationToken.None);
        var second = await writer.PutAllAsync([Item("T#a", 3), Item("T#b", 3)], Item("T#last", 3), 3, rebuild: false, CancellationToken.None);

        Assert.Equal(3, first.Written);
        Assert.Equal(2, second.Written);
        var versions = await Task.WhenAll(new[] { "T#a", "T#b", "T#last" }.Select(async sk => ItemText.VersionOf((await stack.GetItemAsync(user, sk))!)));
        Assert.Equal([3L, 5L, 3L], versions);
    }

    private sealed class ManualClock(DateTimeOffset now) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = now;

        public override DateTimeOffset GetUtcNow() => Now;
    }
}
