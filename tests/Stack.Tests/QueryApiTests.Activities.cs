using System.Globalization;
using System.Net;
using Lifestyle.Stack.Tests.Fixtures;
using Xunit;

namespace Lifestyle.Stack.Tests;

[Collection(StackCollection.Name)]
public sealed class QueryApiActivityTests(StackFixture stack)
{
    [Fact]
    public async Task Activities_are_newest_occurredAt_first_without_removed_ones_including_a_backfill_logged_last()
    {
        var clock = MiddayClock.Create();
        using var client = stack.ClientFor(StackFixture.NewUserId());
        var goalId = await client.CreateGoalAsync(new { title = "Walk", pattern = "daily", target = 1, startDate = clock.Day(-5), timezone = clock.Zone });
        var (first, _) = await client.LogWithIdAsync(goalId, 1, clock.At(0, -180), "first");
        var (removed, _) = await client.LogWithIdAsync(goalId, 2, clock.At(0, -120), "removed");
        var (latest, _) = await client.LogWithIdAsync(goalId, 3, clock.At(0, -60));
        await client.RemoveActivityAsync(goalId, removed);
        var (backfill, _) = await client.LogWithIdAsync(goalId, 4.5m, clock.At(-3), "backfilled");

        var list = await client.GetJsonAsync($"/v1/goals/{goalId}/activities");

        var items = list["items"]!.AsArray();
        Assert.Equal(new[] { latest, first, backfill }, QueryApi.Ids(items, "activityId"));
        Assert.True(list.ContainsKey("nextCursor") && list["nextCursor"] is null, list.ToJsonString());
        Assert.All(items, i => Assert.Equal(new[] { "activityId", "value", "occurredAt", "note", "recordedAt" }, i!.AsObject().Select(p => p.Key)));
        Assert.Equal(new[] { 3m, 1m, 4.5m }, items.Select(i => (decimal)i!["value"]!));
        Assert.Equal(new[] { null, "first", "backfilled" }, items.Select(i => (string?)i!["note"]));
        Assert.Equal(new[] { clock.At(0, -60), clock.At(0, -180), clock.At(-3) }.Select(Instant), items.Select(i => Instant((string)i!["occurredAt"]!)));
        var recorded = items.Select(i => Instant((string)i!["recordedAt"]!)).ToList();
        Assert.True(recorded[2] > recorded[0] && recorded[0] > recorded[1], "the backfill was recorded last");
    }

    [Fact]
    public async Task Activities_page_with_limit_2_to_the_end_without_overlap_or_loss()
    {
        var clock = MiddayClock.Create();
        using var client = stack.ClientFor(StackFixture.NewUserId());
        var goalId = await client.CreateGoalAsync(new { title = "Walk", pattern = "total", target = 1000, timezone = clock.Zone });
        var newestFirst = new List<string>();
        for (var hours = 6; hours >= 1; hours--)
        {
            newestFirst.Insert(0, (await client.LogWithIdAsync(goalId, hours, clock.At(0, -60 * hours))).ActivityId);
        }

        await client.RemoveActivityAsync(goalId, newestFirst[3]);
        newestFirst.RemoveAt(3);

        var (ids, pageSizes) = await client.PageAllAsync($"/v1/goals/{goalId}/activities?limit=2", "activityId");

        Assert.Equal(new[] { 2, 2, 1 }, pageSizes);
        Assert.Equal(newestFirst, ids);
    }

    [Fact]
    public async Task Activities_limit_must_be_a_whole_number_from_1_to_200()
    {
        var clock = MiddayClock.Create();
        using var client = stack.ClientFor(StackFixture.NewUserId());
        var goalId = await client.CreateGoalAsync(new { title = "Walk", pattern = "total", target = 1000, timezone = clock.Zone });
        for (var i = 1; i <= 3; i++)
        {
            await client.LogWithIdAsync(goalId, i, clock.At(0, -10 * i));
        }

        var path = $"/v1/goals/{goalId}/activities";
        var one = await client.GetJsonAsync($"{path}?limit=1");
        Assert.Single(one["items"]!.AsArray());
        Assert.NotNull((string?)one["nextCursor"]);
        Assert.Equal(3, (await client.GetJsonAsync($"{path}?limit=200"))["items"]!.AsArray().Count);
        foreach (var limit in new[] { "0", "201", "abc", "-1", "1.5", "" })
        {
            await client.ProblemAsync($"{path}?limit={limit}", HttpStatusCode.BadRequest, "validation-failed");
        }
    }

