namespace Lifestyle.Domain.Events;

/// <summary>
/// The closed set of stored event types, by name and by record. Never CLR names: renaming a record must not orphan
/// stored events. A payload change raises the codec's schema version and adds an upcaster; the name stays.
/// </summary>
public static class EventCatalog
{
    public static IReadOnlyList<EventCodec> Codecs { get; } =
    [
        new GoalCreatedCodec(), new GoalDefinitionChangedCodec(), new GoalPausedCodec(), new GoalResumedCodec(),
        new GoalCompletedCodec(), new GoalArchivedCodec(), new ActivityLoggedCodec(), new ActivityRemovedCodec(),
    ];

    private static readonly Dictionary<Type, EventCodec> ByType = Codecs.ToDictionary(c => c.EventType);

    private static readonly Dictionary<string, EventCodec> ByName = Codecs.ToDictionary(c => c.Name, StringComparer.Ordinal);

    public static IEnumerable<string> Names => ByName.Keys;

    public static bool IsKnown(string? name) => name is not null && ByName.ContainsKey(name);

    public static EventCodec For(GoalEvent e) =>
        ByType.TryGetValue(e.GetType(), out var codec) ? codec : throw new InvalidOperationException($"Event {e.GetType().Name} has no codec.");

    public static EventCodec Named(string name) =>
        ByName.TryGetValue(name, out var codec) ? codec : throw new InvalidOperationException($"Unknown event type '{name}'.");

    public static string NameOf(GoalEvent e) => For(e).Name;

    public static string NameOf<T>()
        where T : GoalEvent =>
        ByType.TryGetValue(typeof(T), out var codec) ? codec.Name : throw new InvalidOperationException($"Event {typeof(T).Name} has no codec.");
}
