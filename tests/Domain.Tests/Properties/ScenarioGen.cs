using FsCheck;
using FsCheck.Fluent;
using Lifestyle.Domain.Goals;

namespace Lifestyle.Domain.Tests.Properties;

/// <summary>Generators of <see cref="Scenario"/>s: amounts at and near their bounds, zones from −11 h to +14 h, dates near the limits.</summary>
internal static class ScenarioGen
{
    public static readonly string[] Zones =
    [
        "UTC", "Europe/Berlin", "America/New_York", "Pacific/Kiritimati", "Pacific/Pago_Pago",
        "Asia/Kathmandu", "Australia/Lord_Howe", "America/St_Johns", "Asia/Tokyo",
    ];

    /// <summary>An amount with at most 4 decimals: a bound, a small number, or anything up to <paramref name="max"/>.</summary>
    public static Gen<decimal> Amount(decimal max) => Gen.OneOf(
        Gen.Elements(0m, 0.0001m, 1m, 2.5m, 8m, max, max - 0.0001m),
        Gen.Choose(0, 10_000).Select(n => n / 100m),
        from whole in Gen.Choose(0, int.MaxValue)
        from scale in Gen.Choose(0, 4)
        select Math.Min(max, whole / Pow10(scale)));

    public static Gen<IReadOnlyList<decimal>> Milestones() =>
        from count in Gen.Choose(1, 10)
        from steps in Amount(100_000_000m).Select(a => a + 0.0001m).ArrayOf(count)
        select (IReadOnlyList<decimal>)Running(steps);

    public static Gen<GoalShape> Shape() =>
        from pattern in Gen.Elements(Enum.GetValues<GoalPattern>())
        from target in Amount(1_000_000_000m)
        from tpw in Gen.Choose(1, 7)
        from milestones in Milestones()
        from start in Gen.Frequency((4, Gen.Choose(-366, 0)), (1, Gen.Choose(0, 366)), (1, Gen.Elements(-366, 366, 0, -1, 1)))
        from end in Gen.OneOf(Gen.Constant<int?>(null), Gen.Choose(0, 800).Select(d => (int?)d))
        from zone in Gen.Elements(Zones)
        from minute in Gen.Choose(0, 1439)
        select new GoalShape(pattern, pattern == GoalPattern.Milestones ? milestones[^1] : target,
            pattern == GoalPattern.Weekly ? tpw : null, pattern == GoalPattern.Milestones ? milestones : null,
            start, end, zone, minute);

    public static Gen<Step> Step() => Gen.Frequency(
        (24, from v in Amount(1_000_000m) from ago in AgoMinutes() from note in Note() select (Step)new Log(v, ago, note)),
        (10, Gen.OneOf(Gen.Choose(1, 180), Gen.Choose(180, 3 * 1440), Gen.Choose(1440, 40 * 1440)).Select(m => (Step)new Wait(m))),
        (4, Gen.Choose(0, 50).Select(i => (Step)new Remove(i))),
        (2, Gen.Constant((Step)new Pause())),
        (4, Gen.Constant((Step)new Resume())),
        (2, from t in Gen.OneOf(Gen.Constant<decimal?>(null), Amount(1_000_000_000m).Select(a => (decimal?)a))
            from tpw in Gen.OneOf(Gen.Constant<int?>(null), Gen.Choose(1, 7).Select(n => (int?)n))
            from ms in Gen.OneOf(Gen.Constant<IReadOnlyList<decimal>?>(null), Milestones().Select(m => (IReadOnlyList<decimal>?)m))
            from end in Gen.OneOf(Gen.Constant<int?>(null), Gen.Choose(0, 800).Select(d => (int?)d))
            select (Step)new Change(t, tpw, ms, end)),
        (1, Gen.Elements<Step>(new Complete(), new Archive())));

    public static Arbitrary<Scenario> Scenarios() =>
        Arb.From(
            from shape in Shape()
            from steps in Step().ListOf()
            from reads in Gen.Choose(0, 400).ArrayOf(3)
            select new Scenario(shape, [.. steps], reads),
            Shrink);

    /// <summary>Shorter scenarios first: without the second half, then without each single step.</summary>
    private static IEnumerable<Scenario> Shrink(Scenario s)
    {
        if (s.Steps.Count > 1)
        {
            yield return s with { Steps = [.. s.Steps.Take(s.Steps.Count / 2)] };
        }

        for (var i = 0; i < s.Steps.Count; i++)
        {
            yield return s with { Steps = [.. s.Steps.Where((_, j) => j != i)] };
        }
    }

    private static Gen<int> AgoMinutes() => Gen.Frequency(
        (6, Gen.Choose(-10, 3 * 1440)),
        (1, Gen.Choose(0, 400 * 1440)),
        (1, Gen.Elements(-6, -5, 0, 1440, 366 * 1440, 367 * 1440)));

    private static Gen<string?> Note() => Gen.Elements<string?>(null, "", "ok", "line\nbreak\ttab", "emoji \U0001F4A7", new string('n', 500));

    private static decimal[] Running(decimal[] steps)
    {
        var sum = 0m;
        return [.. steps.Select(s => sum = Math.Min(1_000_000_000m, sum + s))];
    }

    private static decimal Pow10(int n) => n == 0 ? 1m : 10m * Pow10(n - 1);
}
