using System.Diagnostics;
using Lifestyle.Projections.Stream;
using Lifestyle.Stack.Tests.Fixtures;
using Xunit;

namespace Lifestyle.Stack.Tests;

/// <summary>
/// Stream records are notifications; the handler reads the events from the table and
/// writes version-gated, so duplicate and out-of-order deliveries end in the same read models.
/// </summary>
[Collection(StackCollection.Name)]
public sealed class ProjectorRedeliveryTests(StackFixture stack)
{
    [Fact]
    public async Task The_same_batch_delivered_twice_changes_no_read_model_item()
    {
        var (user, goalId, version) = await GoalWithActivitiesAsync(3);
        var live = await stack.ReadModelsAsync(user, goalId);
        Assert.Equal(version, ItemText.VersionOf(live[$"PROGRESS#{goalId}"]));
        ChangeRecord[] batch = [await stack.HeadRecordAsync(user, goalId, "100"), await stack.HeadRecordAsync(user, goalId, "101")];

        // Read models already at the head's version: both deliveries leave every item byte for byte as it was.
        foreach (var _ in Enumerable.Range(0, 2))
        {
            Assert.Equal(BatchOutcome.Success, await stack.Handler.HandleAsync(batch, CancellationToken.None));
            Assert.Equal(ItemText.Canonical(live), ItemText.Canonical(await stack.ReadModelsAsync(user, goalId)));
        }
    }

    [Fact]
    public async Task A_batch_that_rebuilt_lost_read_models_changes_nothing_when_delivered_again()
    {
        var (user, goalId, version) = await GoalWithActivitiesAsync(3);
        var live = await stack.ReadModelsAsync(user, goalId);
        ChangeRecord[] batch = [await stack.HeadRecordAsync(user, goalId, "200"), await stack.HeadRecordAsync(user, goalId, "201")];
        await stack.DeleteReadModelsAsync(user, goalId);

        Assert.Equal(BatchOutcome.Success, await stack.Handler.HandleAsync(batch, CancellationToken.None));
        var rebuilt = await stack.ReadModelsAsync(user, goalId);
        Assert.Equal(BatchOutcome.Success, await stack.Handler.HandleAsync(batch, CancellationToken.None));

        Assert.Equal(ItemText.Canonical(rebuilt), ItemText.Canonical(await stack.ReadModelsAsync(user, goalId)));
        Assert.Equal(version, ItemText.VersionOf(rebuilt[$"PROGRESS#{goalId}"]));
        // The same items as the live, incremental projection wrote; progress and streak identical, the
        // others up to the version that last wrote them (a rebuild writes all at the head's version).
        Assert.Equal(ItemText.Canonical(live, "version"), ItemText.Canonical(rebuilt, "version"));
        Assert.Equal(ItemText.Canonical(live[$"PROGRESS#{goalId}"]), ItemText.Canonical(rebuilt[$"PROGRESS#{goalId}"]));
        Assert.Equal(ItemText.Canonical(live[$"STREAK#{goalId}"]), ItemText.Canonical(rebuilt[$"STREAK#{goalId}"]));
    }

    [Fact]
    public async Task A_batch_of_two_goals_delivered_out_of_order_ends_in_the_same_read_models_as_in_order()
    {
        var (user, a, versionA) = await GoalWithActivitiesAsync(3);
        var (_, b, versionB) = await GoalWithActivitiesAsync(2, user);
        var inOrder = new List<ChangeRecord>();
        for (var i = 0; i < 6; i++)
        {
            inOrder.Add(await stack.HeadRecordAsync(user, i % 2 == 0 ? a : b, (300 + i).ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        var results = new List<SortedDictionary<string, string>>();
        foreach (var order in new[] { inOrder, Enumerable.Reverse(inOrder).ToList() })
        {
            await stack.DeleteReadModelsAsync(user, a);
            await stack.DeleteReadModelsAsync(user, b);
            Assert.Equal(BatchOutcome.Success, await stack.Handler.HandleAsync(order, CancellationToken.None));
            var models = await stack.ReadModelsAsync(user, a);
            Assert.Equal(versionA, ItemText.VersionOf(models[$"PROGRESS#{a}"]));
            foreach (var (sk, item) in await stack.ReadModelsAsync(user, b))
            {
                models[sk] = item;
            }

            Assert.Equal(versionB, ItemText.VersionOf(models[$"PROGRESS#{b}"]));
            results.Add(ItemText.Canonical(models));
        }

        Assert.Equal(results[0], results[1]);
    }

    /// <summary>A daily goal (New York, started 9 days ago) with activities on distinct past days, once the live projector reached it.</summary>
    private async Task<(string User, string GoalId, long Version)> GoalWithActivitiesAsync(int activities, string? user = null)
    {
        user ??= StackFixture.NewUserId();
        using var client = stack.ClientFor(user);
        var days = new LocalDays("America/New_York");
        var goalId = await client.CreateGoalAsync(new
        {
            title = "Steps", pattern = "daily", target = 10000, startDate = LocalDays.Iso(days.Today.AddDays(-9)), timezone = days.Zone,
        });
        long version = 1;
        for (var i = 0; i < activities; i++)
        {
            version = await client.LogAsync(goalId, 4000 + (3000 * i), days.Noon(days.Today.AddDays(-8 + (3 * i))));
        }

        await stack.WaitForVersionAsync(user, $"PROGRESS#{goalId}", version, Stopwatch.StartNew(), TimeSpan.FromSeconds(5));
        return (user, goalId, version);
    }
}
