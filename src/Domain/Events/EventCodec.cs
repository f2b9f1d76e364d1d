namespace Lifestyle.Domain.Events;

/// <summary>Where a stored event sits: what its item's envelope says, which a payload need not repeat.</summary>
public sealed record EventContext(string UserId, string GoalId);

/// <summary>Turns a payload stored at an older schema version into the next version's shape.</summary>
public sealed record Upcaster(int FromVersion, Type FromShape, Func<object, object> Up);

/// <summary>
/// How one event type is stored: its type name (fixed forever), the schema version of its current payload
/// shape, the mapping between the event and that shape, and the upcasters that read older shapes
/// (docs/adr/0009-versioned-stored-formats.md). Shapes are plain records; the storage layer serializes them.
/// </summary>
public abstract class EventCodec
{
    public abstract string Name { get; }

    public abstract int SchemaVersion { get; }

    public abstract Type EventType { get; }

    public abstract Type ShapeType { get; }

    /// <summary>Older shapes, each lifted one version up; a chain from any older version to the current one.</summary>
    public virtual IReadOnlyList<Upcaster> Upcasters => [];

    public abstract object Encode(GoalEvent e);

    public abstract GoalEvent Decode(object shape, EventContext context);
}

/// <summary>A codec of one event record and its current stored shape.</summary>
public abstract class EventCodec<TEvent, TShape> : EventCodec
    where TEvent : GoalEvent
    where TShape : notnull
{
    public sealed override Type EventType => typeof(TEvent);

    public sealed override Type ShapeType => typeof(TShape);

    public sealed override object Encode(GoalEvent e) => Encode((TEvent)e);

    public sealed override GoalEvent Decode(object shape, EventContext context) => Decode((TShape)shape, context);

    protected abstract TShape Encode(TEvent e);

    protected abstract TEvent Decode(TShape shape, EventContext context);
}
