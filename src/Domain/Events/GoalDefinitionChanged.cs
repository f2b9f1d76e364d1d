using Lifestyle.Domain.Goals;

namespace Lifestyle.Domain.Events;

/// <summary>A PATCH: the whole new definition, in effect from <paramref name="EffectiveFrom"/> (a local date).</summary>
public sealed record GoalDefinitionChanged(GoalDefinition Definition, DateOnly EffectiveFrom) : GoalEvent;

public sealed record GoalDefinitionChangedShape(DefinitionShape Definition, DateOnly EffectiveFrom);

public sealed class GoalDefinitionChangedCodec : EventCodec<GoalDefinitionChanged, GoalDefinitionChangedShape>
{
    public override string Name => "goal-definition-changed.v1";

    public override int SchemaVersion => 1;

    protected override GoalDefinitionChangedShape Encode(GoalDefinitionChanged e) => new(DefinitionShape.From(e.Definition), e.EffectiveFrom);

    protected override GoalDefinitionChanged Decode(GoalDefinitionChangedShape s, EventContext context) =>
        new(s.Definition.ToDefinition(), s.EffectiveFrom);
}
