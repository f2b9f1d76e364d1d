namespace Lifestyle.Domain.Goals;

/// <summary>What a caller asks of a goal; <see cref="GoalDecider"/> turns it into events or a rule error.</summary>
public abstract record GoalIntent;

public sealed record CreateGoal(
    string GoalId,
    string UserId,
    GoalPattern Pattern,
    GoalDefinition Definition,
    DateOnly? StartDate,
    string Timezone,
    string? TemplateId) : GoalIntent;

/// <summary>A PATCH: null members are left as they are.</summary>
public sealed record ChangeDefinition(
    string? Title = null,
    decimal? Target = null,
    string? Unit = null,
    int? TimesPerWeek = null,
    IReadOnlyList<decimal>? Milestones = null,
    DateOnly? EndDate = null) : GoalIntent;

public sealed record PauseGoal : GoalIntent;

public sealed record ResumeGoal : GoalIntent;

public sealed record CompleteGoal : GoalIntent;

public sealed record ArchiveGoal : GoalIntent;

public sealed record LogActivity(decimal Value, DateTimeOffset? OccurredAt, string? Note) : GoalIntent;

/// <summary>
/// <paramref name="Found"/> is the logged activity as the handler read it from the stream, or null
/// when there is none with that id or it was already removed.
/// </summary>
public sealed record RemoveActivity(string ActivityId, FoundActivity? Found) : GoalIntent;

public sealed record FoundActivity(decimal Value, DateTimeOffset OccurredAt, DateOnly LocalDate);
