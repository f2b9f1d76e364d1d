using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace Lifestyle.Api.Endpoints;

// The attributes describe the bodies in the OpenAPI document; the commands' validators enforce the rules.
public sealed record CreateGoalRequest(
    [property: StringLength(120, MinimumLength = 1)] string? Title = null,
    [property: AllowedValues("daily", "weekly", "total", "limit", "milestones")] string? Pattern = null,
    [property: Range(0, 1_000_000_000), Description("> 0 (a `limit` goal: ≥ 0); a milestones goal's is its last milestone.")]
    decimal? Target = null,
    [property: StringLength(32)] string? Unit = null,
    [property: Range(1, 7), Description("Weekly goals only: days a week.")] int? TimesPerWeek = null,
    [property: MaxLength(10), Description("Milestones goals only: ascending thresholds.")] IReadOnlyList<decimal>? Milestones = null,
    [property: Description("Default: today in `timezone`; within ±366 days.")] DateOnly? StartDate = null,
    [property: Description("On or after `startDate`.")] DateOnly? EndDate = null,
    [property: Description("An IANA time zone; default UTC.")] string? Timezone = null,
    [property: Description("Fills the template's fields; the body's fields override them.")] string? TemplateId = null);

public sealed record UpdateGoalRequest(
    [property: StringLength(120, MinimumLength = 1)] string? Title = null,
    [property: Range(0, 1_000_000_000)] decimal? Target = null,
    [property: StringLength(32)] string? Unit = null,
    [property: Range(1, 7)] int? TimesPerWeek = null,
    [property: MaxLength(10)] IReadOnlyList<decimal>? Milestones = null,
    DateOnly? EndDate = null);

public sealed record LogActivityRequest(
    [property: Range(0, 1_000_000), Description("> 0 (a `limit` goal also accepts 0).")] decimal? Value = null,
    [property: Description("Default: now; at most 5 minutes ahead, on a local date within the goal's dates.")]
    DateTimeOffset? OccurredAt = null,
    [property: StringLength(500)] string? Note = null);
