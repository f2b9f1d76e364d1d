using System.Diagnostics;
using Lifestyle.Stack.Tests.Fixtures;
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
}
