using Lifestyle.Infrastructure.Storage;

namespace Lifestyle.Projections.Projection;

/// <summary>The read-model versions the projector keeps current (the live one, plus any being cut over to).</summary>
public sealed class ReadModelVersions
{
    public IReadOnlyList<ReadModelKeys> Maintained { get; private set; } = [ReadModelKeys.Live];

    public void Set(IEnumerable<string> versions) =>
        Maintained = versions.Distinct().Select(v => new ReadModelKeys(v)).ToList();
}
