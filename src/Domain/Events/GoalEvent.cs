namespace Lifestyle.Domain.Events;

/// <summary>
/// Every fact of a goal's stream. The set is closed: each record has one codec in <see cref="EventCatalog"/>,
/// and a reflection test over the assembly proves every fold and the catalog handle every record.
/// </summary>
public abstract record GoalEvent;
