using Lifestyle.Domain.Goals;

namespace Lifestyle.Domain.Events;

public sealed record GoalCreated(
    string GoalId,
    string UserId,
    GoalPattern Pattern,
    GoalDefinition Definition,
    DateOnly StartDate,
    string Timezone,
    string? TemplateId) : GoalEvent;

/// <summary>Schema 2: the goal and user ids are the envelope's, not repeated in the payload.</summary>
public sealed record GoalCreatedShape(string Pattern, DefinitionShape Definition, DateOnly StartDate, string Timezone, string? TemplateId);

/// <summary>Schema 1, as stored until schema 2: the same payload with the ids repeated.</summary>
public sealed record GoalCreatedShapeV1(
    string GoalId, string UserId, string Pattern, DefinitionShape Definition, DateOnly StartDate, string Timezone, string? TemplateId);

public sealed class GoalCreatedCodec : EventCodec<GoalCreated, GoalCreatedShape>
{
    public override string Name => "goal-created.v1";

    public override int SchemaVersion => 2;

    public override IReadOnlyList<Upcaster> Upcasters { get; } =
    [
        new(1, typeof(GoalCreatedShapeV1), v1 => v1 is GoalCreatedShapeV1 s
            ? new GoalCreatedShape(s.Pattern, s.Definition, s.StartDate, s.Timezone, s.TemplateId)
            : throw new ArgumentException($"Expected {nameof(GoalCreatedShapeV1)}.", nameof(v1))),
    ];

    protected override GoalCreatedShape Encode(GoalCreated e) =>
        new(e.Pattern.ToWire(), DefinitionShape.From(e.Definition), e.StartDate, e.Timezone, e.TemplateId);

    protected override GoalCreated Decode(GoalCreatedShape s, EventContext context) =>
        new(context.GoalId, context.UserId, GoalNames.ParsePattern(s.Pattern), s.Definition.ToDefinition(), s.StartDate, s.Timezone, s.TemplateId);
}
