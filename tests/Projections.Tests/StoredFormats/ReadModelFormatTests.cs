using System.Text.Json;
using Lifestyle.Commands.Common;
using Lifestyle.Commands.EventStore;
using Lifestyle.Infrastructure.Storage;
using Lifestyle.Projections.Projection;
using Xunit;

namespace Lifestyle.Projections.Tests.StoredFormats;

/// <summary>The goal head, the read models and the idempotency record against their golden items.</summary>
public sealed class ReadModelFormatTests
{
    private static readonly ReadModelKeys Keys = ReadModelKeys.Live;

    [Fact]
    public void The_goal_head_is_stored_as_its_golden_item_and_reads_back()
    {
        Golden.Matches("head", ItemJson.Write(GoalHeadItems.ToItem(Samples.Head)));

        Assert.Equal(Samples.Head, GoalHeadItems.FromItem(ItemJson.Read(Golden.Read("head"))));
    }

    [Fact]
    public void The_progress_item_is_stored_as_its_golden_item_and_its_state_reads_back()
    {
        var item = ReadModelItems.Progress(Samples.Projection, Keys);
        Golden.Matches("progress", ItemJson.Write(item));

        var state = ReadModelItems.ReadState(ItemJson.Read(Golden.Read("progress")));
        Assert.Equal(JsonSerializer.Serialize(Samples.Projection, StoreJson.Options), JsonSerializer.Serialize(state, StoreJson.Options));
    }

    [Fact]
    public void The_streak_snapshot_and_rollup_items_are_stored_as_their_golden_items()
    {
        var p = Samples.Projection;
        Golden.Matches("streak", ItemJson.Write(ReadModelItems.Streak(p, Keys)));
        Golden.Matches("daily-snapshot", ItemJson.Write(ReadModelItems.DailySnapshot(p, new DateOnly(2026, 3, 2), Keys)));
        Golden.Matches("weekly-rollup", ItemJson.Write(ReadModelItems.Rollup(p, new DateOnly(2026, 3, 2), Keys)));
    }

    [Fact]
    public void The_idempotency_record_is_stored_as_its_golden_item()
    {
        var result = new CommandResult(201, new CommandResponse(Samples.Goal, 2, "activity-1"));
        var put = IdempotencyRecords.Put("lifestyle", Samples.User, new IdempotencyRequest("key-1", "fingerprint"), result,
            new DateTimeOffset(2026, 3, 2, 8, 30, 0, TimeSpan.Zero));

        Golden.Matches("idempotency", ItemJson.Write(put.Put.Item));
    }
}
