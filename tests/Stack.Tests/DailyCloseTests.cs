using System.Text;
using System.Text.Json.Nodes;
using Amazon.Runtime;
using Lifestyle.Domain.Time;
using Lifestyle.Infrastructure.Aws;
using Lifestyle.Projections.Jobs;
using Lifestyle.Projections.Notifications;
using Lifestyle.Projections.Stream;
using Lifestyle.Stack.Tests.Fixtures;
using Lifestyle.TestSupport;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Xunit;
using static Lifestyle.Stack.Tests.NotificationTests;

namespace Lifestyle.Stack.Tests;

/// <summary>The daily close and the retry of notifications that could not be published, against the real stack.</summary>
[Collection(NotificationStackCollection.Name)]
public sealed class DailyCloseTests(NotificationStackFixture fixture)
{
    private StackFixture Stack => fixture.Stack;

    [Fact]
    public async Task Daily_close_twice_for_the_same_date_delivers_each_streak_notification_once()
    {
        var userId = StackFixture.NewUserId();
        using var client = Stack.ClientFor(userId);
        var inbox = await fixture.InboxForAsync(userId);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var yesterday = today.AddDays(-1);
        // Met three days, then missed yesterday: closing yesterday breaks a 3-day streak.
        var lapsed = await client.CreateGoalAsync(new { title = "Stretch", pattern = "daily", target = 1, startDate = Day(today.AddDays(-5)) });
        // Met through yesterday, nothing yet today: a 3-day streak at risk.
        var going = await client.CreateGoalAsync(new { title = "Water", pattern = "daily", target = 2, startDate = Day(today.AddDays(-5)) });
        long v1 = 0, v2 = 0;
        for (var back = 4; back >= 1; back--)
        {
            var day = today.AddDays(-back);
            if (back >= 2)
            {
                v1 = await client.LogAsync(lapsed, 1, Noon(day));
            }

            if (back <= 3)
            {
                v2 = await client.LogAsync(going, 2, Noon(day));
            }
        }

        await client.GoalAtAsync(lapsed, v1);
        await client.GoalAtAsync(going, v2);
        var job = fixture.Get<DailyCloseJob>();

        var first = await job.RunAsync(yesterday, CancellationToken.None);
        using var payload = new MemoryStream(Encoding.UTF8.GetBytes($$"""{"date":"{{Day(yesterday)}}"}"""));
        var second = JsonNode.Parse(await new DailyCloseEntryPoint(job).HandleAsync(payload))!.AsObject();

        await inbox.WaitUntilAsync(r => r.Any(n => n.Type == "streak.broken") && r.Any(n => n.Type == "streak.at-risk"));
        var all = await inbox.SettleAsync();
        var broken = Assert.Single(all, n => n.Type == "streak.broken");
        Assert.Equal(lapsed, broken.Attributes["goalId"]);
        Assert.Equal(userId, broken.Attributes["userId"]);
        Assert.Equal(3, (int)broken.Data["days"]!);
        Assert.Equal(Day(today) + "T00:00:00Z", (string)broken.Body["occurredAt"]!);
        var atRisk = Assert.Single(all, n => n.Type == "streak.at-risk");
        Assert.Equal(going, atRisk.Attributes["goalId"]);
        Assert.Equal(3, (int)atRisk.Data["days"]!);
        Assert.True(first.Goals >= 2 && first.Broken >= 1 && first.AtRisk >= 1, first.Summary());
        Assert.Equal(Day(yesterday), (string)second["date"]!);
        Assert.Equal(0, (int)second["broken"]! + (int)second["atRisk"]! + (int)second["summaries"]!);
        Assert.True((int)second["alreadyRecorded"]! >= 2, second.ToJsonString());
    }

    [Fact]
    public async Task The_daily_close_verb_prints_its_summary_and_sends_nothing_new_when_run_again()
    {
        var userId = StackFixture.NewUserId();
        using var client = Stack.ClientFor(userId);
        var inbox = await fixture.InboxForAsync(userId);
        var yesterday = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-1);
        var goalId = await client.CreateGoalAsync(new { title = "Floss", pattern = "daily", target = 1, startDate = Day(yesterday.AddDays(-3)) });
        await client.LogAsync(goalId, 1, Noon(yesterday.AddDays(-2)));
        await client.GoalAtAsync(goalId, await client.LogAsync(goalId, 1, Noon(yesterday.AddDays(-1))));
        var sns = new Dictionary<string, string>
        {
            ["Sns__ServiceUrl"] = fixture.Fauxqs.ServiceUrl, ["Sns__TopicName"] = NotificationStackFixture.TopicName,
        };

        var off = await Stack.RunCliAsync("daily-close", "--date", Day(yesterday));
        var first = await Stack.RunCliWithAsync(sns, "daily-close", "--date", Day(yesterday));
        var again = await Stack.RunCliWithAsync(sns, "daily-close", "--date", Day(yesterday));
        var badDate = await Stack.RunCliWithAsync(sns, "daily-close", "--date", "yesterday");

