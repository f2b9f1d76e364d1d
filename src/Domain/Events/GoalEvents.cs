using Lifestyle.Domain.Goals;

namespace Lifestyle.Domain.Events;

/// <summary>Every fact of a goal's stream. Stored under a stable type name (see <see cref="EventTypes"/>).</summary>
public abstract record GoalEvent;

public sealed record GoalCreated(
    string GoalId,
    string UserId,
    GoalPattern Pattern,
    GoalDefinition Definition,
    DateOnly StartDate,
    string Timezone,
    string? TemplateId) : GoalEvent;

/// <summary>A PATCH: the whole new definition, in effect from <paramref name="EffectiveFrom"/> (a local date).</summary>
public sealed record GoalDefinitionChanged(GoalDefinition Definition, DateOnly EffectiveFrom) : GoalEvent;

public sealed record GoalPaused(DateOnly LocalDate) : GoalEvent;

public sealed record GoalResumed(DateOnly LocalDate) : GoalEvent;

public enum CompletionReason
{
    Manual,
    TargetReached,
}

public sealed record GoalCompleted(CompletionReason Reason) : GoalEvent;

public sealed record GoalArchived : GoalEvent;

public sealed record ActivityLogged(
    string ActivityId,
    decimal Value,
    DateTimeOffset OccurredAt,
    DateOnly LocalDate,
    string? Note) : GoalEvent;

/// <summary>Carries the removed activity's value and date so folds need no look-up.</summary>
public sealed record ActivityRemoved(
    string ActivityId,
    decimal Value,
    DateTimeOffset OccurredAt,
    DateOnly LocalDate) : GoalEvent;
