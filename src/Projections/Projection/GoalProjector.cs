using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Lifestyle.Domain.Events;
using Lifestyle.Domain.Progress;
using Lifestyle.Infrastructure.Dynamo;
using Lifestyle.Infrastructure.Storage;
using Microsoft.Extensions.Options;

namespace Lifestyle.Projections.Projection;

/// <summary>What one projection pass applied: the fold before and after, and the events in between.</summary>
public sealed record ProjectionResult(GoalProjection? Before, GoalProjection After, IReadOnlyList<EventEnvelope> Applied);

/// <summary>
/// Brings one goal's table read models up to its latest event: reads the events after the applied
/// version (consistent Query), folds them, and writes every read model gated on the new version,
/// so duplicates, retries and out-of-order notifications change nothing.
/// </summary>
public sealed class GoalProjector(IAmazonDynamoDB db, IOptions<DynamoOptions> options, ReadModelWriter writer)
{
    private readonly string table = options.Value.TableName;

    public async Task<ProjectionResult?> ProjectAsync(string userId, string goalId, ReadModelKeys keys, CancellationToken ct)
    {
        var before = await LoadAsync(userId, goalId, keys, ct);
        var events = await EventReader.ReadAfterAsync(db, table, userId, goalId, before?.LastRecordedAt, ct);
        if (events.Count == 0)
        {
            return null;
        }

        var expected = (before?.Version ?? 0) + 1;
        if (events[0].Version != expected || events.Select((e, i) => e.Version != expected + i).Any(gap => gap))
        {
            throw new InvalidOperationException(
                $"Goal {goalId}: events after version {expected - 1} are not consecutive ({string.Join(",", events.Select(e => e.Version))}).");
        }

        var after = events.Aggregate(before, GoalProjection.Evolve)!;
        await WriteAsync(before, after, events, keys, ct);
        return new ProjectionResult(before, after, events);
    }

    public async Task<GoalProjection?> LoadAsync(string userId, string goalId, ReadModelKeys keys, CancellationToken ct) =>
        await db.GetItemOrNullAsync(table, Keys.User(userId), keys.Progress(goalId), ct) is { } item ? ReadModelItems.ReadState(item) : null;

    private async Task WriteAsync(
        GoalProjection? before, GoalProjection after, IReadOnlyList<EventEnvelope> applied, ReadModelKeys keys, CancellationToken ct)
    {
        var touched = TouchedPeriods.Of(before, after, applied);
        foreach (var day in touched.DeleteDays)
        {
            await writer.DeleteAsync(after.UserId, keys.DailySnapshot(after.GoalId, day), after.Version, ct);
        }

        await writer.PutAllAsync(ReadModelItems.Dependents(after, touched.PutDays, touched.Weeks, keys), ReadModelItems.Progress(after, keys),
            after.Version, rebuild: false, ct);
    }
}
