using System.Text.Json;
using Bogus;
using Lifestyle.Benchmarks.Api;
using Lifestyle.Api.Auth;

namespace Lifestyle.Benchmarks.Simulation;

/// <summary>A goal of the population: how it is created and what a met or unmet day logs.</summary>
public sealed record SimGoalSpec(string Pattern, string Timezone, int Target, string CreateJson)
{
    /// <summary>The value of each of a day's two logs (docs/capacity.md A4): both reach the target when the day is met.</summary>
    public int LogValue(bool met) => Pattern == "limit" ? (met ? 1 : Target) : (met ? (Target + 1) / 2 : 1);
}

public sealed class SimUser(BenchUser user, bool active, List<SimGoalSpec> specs)
{
    public BenchUser User { get; } = user;

    /// <summary>In the daily-active cohort (docs/capacity.md A2): logs every simulated day.</summary>
    public bool Active { get; } = active;

    public List<SimGoalSpec> Specs { get; } = specs;

    public List<BenchGoal> Goals { get; } = [];
}

/// <summary>
/// The simulated population, made with Bogus from one seed, with docs/capacity.md §2's distributions: every user
/// keeps <see cref="GoalsPerUser"/> active goals (A3, A6), a fixed <see cref="ActiveShare"/> of them is active each
/// day (A2), time zones in the three bands of A8. What §2 leaves open is set here and printed with the results:
/// the pattern mix, the share of days met and the share of commands that carry an <c>Idempotency-Key</c>.
/// </summary>
public sealed class SimPopulation
{
    public const int GoalsPerUser = 3;
    public const double ActiveShare = 0.30;
    public const int LogsPerGoalPerDay = 2;
    public const double OtherCommandShare = 0.10;
    public const double MetShare = 0.6;
    public const double KeyedShare = 0.5;

    /// <summary>Pattern mix (not in docs/capacity.md): daily 60 %, weekly 3×/week 20 %, limit 20 %.</summary>
    public const string PatternMix = "daily 60 %, weekly (3 days a week) 20 %, limit 20 %";

    private static readonly (double Share, string[] Zones)[] Bands =
    [
        (0.40, ["America/New_York", "America/Los_Angeles", "America/Sao_Paulo"]),
        (0.35, ["Europe/Berlin", "Europe/London", "Africa/Lagos"]),
        (0.25, ["Asia/Tokyo", "Asia/Kolkata", "Australia/Sydney"]),
    ];

    private readonly Faker faker;

    public SimPopulation(int seed) => faker = new Faker { Random = new Randomizer(seed) };

    public Faker Faker => faker;

    public List<SimUser> Users { get; } = [];

    /// <summary>Makes <paramref name="count"/> users, exactly <see cref="ActiveShare"/> of them (rounded) active, goals starting on <paramref name="start"/>.</summary>
    public void Generate(string runId, AuthOptions auth, int count, DateOnly start)
    {
        var active = (int)Math.Round(count * ActiveShare);
        var activeAt = faker.Random.Shuffle(Enumerable.Range(0, count)).Take(active).ToHashSet();
        for (var i = 0; i < count; i++)
        {
            var name = new string(faker.Internet.UserName().Where(char.IsAsciiLetterOrDigit).Take(16).ToArray());
            var id = UserId($"sim-{runId}-{name}-");
            var specs = Enumerable.Range(0, GoalsPerUser).Select(_ => NewGoal(start)).ToList();
            Users.Add(new SimUser(new BenchUser(id, DevTokens.Create(auth, id, TimeSpan.FromHours(4))), activeAt.Contains(i), specs));
        }
    }

    /// <summary>A user id of a Cognito <c>sub</c>'s length (36), so item sizes are the production ones (docs/capacity.md §3).</summary>
    public string UserId(string prefix) => prefix + faker.Random.AlphaNumeric(Math.Max(0, 36 - prefix.Length)).ToLowerInvariant();

    /// <summary>Whether a goal's day is met (<see cref="MetShare"/>), and whether a command carries a key (<see cref="KeyedShare"/>).</summary>
    public bool Met() => faker.Random.Bool((float)MetShare);

    public bool Keyed() => faker.Random.Bool((float)KeyedShare);

    /// <summary>A local time of day for a log: 07:00–21:59.</summary>
    public TimeOnly LogTime() => new(faker.Random.Int(7, 21), faker.Random.Int(0, 59));

    public string Note() => faker.Random.Bool(0.3f) ? faker.Lorem.Sentence(faker.Random.Int(3, 8)) : "";

    public SimGoalSpec NewGoal(DateOnly start, string? zone = null, string pattern = "")
    {
        var roll = faker.Random.Double();
        if (zone is null)
        {
            var band = roll < Bands[0].Share ? Bands[0] : roll < Bands[0].Share + Bands[1].Share ? Bands[1] : Bands[2];
            zone = faker.PickRandom(band.Zones);
        }

        pattern = pattern.Length > 0 ? pattern : faker.Random.Double() switch { < 0.6 => "daily", < 0.8 => "weekly", _ => "limit" };
        var target = pattern == "limit" ? faker.Random.Int(2, 5) : faker.Random.Int(4, 20);
        var title = pattern == "limit"
            ? $"At most {target} {faker.PickRandom("coffees", "snacks", "sodas")} a day"
            : $"{faker.Hacker.Verb()} {faker.Hacker.Noun()}";
        var body = new Dictionary<string, object>
        {
            ["title"] = title,
            ["pattern"] = pattern,
            ["target"] = target,
            ["unit"] = pattern == "limit" ? "items" : faker.PickRandom("minutes", "pages", "glasses", "reps"),
            ["startDate"] = start.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["timezone"] = zone,
        };
        if (pattern == "weekly")
        {
            body["timesPerWeek"] = 3;
        }

        return new SimGoalSpec(pattern, zone, target, JsonSerializer.Serialize(body));
    }
}
