using Lifestyle.Stack.Tests.Fixtures;
using Xunit;

namespace Lifestyle.Stack.Tests;

[Collection(StackCollection.Name)]
public sealed class SmokeTests(StackFixture stack)
{
    [Fact]
    public async Task A_logged_activity_reaches_the_goal_view_through_the_projector()
    {
        using var client = stack.ClientFor(StackFixture.NewUserId());
        var goalId = await client.CreateGoalAsync(new { title = "Water", pattern = "daily", target = 8, unit = "glasses" });
        var version = await client.LogAsync(goalId, 3);

        var view = await client.GoalAtAsync(goalId, version);

        Assert.Equal(version, (long)view["version"]!);
        Assert.Equal(3m, (decimal)view["progress"]!["current"]!);
        Assert.Equal(37.5m, (decimal)view["progress"]!["percent"]!);
    }
}
