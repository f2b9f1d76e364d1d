using Lifestyle.Infrastructure.Storage;
using Lifestyle.Projections.Jobs;
using Lifestyle.Projections.Projection;
using Microsoft.Extensions.DependencyInjection;

namespace Lifestyle.Projections.Cli;

/// <summary>
/// The insights read models in <c>replay</c> and <c>verify</c>: the users of the goals in scope (with <c>--all</c>, every
/// user and the template statistics), after the goals themselves.
/// </summary>
public static class InsightsScope
{
    /// <summary>Prints each difference; the number of them.</summary>
    public static async Task<int> VerifyAsync(IServiceProvider sp, IReadOnlyList<GoalRef>? goals, ReadModelKeys keys, CancellationToken ct)
    {
        var verifier = sp.GetRequiredService<InsightsVerifier>();
        var differences = goals is null ? await verifier.VerifyStatsAsync(keys, ct) : [];
        foreach (var user in await UsersAsync(sp, goals, ct))
        {
            differences.AddRange(await verifier.VerifyUserAsync(user, keys, ct));
        }

        differences.ForEach(d => Console.WriteLine(d));
        return differences.Count;
    }

    /// <summary>
    /// Rebuilds the insights items as of the last close (the statistics too with <c>--all</c>); the number of users.
    /// Before the first close there is nothing to rebuild.
    /// </summary>
    public static async Task<int> RebuildAsync(IServiceProvider sp, IReadOnlyList<GoalRef>? goals, ReadModelKeys keys, CancellationToken ct)
    {
        var close = sp.GetRequiredService<InsightsClose>();
        if (await sp.GetRequiredService<InsightsVerifier>().LastClosedAsync(keys, ct) is not { } date)
        {
            return 0;
        }

        if (goals is null)
        {
            return await close.RebuildAllAsync(date, keys, ct);
        }

        var users = await UsersAsync(sp, goals, ct);
        foreach (var user in users)
        {
            await close.RebuildUserAsync(user, date, keys, ct);
        }

        return users.Count;
    }

    private static async Task<IReadOnlyList<string>> UsersAsync(IServiceProvider sp, IReadOnlyList<GoalRef>? goals, CancellationToken ct) =>
        goals is not null
            ? goals.Select(g => g.UserId).Distinct(StringComparer.Ordinal).ToList()
            : [.. (await sp.GetRequiredService<InsightsClose>().CountAdoptionsAsync(new InsightsAccumulator(default), ct)).Keys];
}
