using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;
using Lifestyle.Domain.Goals;
using Lifestyle.Domain.Progress;

namespace Lifestyle.Queries.Common;

public sealed record GoalView(
    string GoalId,
    string Title,
    [property: AllowedValues("daily", "weekly", "total", "limit", "milestones")] string Pattern,
    [property: AllowedValues("active", "paused", "completed", "archived")] string Status,
    decimal Target,
    string? Unit,
    int? TimesPerWeek,
    IReadOnlyList<decimal>? Milestones,
    DateOnly StartDate,
    DateOnly? EndDate,
    string Timezone,
    DateTimeOffset CreatedAt,
    long Version,
    string Projection,
    ProgressFigures Progress,
    StreakFigures? Streak,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<MilestoneView>? ReachedMilestones)
{
    public const string Ok = "ok";
    public const string Parked = "parked";

    /// <summary>
    /// Evaluates the stored fold "now": time-dependent figures are never read from storage. A parked
    /// goal shows its last projected figures at the version the projector applied last.
    /// </summary>
    public static GoalView From(GoalProjection p, DateTimeOffset now, bool parked = false)
    {
        var figures = ProgressCalculator.Evaluate(p, now);
        var d = p.Definition;
        IReadOnlyList<MilestoneView>? reached = p.Pattern == GoalPattern.Milestones
            ? p.ReachedMilestones.Where(m => d.Milestones?.Contains(m.Threshold) == true)
                .OrderBy(m => m.Threshold).Select(m => new MilestoneView(m.Threshold, m.ReachedAt)).ToList()
            : null;
        return new GoalView(
            p.GoalId, d.Title, p.Pattern.ToWire(), p.Status.ToWire(), d.Target, d.Unit, d.TimesPerWeek, d.Milestones,
            p.StartDate, d.EndDate, p.Timezone, p.CreatedAt, p.Version, parked ? Parked : Ok, figures.Progress, figures.Streak, reached);
    }
}

public sealed record MilestoneView(decimal Threshold, DateTimeOffset ReachedAt);
