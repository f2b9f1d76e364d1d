using System.Globalization;
using Amazon.DynamoDBv2.Model;
using Lifestyle.Infrastructure.Dynamo;
using Lifestyle.Infrastructure.Storage;
using Lifestyle.Projections.Notifications;
using Lifestyle.Projections.Projection;
using Lifestyle.Projections.Replay;
using Lifestyle.Projections.Stream;
using Lifestyle.Stack.Tests.Fixtures;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Xunit;

namespace Lifestyle.Stack.Tests;

/// <summary>The projector's notifications, end to end: API → table → stream → projector → SNS (fauxqs) → SQS.</summary>
[Collection(NotificationStackCollection.Name)]
public sealed class NotificationTests(NotificationStackFixture fixture)
{
    private StackFixture Stack => fixture.Stack;

    [Fact]
    public async Task Completing_a_total_goal_delivers_exactly_one_goal_completed_with_its_attributes()
    {
        var (userId, client, inbox) = await UserAsync();
        var goalId = await client.CreateGoalAsync(new { title = "Read books", pattern = "total", target = 10, unit = "books" });
        await client.LogAsync(goalId, 4);
        var before = DateTimeOffset.UtcNow;
        await client.GoalAtAsync(goalId, await client.LogAsync(goalId, 6));

        await inbox.WaitForAsync("goal.completed");
        var all = await inbox.SettleAsync();

        var completed = Assert.Single(all, n => n.Type == "goal.completed");
        var notificationId = NotificationItems.IdOf(new NotificationKey("USER#" + userId, $"NOTIFICATION#{goalId}#completed"));
        Assert.Equal(["goalId=" + goalId, "notificationId=" + notificationId, "type=goal.completed", "userId=" + userId],
            completed.Attributes.Select(a => $"{a.Key}={a.Value}").Order(StringComparer.Ordinal));
        Assert.Equal(["notificationId", "type", "userId", "goalId", "occurredAt", "data"], completed.Body.Select(p => p.Key));
        Assert.Equal(notificationId, (string)completed.Body["notificationId"]!);
        Assert.Equal(userId, (string)completed.Body["userId"]!);
        Assert.Equal(goalId, (string)completed.Body["goalId"]!);
        Assert.Empty(completed.Data);
        var occurredAt = DateTimeOffset.Parse((string)completed.Body["occurredAt"]!, CultureInfo.InvariantCulture);
        Assert.EndsWith("Z", (string)completed.Body["occurredAt"]!, StringComparison.Ordinal);
        Assert.InRange(occurredAt, before.AddSeconds(-1), DateTimeOffset.UtcNow);
        Assert.Equal([25, 50, 75, 100], Percents(all));
    }

    [Fact]
    public async Task Crossing_50_percent_delivers_one_goal_milestone_with_percent_50()
    {
        var (_, client, inbox) = await UserAsync();
        var goalId = await client.CreateGoalAsync(new { title = "Save", pattern = "total", target = 100, unit = "eur" });
        await client.LogAsync(goalId, 30);
        await inbox.WaitForAsync("goal.milestone");
        await client.GoalAtAsync(goalId, await client.LogAsync(goalId, 25));

        await inbox.WaitForAsync("goal.milestone", 2);
        var all = await inbox.SettleAsync();

        Assert.Equal([25, 50], Percents(all));
        var fifty = Assert.Single(all, n => n.Type == "goal.milestone" && (int)n.Data["percent"]! == 50);
        Assert.Equal(goalId, fifty.Attributes["goalId"]);
        Assert.DoesNotContain(all, n => n.Type == "goal.completed");
    }

    [Fact]
    public async Task A_jump_from_0_to_60_percent_delivers_25_and_50()
    {
        var (_, client, inbox) = await UserAsync();
        var goalId = await client.CreateGoalAsync(new { title = "Run 100 km", pattern = "total", target = 100, unit = "km" });
        await client.GoalAtAsync(goalId, await client.LogAsync(goalId, 60));

        await inbox.WaitForAsync("goal.milestone", 2);

        Assert.Equal([25, 50], Percents(await inbox.SettleAsync()));
    }

    [Fact]
    public async Task A_milestones_goal_delivers_each_threshold_it_reaches_once()
    {
        var (_, client, inbox) = await UserAsync();
        var goalId = await client.CreateGoalAsync(new { title = "Push-ups", pattern = "milestones", target = 20, milestones = new[] { 5, 10, 20 } });
        await client.LogAsync(goalId, 12);
        await inbox.WaitForAsync("goal.milestone", 2);
        await client.GoalAtAsync(goalId, await client.LogAsync(goalId, 8));

        await inbox.WaitForAsync("goal.completed");
        var all = await inbox.SettleAsync();

        Assert.Equal([5m, 10m, 20m], all.Where(n => n.Type == "goal.milestone").Select(n => (decimal)n.Data["threshold"]!));
        Assert.Single(all, n => n.Type == "goal.completed");
    }

