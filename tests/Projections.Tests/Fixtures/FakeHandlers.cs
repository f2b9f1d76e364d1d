using Lifestyle.Projections.Stream;

namespace Lifestyle.Projections.Tests.Fixtures;

/// <summary>Fails at the records whose sequence numbers it is given (each time it sees them), else succeeds.</summary>
public sealed class FailingAtHandler(params string[] failAt) : IChangeBatchHandler
{
    public List<IReadOnlyList<ChangeRecord>> Batches { get; } = [];

    public Task<BatchOutcome> HandleAsync(IReadOnlyList<ChangeRecord> records, CancellationToken ct)
    {
        Batches.Add(records);
        var failed = records.FirstOrDefault(r => failAt.Contains(r.SequenceNumber));
        return Task.FromResult(failed is null ? BatchOutcome.Success : new BatchOutcome(failed.SequenceNumber));
    }
}
