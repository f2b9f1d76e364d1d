using System.Text.Json;
using Lifestyle.Benchmarks.Api;

namespace Lifestyle.Benchmarks.Simulation;

/// <summary>
/// Goals with a long history, for the sizes that grow with it (docs/capacity.md §3 <c>P(d)</c>, §8 the Redis view):
/// one user per length, one daily UTC goal each, logged (met) once a day on the last <c>d</c> days through the API
/// with backdated <c>occurredAt</c> (the goal starts <c>d − 1</c> days before the simulated day; at most 366 days back).
/// </summary>
public static class SimHistory
{
    public static readonly int[] Lengths = [1, 180, 365];

    public static async Task<List<SimUser>> RunAsync(BenchContext ctx, SimPopulation population, SimDriver driver, DateOnly day)
    {
        var users = Lengths.Select(d =>
        {
            var id = population.UserId($"sim-{ctx.RunId}-history-{d}-");
            var user = new BenchUser(id, Lifestyle.Api.Auth.DevTokens.Create(ctx.Stack.Auth, id, TimeSpan.FromHours(4)));
            return new SimUser(user, active: false, [population.NewGoal(day.AddDays(1 - d), "UTC", "daily")]);
        }).ToList();
        if (await driver.CreateGoalsAsync(users) > 0)
        {
            throw new InvalidOperationException("the history goals could not be created");
        }

        await Task.WhenAll(users.Zip(Lengths).Select(async pair =>
        {
            var (user, d) = pair;
            var (goal, spec) = (user.Goals[0], user.Specs[0]);
            for (var i = d - 1; i >= 0; i--)
            {
                var at = new DateTimeOffset(day.AddDays(-i).ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero);
                var (error, _) = await ctx.Api.LogAsync(goal, JsonSerializer.Serialize(new { value = spec.Target, occurredAt = at }));
                if (error is not null)
                {
                    throw new InvalidOperationException($"history log of {d}-day goal: {error}");
                }
            }
        }));
        Console.Error.WriteLine($"  history goals: {string.Join(", ", Lengths.Select(d => $"{d} day{(d > 1 ? "s" : "")}"))} logged");
        return users;
    }
}
