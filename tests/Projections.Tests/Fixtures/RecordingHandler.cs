using System.Globalization;
using System.Numerics;
using Lifestyle.Projections.Stream;

namespace Lifestyle.Projections.Tests.Fixtures;

/// <summary>Records every batch it is given and the records it accepted; can fail once at chosen records.</summary>
public sealed class RecordingHandler(Func<ChangeRecord, bool>? failOnceWhen = null) : IChangeBatchHandler
{
    private readonly Lock gate = new();
    private readonly List<IReadOnlyList<ChangeRecord>> batches = [];
    private readonly List<ChangeRecord> accepted = [];
    private readonly HashSet<string> failedOnce = [];

    public IReadOnlyList<IReadOnlyList<ChangeRecord>> Batches { get { lock (gate) { return [.. batches]; } } }

    public IReadOnlyList<ChangeRecord> Accepted { get { lock (gate) { return [.. accepted]; } } }

    public IReadOnlyCollection<string> FailedOnce { get { lock (gate) { return [.. failedOnce]; } } }

    public Task<BatchOutcome> HandleAsync(IReadOnlyList<ChangeRecord> records, CancellationToken ct)
    {
        lock (gate)
        {
            batches.Add(records);
            foreach (var record in records)
            {
                if (failOnceWhen?.Invoke(record) == true && failedOnce.Add(record.SequenceNumber))
                {
                    return Task.FromResult(new BatchOutcome(record.SequenceNumber));
                }

                accepted.Add(record);
            }

            return Task.FromResult(BatchOutcome.Success);
        }
    }

    public async Task WaitForAsync(int count, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        while (Accepted.Count < count)
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Only {Accepted.Count} of {count} records arrived.");
            }

            await Task.Delay(20);
        }
    }

    public static BigInteger Order(string sequenceNumber) => BigInteger.Parse(sequenceNumber, CultureInfo.InvariantCulture);
}
