using System.Net;
using System.Text.Json.Nodes;
using Lifestyle.Infrastructure.Storage;
using Lifestyle.Projections.Jobs;
using Lifestyle.Projections.Projection;
using Lifestyle.Stack.Tests.Erasure;
using Lifestyle.Stack.Tests.Fixtures;
using Xunit;
using Xunit.Abstractions;
using static Lifestyle.Stack.Tests.NotificationTests;

namespace Lifestyle.Stack.Tests.Insights;

/// <summary>
/// The daily close computes insights and template statistics on the real stack (DynamoDB Local, Redis, fauxqs), the
/// API serves them Redis-first, verify finds no difference, replay rebuilds them and an erasure takes a user out.
/// </summary>
[Collection(InsightsCollection.Name)]
public sealed class InsightsStackTests(NotificationStackFixture fixture, ITestOutputHelper output)
{
    private const string Water = "water-8-glasses";
    private const string Sleep = "sleep-8-hours";
    private const string Meditate = "meditate-10min-daily";
    private const string Walk = "walk-10000-steps";

    private StackFixture Stack => fixture.Stack;

    private static DateOnly Yesterday => DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-1);

    [Fact]
    public async Task A_water_only_user_gets_sleep_for_similar_users_once_20_other_water_adopters_took_sleep_and_not_before()
    {
        var userId = StackFixture.NewUserId();
        using var client = Stack.ClientFor(userId);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var water = await client.CreateGoalAsync(new { templateId = Water, startDate = Day(today.AddDays(-10)) });
        long version = 1;
        for (var back = 10; back >= 2; back--)
        {
            version = await client.LogAsync(water, 10, Noon(today.AddDays(-back)));
        }

        await client.GoalAtAsync(water, version);
        await Population.AdoptAsync(Stack, 10, Water, Sleep);

        await CloseAsync();
        var fewer = await client.GetFromJsonAsync("/v1/recommendations");
        Assert.DoesNotContain(Items(fewer), r => Reasons(r).Contains("similar-users"));

        await Population.AdoptAsync(Stack, 20, Water, Sleep);
        await CloseAsync();
        var insights = await client.GetFromJsonAsync("/v1/insights");
        var recommendations = await client.GetFromJsonAsync("/v1/recommendations");
        output.WriteLine($"GET /v1/insights: {insights}\nGET /v1/recommendations: {recommendations}");

        var first = Items(recommendations)[0];
        Assert.Equal(Sleep, (string?)first["templateId"]);
        Assert.Equal(["similar-users", "success-pattern", "popular"], Reasons(first));
        Assert.DoesNotContain(Items(recommendations), r => (string?)r["templateId"] == Water);
        var insight = Assert.Single(Items(insights));
        Assert.Equal((water, 10, 9, "raise-target", 10m), ((string?)insight["goalId"], (int)insight["days"]!, (int)insight["daysMet"]!,
            (string?)insight["suggestion"]!["kind"], (decimal?)insight["suggestion"]!["proposedTarget"]));
        var verifier = fixture.Get<InsightsVerifier>();
        Assert.Empty(await verifier.VerifyStatsAsync(ReadModelKeys.Live, default));
        Assert.Empty(await verifier.VerifyUserAsync(userId, ReadModelKeys.Live, default));

        // A log backfilled into the closed day makes the item differ from its goal until a replay rebuilds it.
        await client.GoalAtAsync(water, await client.LogAsync(water, 10, Noon(Yesterday)));
        Assert.Contains(await verifier.VerifyUserAsync(userId, ReadModelKeys.Live, default), d => d.GoalId == water);
        await fixture.Get<InsightsClose>().RebuildUserAsync(userId, Yesterday, ReadModelKeys.Live, default);
        Assert.Empty(await verifier.VerifyUserAsync(userId, ReadModelKeys.Live, default));
    }

    [Fact]
    public async Task Replay_rebuilds_a_lost_insights_item_and_an_erased_users_contribution_leaves_at_the_next_close()
    {
        var userId = StackFixture.NewUserId();
        using var client = Stack.ClientFor(userId);
        var meditate = await client.CreateGoalAsync(new { templateId = Meditate });
        await client.GoalAtAsync(meditate, 1);
        var cohort = await Population.AdoptAsync(Stack, 22, Meditate, Walk);
        await CloseAsync();
        Assert.Contains(Items(await client.GetFromJsonAsync("/v1/recommendations")), r => Reasons(r).Contains("similar-users"));

        var store = fixture.Get<InsightsStore>();
        var before = await store.UserItemAsync(userId, ReadModelKeys.Live, default);
        await Stack.Dynamo.Client.DeleteItemAsync(Stack.Dynamo.TableName, new() { ["PK"] = before!["PK"], ["SK"] = before["SK"] });
        await fixture.Get<InsightsClose>().RebuildUserAsync(userId, Yesterday, ReadModelKeys.Live, default);
        Assert.Equal(ReplayText(before), ReplayText((await store.UserItemAsync(userId, ReadModelKeys.Live, default))!));

        var erased = cohort[0];
        using (var eraser = Stack.ClientFor(erased))
        {
            Assert.NotNull(await store.UserItemAsync(erased, ReadModelKeys.Live, default));
            await eraser.EraseAsync();
        }

        Assert.Null(await store.UserItemAsync(erased, ReadModelKeys.Live, default));
        Assert.Empty(await Stack.RedisKeysOfAsync(erased));
        foreach (var other in cohort.Skip(1).Take(2))
        {
            using var leaving = Stack.ClientFor(other);
            await leaving.EraseAsync();
        }

        await CloseAsync();
        Assert.DoesNotContain(Items(await client.GetFromJsonAsync("/v1/recommendations")), r => Reasons(r).Contains("similar-users"));
        Assert.Null(await store.UserItemAsync(erased, ReadModelKeys.Live, default));
    }

    /// <summary>
    /// Runs the close and waits until its Redis copies are repaired, if any had to be: a close whose Redis writes failed
    /// (a timeout on a busy machine makes the process skip Redis for 5 s) marks them, and the projector drops the
    /// previous close's copies once Redis answers (InsightsCacheRepairTests).
    /// </summary>
    private async Task CloseAsync()
    {
        var result = await fixture.Get<DailyCloseJob>().RunAsync(Yesterday, default);
        output.WriteLine(result.Summary());
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (fixture.Get<CacheWriter>().Pending > 0)
        {
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(20), "Redis copies marked for repair were not repaired");
            await Task.Delay(100);
        }
    }

    private static List<JsonObject> Items(JsonObject body) => [.. body["items"]!.AsArray().Select(i => i!.AsObject())];

    private static List<string> Reasons(JsonObject recommendation) => [.. recommendation["reasons"]!.AsArray().Select(r => (string)r!)];

    private static string ReplayText(Dictionary<string, Amazon.DynamoDBv2.Model.AttributeValue> item) =>
        string.Join(";", item.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => $"{kv.Key}={Projections.Replay.ReadModelVerifier.Canonical(kv.Value)}"));
}

internal static class InsightsHttp
{
    public static async Task<JsonObject> GetFromJsonAsync(this HttpClient client, string path)
    {
        var response = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
    }
}
