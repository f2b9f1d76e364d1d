namespace Lifestyle.Benchmarks.Simulation;

public enum SimKind
{
    Log,

    /// <summary>A log followed at once by a goal read with <c>minVersion</c> (docs/capacity.md §5: half the logs).</summary>
    LogThenRead,
    Patch,
    Pause,
    Resume,
    RemoveActivity,
}

/// <param name="Key">The Idempotency-Key it carries, if any.</param>
public sealed record SimCommand(SimUser User, int Goal, SimKind Kind, DateTimeOffset At, int Value, string? Key, string Note = "");

/// <summary>The commands of one simulated day of the population (docs/capacity.md A2–A5), in the local days of each goal.</summary>
public static class SimDay
{
    /// <summary>Logs only, no keys, no reads: a history day before the simulated one (setup, not measured).</summary>
    public static List<SimCommand> History(SimPopulation population, DateOnly day) =>
        [.. Logs(population, day).Select(c => c with { Kind = SimKind.Log, Key = null })];

    /// <summary>
    /// The simulated day: every active user's logs (2 a goal), half of them followed by a <c>minVersion</c> read, the
    /// others keyed in <see cref="SimPopulation.KeyedShare"/>; then other commands, 10 % of the logs (A5): a title
    /// change, a pause and resume (two commands), or the removal of one of the day's activities.
    /// </summary>
    public static List<SimCommand> Simulated(SimPopulation population, DateOnly day, string runId)
    {
        var f = population.Faker;
        var n = 0;
        string Key() => $"sim-{runId}-{n++}";
        var logs = Logs(population, day).Select(c => f.Random.Bool()
            ? c with { Kind = SimKind.LogThenRead }
            : c with { Key = population.Keyed() ? Key() : null }).ToList();
        var others = new List<SimCommand>();
        var wanted = (int)Math.Round(logs.Count * SimPopulation.OtherCommandShare);
        while (others.Count < wanted)
        {
            var log = f.PickRandom(logs);
            var kind = f.Random.Double() switch { < 0.6 => SimKind.Patch, < 0.8 => SimKind.Pause, _ => SimKind.RemoveActivity };
            others.Add(log with { Kind = kind, Key = population.Keyed() ? Key() : null });
            if (kind == SimKind.Pause)
            {
                others.Add(log with { Kind = SimKind.Resume, Key = population.Keyed() ? Key() : null });
            }
        }

        return [.. logs, .. others];
    }

    private static IEnumerable<SimCommand> Logs(SimPopulation population, DateOnly day)
    {
        foreach (var user in population.Users.Where(u => u.Active))
        {
            for (var g = 0; g < user.Specs.Count; g++)
            {
                var spec = user.Specs[g];
                var met = population.Met();
                var zone = TimeZoneInfo.FindSystemTimeZoneById(spec.Timezone);
                for (var i = 0; i < SimPopulation.LogsPerGoalPerDay; i++)
                {
                    var local = day.ToDateTime(population.LogTime());
                    var at = new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(local, zone), TimeSpan.Zero);
                    yield return new SimCommand(user, g, SimKind.Log, at, spec.LogValue(met), null, population.Note());
                }
            }
        }
    }
}
