using Bogus;
using Lifestyle.Domain.Events;
using Lifestyle.Domain.Goals;

namespace Lifestyle.Domain.Tests;

/// <summary>Incidental test data from a seeded <see cref="Faker"/>: the same values on every run.</summary>
internal sealed class Fake(int seed = 20260310)
{
    private static readonly string[] Units = ["glasses", "minutes", "steps", "pages", "km", "hours"];

    public Faker F { get; } = new() { Random = new Randomizer(seed) };

    public string Title() => F.Lorem.Sentence(3).TrimEnd('.');

    public string UserId() => "user_" + F.Random.AlphaNumeric(12);

    public string GoalId() => "goal_" + F.Random.AlphaNumeric(12);

    public string Note() => F.Lorem.Sentence();

    public string Unit() => F.PickRandom(Units);

    /// <summary>A positive amount with two decimals.</summary>
    public decimal Amount(decimal min = 1m, decimal max = 50m) => Math.Round(F.Random.Decimal(min, max), 2);

    public int Int(int min, int max) => F.Random.Int(min, max);

    /// <summary>A valid definition for <paramref name="pattern"/>.</summary>
    public GoalDefinition Definition(GoalPattern pattern) => pattern switch
    {
        GoalPattern.Weekly => new(Title(), Amount(), Unit(), Int(1, 7), null, null),
        GoalPattern.Milestones => Milestones(10m, 20m, 30m),
        GoalPattern.Total => new(Title(), 100m, Unit(), null, null, null),
        GoalPattern.Limit => new(Title(), Int(0, 10), Unit(), null, null, null),
        _ => new(Title(), Amount(), Unit(), null, null, null),
    };

    public GoalDefinition Milestones(params decimal[] thresholds) =>
        new(Title(), thresholds.Length > 0 ? thresholds[^1] : 1m, Unit(), null, thresholds, null);

    public GoalCreated Created(
        GoalPattern pattern = GoalPattern.Daily,
        DateOnly? startDate = null,
        string timezone = "UTC",
        GoalDefinition? definition = null) =>
        new(GoalId(), UserId(), pattern, definition ?? Definition(pattern), startDate ?? GoalSpec.Today.AddDays(-30), timezone, null);

    public CreateGoal Create(
        GoalPattern pattern = GoalPattern.Daily,
        GoalDefinition? definition = null,
        DateOnly? startDate = null,
        string timezone = "UTC",
        string? templateId = null) =>
        new(GoalId(), UserId(), pattern, definition ?? Definition(pattern), startDate, timezone, templateId);

    public ActivityLogged Logged(decimal value, DateTimeOffset occurredAt, string timezone = "UTC") =>
        new(ActivityId.From(occurredAt), value, occurredAt, Time.GoalClock.LocalDate(occurredAt, timezone), Note());
}
