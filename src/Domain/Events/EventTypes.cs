namespace Lifestyle.Domain.Events;

/// <summary>
/// Stable, versioned type names for stored events. Never CLR names: renaming a class must not
/// orphan stored events. A breaking change to a payload gets a new name (".v2") and an upcaster.
/// </summary>
public static class EventTypes
{
    public const int SchemaVersion = 1;

    private static readonly Dictionary<Type, string> NamesByType = new()
    {
        [typeof(GoalCreated)] = "goal-created.v1",
        [typeof(GoalDefinitionChanged)] = "goal-definition-changed.v1",
        [typeof(GoalPaused)] = "goal-paused.v1",
        [typeof(GoalResumed)] = "goal-resumed.v1",
        [typeof(GoalCompleted)] = "goal-completed.v1",
        [typeof(GoalArchived)] = "goal-archived.v1",
        [typeof(ActivityLogged)] = "activity-logged.v1",
        [typeof(ActivityRemoved)] = "activity-removed.v1",
    };

    private static readonly Dictionary<string, Type> TypesByName =
        NamesByType.ToDictionary(kv => kv.Value, kv => kv.Key, StringComparer.Ordinal);

    public static IEnumerable<string> All => TypesByName.Keys;

    public static bool IsKnown(string? name) => name is not null && TypesByName.ContainsKey(name);

    public static string NameOf(GoalEvent e) =>
        NamesByType.TryGetValue(e.GetType(), out var name)
            ? name
            : throw new InvalidOperationException($"Event {e.GetType().Name} has no registered type name.");

    public static string NameOf<T>()
        where T : GoalEvent =>
        NamesByType.TryGetValue(typeof(T), out var name) ? name : throw new InvalidOperationException($"Event {typeof(T).Name} has no registered type name.");

    public static Type TypeOf(string name) =>
        TypesByName.TryGetValue(name, out var type)
            ? type
            : throw new InvalidOperationException($"Unknown event type '{name}'.");
}