    [Fact]
    public async Task A_streak_reaching_7_days_delivers_one_streak_milestone()
    {
        var (_, client, inbox) = await UserAsync();
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var goalId = await client.CreateGoalAsync(new { title = "Walk", pattern = "daily", target = 1, startDate = Day(today.AddDays(-8)) });
        long version = 0;
        for (var day = today.AddDays(-7); day <= today.AddDays(-1); day = day.AddDays(1))
        {
            version = await client.LogAsync(goalId, 1, Noon(day));
        }

        await client.GoalAtAsync(goalId, version);
        await client.GoalAtAsync(goalId, await client.LogAsync(goalId, 1));

        await inbox.WaitForAsync("streak.milestone");
        var milestone = Assert.Single(await inbox.SettleAsync(), n => n.Type == "streak.milestone");
        Assert.Equal(7, (int)milestone.Data["days"]!);
        Assert.Equal(goalId, milestone.Attributes["goalId"]);
    }

    [Fact]
    public async Task The_same_stream_record_delivered_again_and_a_concurrent_projection_send_nothing_new()
    {
        var (userId, client, inbox) = await UserAsync();
        var goalId = await client.CreateGoalAsync(new { title = "Books", pattern = "total", target = 4 });
        await client.GoalAtAsync(goalId, await client.LogAsync(goalId, 4));
        await inbox.WaitForAsync("goal.completed");
        var before = (await inbox.SettleAsync()).Count;

        // The stream (or Lambda) delivers the goal head's record again, twice.
        var head = new ChangeRecord("redelivered", "MODIFY", "900000000000000000001", null,
            new Dictionary<string, AttributeValue> { ["PK"] = new(Keys.User(userId)), ["SK"] = new(Keys.Goal(goalId)) }, null);
        Assert.Equal(BatchOutcome.Success, await Stack.Handler.HandleAsync([head], CancellationToken.None));
        Assert.Equal(BatchOutcome.Success, await Stack.Handler.HandleAsync([head], CancellationToken.None));

        // Two projectors raced on the same events: both observe the same pass; its facts were recorded already.
        var db = fixture.Get<Amazon.DynamoDBv2.IAmazonDynamoDB>();
        var table = fixture.Get<IOptions<DynamoOptions>>().Value.TableName;
        var events = await EventReader.ReadAfterAsync(db, table, userId, goalId, null, CancellationToken.None);
        var pass = new ProjectionResult(
            Domain.Progress.GoalProjection.Fold(events.Take(events.Count - 1)), Domain.Progress.GoalProjection.Fold(events)!, [events[^1]]);
        foreach (var observer in Stack.Services.GetServices<IProjectionObserver>())
        {
            await observer.ProjectedAsync(pass, CancellationToken.None);
            await observer.ProjectedAsync(pass, CancellationToken.None);
        }

        Assert.Equal(before, (await inbox.SettleAsync()).Count);
    }

    [Fact]
    public async Task A_replay_delivers_nothing()
    {
        var (userId, client, inbox) = await UserAsync();
        var goalId = await client.CreateGoalAsync(new { title = "Books", pattern = "total", target = 8 });
        await client.GoalAtAsync(goalId, await client.LogAsync(goalId, 8));
        await inbox.WaitForAsync("goal.completed");
        var before = (await inbox.SettleAsync()).Count;

        var rebuilder = ActivatorUtilities.CreateInstance<GoalRebuilder>(Stack.Services, ActivatorUtilities.CreateInstance<BulkReadModelWrites>(Stack.Services));
        await rebuilder.RebuildAsync(userId, goalId, ReadModelKeys.Live, new WriteThrottle(0), RebuildMode.Gated, CancellationToken.None);
        await rebuilder.RebuildAsync(userId, goalId, new ReadModelKeys("v9"), new WriteThrottle(0), RebuildMode.Bulk, CancellationToken.None);

        Assert.Equal(before, (await inbox.SettleAsync()).Count);
    }

    private async Task<(string UserId, HttpClient Client, NotificationInbox Inbox)> UserAsync()
    {
        var userId = StackFixture.NewUserId();
        return (userId, Stack.ClientFor(userId), await fixture.InboxForAsync(userId));
    }

    private static List<int> Percents(IEnumerable<ReceivedNotification> all) =>
        all.Where(n => n.Type == "goal.milestone").Select(n => (int)n.Data["percent"]!).ToList();

    internal static string Day(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    internal static string Noon(DateOnly d) => Day(d) + "T12:00:00Z";
}
