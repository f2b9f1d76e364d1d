using Lifestyle.Domain.Goals;

namespace Lifestyle.Domain.Tests.Properties;

/// <summary>What a client could send for one goal: the create, then commands with time passing between them.</summary>
internal sealed record Scenario(GoalShape Shape, IReadOnlyList<Step> Steps, IReadOnlyList<int> ReadOffsetsDays)
{
    public override string ToString() =>
        $"{Shape} then [{string.Join(", ", Steps)}] read at +[{string.Join(", ", ReadOffsetsDays)}] days";
}

/// <summary>A create: pattern, amounts, dates relative to the moment of the create, zone.</summary>
internal sealed record GoalShape(
    GoalPattern Pattern, decimal Target, int? TimesPerWeek, IReadOnlyList<decimal>? Milestones,
    int StartOffsetDays, int? EndAfterStartDays, string Timezone, int StartMinute)
{
    public override string ToString() =>
        $"{Pattern} target={Target} tpw={TimesPerWeek} ms=[{string.Join(",", Milestones ?? [])}] start{StartOffsetDays:+0;-0} end+{EndAfterStartDays} {Timezone} @{StartMinute}min";
}

internal abstract record Step;

/// <summary>Time passes before the next command.</summary>
internal sealed record Wait(int Minutes) : Step;

/// <summary>A log whose occurredAt is <paramref name="AgoMinutes"/> before now (negative: in the future).</summary>
internal sealed record Log(decimal Value, int AgoMinutes, string? Note) : Step;

/// <summary>Removes the n-th logged activity (modulo how many there are), or an unknown id.</summary>
internal sealed record Remove(int Index) : Step;

internal sealed record Pause : Step;

internal sealed record Resume : Step;

internal sealed record Complete : Step;

internal sealed record Archive : Step;

internal sealed record Change(decimal? Target, int? TimesPerWeek, IReadOnlyList<decimal>? Milestones, int? EndAfterStartDays) : Step
{
    public override string ToString() =>
        $"Change(target={Target}, tpw={TimesPerWeek}, ms=[{string.Join(",", Milestones ?? [])}], end+{EndAfterStartDays})";
}
