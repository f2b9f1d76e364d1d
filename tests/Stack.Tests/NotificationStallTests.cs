using System.Diagnostics;
using Lifestyle.Projections.Notifications;
using Lifestyle.Stack.Tests.Fixtures;
using Xunit;

namespace Lifestyle.Stack.Tests;

/// <summary>A notification stack of its own with a 4 s lease, whose emulator the test stops (SIGSTOP) and resumes.</summary>
public sealed class StalledSnsFixture : IAsyncLifetime
{
    public NotificationStackFixture Notifications { get; } = new()
    {
        ExtraSettings = new Dictionary<string, string?> { ["Notifications:LeaseSeconds"] = "4" },
    };

    public Task InitializeAsync() => Notifications.InitializeAsync();

    public Task DisposeAsync() => Notifications.DisposeAsync();
}

[CollectionDefinition(Name)]
public sealed class StalledSnsCollection : ICollectionFixture<StalledSnsFixture>
{
    public const string Name = "stalled sns";
}

/// <summary>
/// docs/product-rules.md §6, §8a: a hung SNS delays notifications, never read models, and a fact whose
/// publish got no answer is sent again only after its lease, with the same notificationId.
/// </summary>
[Collection(StalledSnsCollection.Name)]
public sealed class NotificationStallTests(StalledSnsFixture fixture)
{
    [Fact]
    public async Task A_hung_sns_neither_delays_read_models_nor_sends_a_fact_more_than_twice()
    {
        var n = fixture.Notifications;
        var userId = StackFixture.NewUserId();
        var inbox = await n.InboxForAsync(userId);
        using var client = n.Stack.ClientFor(userId);
        var goalId = await client.CreateGoalAsync(new { title = "Read", pattern = "total", target = 10 });
        await client.GoalAtAsync(goalId, await client.LogAsync(goalId, 3));
        await inbox.WaitUntilAsync(r => r.Any(x => x.Type == "goal.milestone" && (int?)x.Data["percent"] == 25));

        n.Fauxqs.Signal("STOP");
        var projected = new List<TimeSpan>();
        try
        {
            foreach (var value in new[] { 3m, 1m, 1m })
            {
                var clock = Stopwatch.StartNew();
                await client.GoalAtAsync(goalId, await client.LogAsync(goalId, value));
                projected.Add(clock.Elapsed);
            }

            await Task.Delay(TimeSpan.FromSeconds(3));
        }
        finally
        {
            n.Fauxqs.Signal("CONT");
        }

        Assert.All(projected, t => Assert.True(t < TimeSpan.FromSeconds(1.5), $"a log took {t.TotalMilliseconds:0} ms to reach its read model while SNS hung: {string.Join(", ", projected)}"));
        var fifty = await inbox.WaitUntilAsync(r => r.Any(x => x.Type == "goal.milestone" && (int?)x.Data["percent"] == 50), TimeSpan.FromSeconds(30));
        var all = await inbox.SettleAsync(TimeSpan.FromSeconds(6));
        var copies = all.Where(x => x.Type == "goal.milestone" && (int?)x.Data["percent"] == 50).ToList();
        var id = NotificationItems.IdOf(new NotificationKey("USER#" + userId, $"NOTIFICATION#{goalId}#percent#50"));
        Assert.InRange(copies.Count, 1, 2);
        Assert.All(copies, c => Assert.Equal(id, c.Attributes["notificationId"]));
        Assert.All(copies, c => Assert.Equal(id, (string)c.Body["notificationId"]!));
        Assert.Single(all, x => x.Type == "goal.milestone" && (int?)x.Data["percent"] == 25);
        Assert.NotNull(fifty);
    }
}
