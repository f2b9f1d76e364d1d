using System.Collections.Concurrent;
using System.Globalization;
using Lifestyle.Domain.Events;
using Lifestyle.Domain.Goals;

namespace Lifestyle.Projections.Projection;

/// <summary>
/// What users do, by goal pattern: goals created and activities logged, counted from the events the projector
/// applies (each once: passes are gated on the goal's version) and written after each batch as CloudWatch embedded
/// metric documents, one stdout line per pattern: <c>Lifestyle/GoalsCreated</c> and <c>Lifestyle/ActivitiesLogged</c>
/// with the dimension <c>Pattern</c> (infra/dashboard.tf charts them).
/// </summary>
public sealed class PatternMetrics
{
    private readonly ConcurrentDictionary<GoalPattern, long[]> counts = new();

    public void Count(ProjectionResult result)
    {
        var created = result.Applied.Count(e => e.Event is GoalCreated);
        var logged = result.Applied.Count(e => e.Event is ActivityLogged);
        if (created + logged == 0)
        {
            return;
        }

        var slot = counts.GetOrAdd(result.After.Pattern, _ => new long[2]);
        Interlocked.Add(ref slot[0], created);
        Interlocked.Add(ref slot[1], logged);
    }

    /// <summary>The lines of what was counted since the last call, which starts counting afresh.</summary>
    public IReadOnlyList<string> Drain(DateTimeOffset at)
    {
        var lines = new List<string>();
        foreach (var pattern in counts.Keys.Order())
        {
            if (counts.TryRemove(pattern, out var slot) && slot[0] + slot[1] > 0)
            {
                lines.Add(Line(at, pattern.ToWire(), Interlocked.Read(ref slot[0]), Interlocked.Read(ref slot[1])));
            }
        }

        return lines;
    }

    public static string Line(DateTimeOffset at, string pattern, long created, long logged) => string.Create(CultureInfo.InvariantCulture,
        $$"""{"_aws":{"Timestamp":{{at.ToUnixTimeMilliseconds()}},"CloudWatchMetrics":[{"Namespace":"Lifestyle","Dimensions":[["Pattern"]],"Metrics":[{"Name":"GoalsCreated","Unit":"Count"},{"Name":"ActivitiesLogged","Unit":"Count"}]}]},"Pattern":"{{pattern}}","GoalsCreated":{{created}},"ActivitiesLogged":{{logged}}}""");
}
