namespace Lifestyle.Api.Endpoints;

public sealed record CreateGoalRequest(
    string? Title,
    string? Pattern,
    decimal? Target,
    string? Unit,
    int? TimesPerWeek,
    IReadOnlyList<decimal>? Milestones,
    DateOnly? StartDate,
    DateOnly? EndDate,
    string? Timezone,
    string? TemplateId);

public sealed record UpdateGoalRequest(
    string? Title,
    decimal? Target,
    string? Unit,
    int? TimesPerWeek,
    IReadOnlyList<decimal>? Milestones,
    DateOnly? EndDate);

public sealed record LogActivityRequest(decimal? Value, DateTimeOffset? OccurredAt, string? Note);
