using Lifestyle.Projections.Stream;
using Xunit;

namespace Lifestyle.Projections.Tests;

public sealed class ShardCursorTests
{
    private static readonly DateTimeOffset Now = DateTimeOffset.UnixEpoch;

    [Fact]
    public void A_child_shard_waits_until_its_parent_is_fully_read()
    {
        var parent = new ShardCursor(new StreamShard("p", null, "1", null), null);
        var child = new ShardCursor(new StreamShard("c", "p", "5", null), null);
        var all = new Dictionary<string, ShardCursor> { ["p"] = parent, ["c"] = child };

        Assert.True(parent.IsReady(all, Now));
        Assert.False(child.IsReady(all, Now));
        parent.Done = true;
        Assert.False(parent.IsReady(all, Now));
        Assert.True(child.IsReady(all, Now));
    }

    [Fact]
    public void A_child_whose_parent_left_the_stream_starts_at_once()
    {
        var child = new ShardCursor(new StreamShard("c", "gone", "5", null), null);

        Assert.True(child.IsReady(new Dictionary<string, ShardCursor> { ["c"] = child }, Now));
    }

    [Fact]
    public void A_shard_in_backoff_waits_for_its_time()
    {
        var shard = new ShardCursor(new StreamShard("s", null, "1", null), null) { NotBefore = Now.AddSeconds(1) };
        var all = new Dictionary<string, ShardCursor> { ["s"] = shard };

        Assert.False(shard.IsReady(all, Now));
        Assert.True(shard.IsReady(all, Now.AddSeconds(1)));
    }

    [Fact]
    public void Reading_resumes_at_a_failed_record_else_after_the_checkpoint_else_at_the_start()
    {
        var shard = new ShardCursor(new StreamShard("s", null, "1", null), new ShardCheckpoint("s", "20", Closed: false));

        Assert.Equal((ShardIteratorType.AfterSequenceNumber, "20"), shard.NextIteratorRequest(startAtLatest: false));
        shard.RetryFrom = "21";
        Assert.Equal((ShardIteratorType.AtSequenceNumber, "21"), shard.NextIteratorRequest(startAtLatest: false));
        shard.ResetToTrimHorizon();
        Assert.Equal((ShardIteratorType.TrimHorizon, (string?)null), shard.NextIteratorRequest(startAtLatest: true));
        Assert.Equal((ShardIteratorType.Latest, (string?)null),
            new ShardCursor(new StreamShard("n", null, "1", null), null).NextIteratorRequest(startAtLatest: true));
    }

    [Fact]
    public void A_closed_checkpoint_marks_the_shard_done()
    {
        Assert.True(new ShardCursor(new StreamShard("s", null, "1", "9"), new ShardCheckpoint("s", "9", Closed: true)).Done);
    }
}