    [Fact]
    public async Task A_tampered_activities_cursor_is_rejected_as_validation_failed()
    {
        var clock = MiddayClock.Create();
        using var client = stack.ClientFor(StackFixture.NewUserId());
        var goalId = await client.CreateGoalAsync(new { title = "Walk", pattern = "total", target = 1000, timezone = clock.Zone });
        var ids = new List<string>();
        for (var i = 1; i <= 3; i++)
        {
            ids.Add((await client.LogWithIdAsync(goalId, i, clock.At(0, -10 * i))).ActivityId);
        }

        var path = $"/v1/goals/{goalId}/activities?limit=1&cursor=";
        var cursor = (string)(await client.GetJsonAsync($"/v1/goals/{goalId}/activities?limit=1"))["nextCursor"]!;
        var parts = cursor.Split('.');
        Assert.Equal(2, parts.Length);

        foreach (var forged in new[]
        {
            $"{Flip(parts[0], parts[0].Length / 2)}.{parts[1]}", $"{Flip(parts[0], 0)}.{parts[1]}",
            $"{parts[0]}.{Flip(parts[1], parts[1].Length / 2)}", $"{parts[0]}.{Flip(parts[1], 0)}",
            $"{parts[0]}.", parts[0], "not-a-cursor", $"{cursor}.{parts[1]}",
        })
        {
            var problem = await client.ProblemAsync(path + Uri.EscapeDataString(forged), HttpStatusCode.BadRequest, "validation-failed");
            Assert.True(problem["errors"]?["cursor"] is not null, problem.ToJsonString());
        }

        Assert.Equal(new[] { ids[1] }, QueryApi.Ids((await client.GetJsonAsync(path + Uri.EscapeDataString(cursor)))["items"], "activityId"));
    }

    [Fact]
    public async Task An_activities_cursor_from_another_goal_or_another_user_is_rejected()
    {
        var clock = MiddayClock.Create();
        using var owner = stack.ClientFor(StackFixture.NewUserId());
        using var other = stack.ClientFor(StackFixture.NewUserId());
        var goalId = await owner.CreateGoalAsync(new { title = "Walk", pattern = "total", target = 1000, timezone = clock.Zone });
        var sibling = await owner.CreateGoalAsync(new { title = "Run", pattern = "total", target = 1000, timezone = clock.Zone });
        var othersGoal = await other.CreateGoalAsync(new { title = "Walk", pattern = "total", target = 1000, timezone = clock.Zone });
        foreach (var (client, id) in new[] { (owner, goalId), (owner, sibling), (other, othersGoal) })
        {
            await client.LogWithIdAsync(id, 1, clock.At(0, -20));
            await client.LogWithIdAsync(id, 2, clock.At(0, -10));
        }

        var cursor = Uri.EscapeDataString((string)(await owner.GetJsonAsync($"/v1/goals/{goalId}/activities?limit=1"))["nextCursor"]!);

        await owner.ProblemAsync($"/v1/goals/{sibling}/activities?limit=1&cursor={cursor}", HttpStatusCode.BadRequest, "validation-failed");
        await other.ProblemAsync($"/v1/goals/{othersGoal}/activities?limit=1&cursor={cursor}", HttpStatusCode.BadRequest, "validation-failed");
        await other.ProblemAsync($"/v1/goals/{goalId}/activities?limit=1&cursor={cursor}", HttpStatusCode.BadRequest, "validation-failed");
        Assert.Single((await owner.GetJsonAsync($"/v1/goals/{goalId}/activities?limit=1&cursor={cursor}"))["items"]!.AsArray());
    }

    private static string Flip(string s, int i) => s[..i] + (s[i] == 'A' ? 'B' : 'A') + s[(i + 1)..];

    private static DateTimeOffset Instant(string s) => DateTimeOffset.Parse(s, CultureInfo.InvariantCulture);
}