        Assert.Equal(2, off.ExitCode);
        Assert.Contains("notifications are off", off.Error, StringComparison.Ordinal);
        Assert.Equal(0, first.ExitCode);
        Assert.Single(first.OutputLines, l => l.StartsWith($"daily-close {Day(yesterday)}: ", StringComparison.Ordinal));
        Assert.DoesNotContain("recorded 0 streak.broken", first.Output, StringComparison.Ordinal);
        Assert.Equal(0, again.ExitCode);
        Assert.Contains("recorded 0 streak.broken, 0 streak.at-risk, 0 summary.weekly", again.Output, StringComparison.Ordinal);
        Assert.Equal(2, badDate.ExitCode);
        Assert.Contains("--date must be yyyy-MM-dd", badDate.Error, StringComparison.Ordinal);
        var broken = Assert.Single(await inbox.SettleAsync());
        Assert.Equal(("streak.broken", goalId, 2), (broken.Type, broken.Attributes["goalId"], (int)broken.Data["days"]!));
    }

    [Fact]
    public async Task Closing_a_sunday_sends_each_user_one_weekly_summary_of_their_active_goals()
    {
        var userId = StackFixture.NewUserId();
        using var client = Stack.ClientFor(userId);
        var inbox = await fixture.InboxForAsync(userId);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var sunday = today.AddDays(-(((int)today.DayOfWeek + 6) % 7) - 1);
        var monday = sunday.AddDays(-6);
        var daily = await client.CreateGoalAsync(new { title = "Read", pattern = "daily", target = 2, startDate = Day(monday) });
        var weekly = await client.CreateGoalAsync(new { title = "Gym", pattern = "weekly", target = 1, timesPerWeek = 3, startDate = Day(monday) });
        long vd = 0, vw = 0;
        for (var i = 0; i < 5; i++)
        {
            vd = await client.LogAsync(daily, i < 4 ? 2 : 1, Noon(monday.AddDays(i)));
        }

        foreach (var i in new[] { 0, 2, 4 })
        {
            vw = await client.LogAsync(weekly, 1, Noon(monday.AddDays(i)));
        }

        await client.GoalAtAsync(daily, vd);
        await client.GoalAtAsync(weekly, vw);
        var job = fixture.Get<DailyCloseJob>();

        await job.RunAsync(sunday, CancellationToken.None);
        await job.RunAsync(sunday, CancellationToken.None);

        await inbox.WaitForAsync("summary.weekly");
        var summary = Assert.Single(await inbox.SettleAsync(), n => n.Type == "summary.weekly");
        Assert.False(summary.Attributes.ContainsKey("goalId"));
        Assert.False(summary.Body.ContainsKey("goalId"));
        Assert.Equal(GoalClock.WeekLabel(sunday), (string)summary.Data["week"]!);
        var goals = summary.Data["goals"]!.AsArray().Select(g => g!.AsObject()).ToDictionary(g => (string)g["goalId"]!);
        Assert.Equal(2, goals.Count);
        Assert.Equal(("Read", 4, false), ((string)goals[daily]["title"]!, (int)goals[daily]["daysMet"]!, (bool)goals[daily]["met"]!));
        Assert.Equal(("Gym", 3, true), ((string)goals[weekly]["title"]!, (int)goals[weekly]["daysMet"]!, (bool)goals[weekly]["met"]!));
    }

    [Fact]
    public async Task A_notification_that_could_not_be_published_stays_pending_and_is_sent_once_by_the_sweeper()
    {
        var userId = StackFixture.NewUserId();
        var inbox = await fixture.InboxForAsync(userId);
        var store = fixture.Get<NotificationStore>();
        var topicArn = await fixture.Get<SnsPublisher>().TopicArnAsync(CancellationToken.None);
        var down = new SnsOptions { ServiceUrl = $"http://127.0.0.1:{LocalProcess.FreePort()}", TopicArn = topicArn, InlineAttempts = 2 };
        using var unreachable = new SnsPublisher(new HttpClient(), new Uri(down.ServiceUrl), new SigV4Signer("us-east-1", "sns"),
            () => new BasicAWSCredentials("lifestylelocal", "lifestylelocal"), down) { RetryBaseDelay = TimeSpan.FromMilliseconds(10) };
        var outbox = new NotificationOutbox { HasPublisher = true };
        var sender = new NotificationSender(store, unreachable, outbox, Options.Create(down), Options.Create(new NotificationOptions()),
            TimeProvider.System, NullLogger<NotificationSender>.Instance);
        var fact = new Notification(NotificationTypes.GoalCompleted, userId, "g-pending", "completed", DateTimeOffset.UtcNow, []);

        Assert.Equal(SendOutcome.Queued, await sender.SendAsync(fact, CancellationToken.None));
        Assert.Equal(0, await outbox.DrainAsync(sender, CancellationToken.None));
        var pending = (await store.GetAsync(NotificationItems.KeyOf(fact), CancellationToken.None))!;
        Assert.Equal("pending", pending["status"].S);
        Assert.Equal("1", pending["attempts"].N);
        Assert.StartsWith("NOTIFY#PENDING#", pending["GSI1PK"].S, StringComparison.Ordinal);

        // The projector's sweeper (every 0.5 s here) publishes it with the working publisher.
        var delivered = Assert.Single(await inbox.WaitForAsync("goal.completed"));
        Assert.Equal("g-pending", delivered.Attributes["goalId"]);
        var sent = await SentAsync(store, NotificationItems.KeyOf(fact));
        Assert.False(string.IsNullOrEmpty(sent["messageId"].S));
        Assert.False(sent.ContainsKey("GSI1PK"));
        Assert.Equal(SendOutcome.AlreadyRecorded, await fixture.Get<NotificationSender>().SendAsync(fact, CancellationToken.None));
        Assert.Single(await inbox.SettleAsync());
    }

    /// <summary>The item once marked sent (the message may reach the queue a moment before the mark).</summary>
    private static async Task<Dictionary<string, Amazon.DynamoDBv2.Model.AttributeValue>> SentAsync(NotificationStore store, NotificationKey key)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            var item = (await store.GetAsync(key, CancellationToken.None))!;
            if (item["status"].S == "sent" || DateTime.UtcNow > deadline)
            {
                Assert.Equal("sent", item["status"].S);
                return item;
            }

            await Task.Delay(100);
        }
    }
}
