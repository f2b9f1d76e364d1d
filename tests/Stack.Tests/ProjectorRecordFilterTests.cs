using System.Diagnostics;
using System.Globalization;
using Lifestyle.Projections.Projection;
using Lifestyle.Projections.Stream;
using Lifestyle.Stack.Tests.Fixtures;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Lifestyle.Stack.Tests;

/// <summary>
/// Only goal-head records (<c>GOAL#…</c>) trigger a projection; events, the projector's own
/// read-model writes and other items are ignored. Uses a projector host of its own (not started),
/// so its metrics count this test's batches only.
/// </summary>
[Collection(StackCollection.Name)]
public sealed class ProjectorRecordFilterTests(StackFixture stack)
{
    [Fact]
    public async Task Records_of_events_read_models_and_other_items_are_ignored_and_only_the_goal_head_projects()
    {
        var user = StackFixture.NewUserId();
        using var client = stack.ClientFor(user);
        var days = new LocalDays("Asia/Tokyo");
        var goalId = await client.CreateGoalAsync(new
        {
            title = "Read", pattern = "daily", target = 20, startDate = LocalDays.Iso(days.Today.AddDays(-2)), timezone = days.Zone,
        });
        await client.LogAsync(goalId, 12, days.Noon(days.Today.AddDays(-1)));
        var version = await client.LogAsync(goalId, 25, days.At(days.Today, 0, 1));
        await stack.WaitForVersionAsync(user, $"PROGRESS#{goalId}", version, Stopwatch.StartNew(), TimeSpan.FromSeconds(5));
        await stack.WaitForStreamQuietAsync();

        // Every other item of the user (events, read models, profile, …) as INSERT/MODIFY records, plus
        // a REMOVE of the goal head and a GOAL#-like key outside a user partition.
        var others = (await stack.PartitionAsync(user)).Select(i => i["SK"].S).Where(sk => !sk.StartsWith("GOAL#", StringComparison.Ordinal)).ToList();
        Assert.Contains(others, sk => sk.StartsWith($"ACTIVITY#{goalId}#", StringComparison.Ordinal));
        Assert.Contains(others, sk => sk.StartsWith($"ROLLUP#{goalId}#", StringComparison.Ordinal));
        var records = others.Select((sk, i) => ReadModelProbe.Record(user, sk, Seq(i), i % 2 == 0 ? "INSERT" : "MODIFY")).ToList();
        records.Add(ReadModelProbe.Record(user, $"GOAL#{goalId}", Seq(records.Count), "REMOVE"));
        records.Add(ReadModelProbe.Record(user, $"GOAL#{goalId}", Seq(records.Count), "MODIFY", pk: "SYSTEM#PROJECTOR"));
        await stack.DeleteReadModelsAsync(user, goalId);

        using var projector = StackFixture.BuildProjector(stack.Settings);
        var handler = projector.Services.GetRequiredService<GoalChangeHandler>();
        var metrics = projector.Services.GetRequiredService<ProjectorMetrics>();

        Assert.Equal(BatchOutcome.Success, await handler.HandleAsync(records, CancellationToken.None));
        Assert.Equal(records.Count, metrics.Records);
        Assert.Equal((0L, 0L, 0L, 0L), (metrics.GoalsProjected, metrics.EventsApplied, metrics.Failures, metrics.Parked));
        Assert.Empty(await stack.ReadModelsAsync(user, goalId));

        // The control: the goal head's record projects all three events.
        Assert.Equal(BatchOutcome.Success, await handler.HandleAsync([await stack.HeadRecordAsync(user, goalId, Seq(99))], CancellationToken.None));
        Assert.Equal((1L, 3L, 0L), (metrics.GoalsProjected, metrics.EventsApplied, metrics.Failures));
        Assert.Equal(version, ItemText.VersionOf((await stack.GetItemAsync(user, $"PROGRESS#{goalId}"))!));
    }

    private static string Seq(int i) => (1000 + i).ToString(CultureInfo.InvariantCulture);
}
