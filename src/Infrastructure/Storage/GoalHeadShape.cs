using Lifestyle.Domain.Events;
using Lifestyle.Domain.Goals;

namespace Lifestyle.Infrastructure.Storage;

/// <summary>The stored shape of a goal head (schema 1): flat attributes, decoupled from the in-memory <see cref="GoalState"/>.</summary>
public sealed record GoalHeadShape(
    string GoalId,
    string UserId,
    string Pattern,
    DefinitionShape Definition,
    DateOnly StartDate,
    string Timezone,
    string? TemplateId,
    string Status,
    long Version,
    DateTimeOffset CreatedAt,
    DateTimeOffset LastRecordedAt,
    decimal Sum,
    long ActivityCount)
{
    public const int SchemaVersion = 1;

    public static GoalHeadShape From(GoalState s) => new(
        s.GoalId, s.UserId, s.Pattern.ToWire(), DefinitionShape.From(s.Definition), s.StartDate, s.Timezone, s.TemplateId,
        s.Status.ToWire(), s.Version, s.CreatedAt, s.LastRecordedAt, s.Sum, s.ActivityCount);

    public GoalState ToState() => new(
        GoalId, UserId, GoalNames.ParsePattern(Pattern), Definition.ToDefinition(), StartDate, Timezone, TemplateId,
        GoalNames.ParseStatus(Status), Version, CreatedAt, LastRecordedAt, Sum, ActivityCount);
}
