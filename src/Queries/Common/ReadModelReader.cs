using System.Text.Json;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Lifestyle.Domain.Goals;
using Lifestyle.Domain.Progress;
using Lifestyle.Infrastructure.Cache;
using Lifestyle.Infrastructure.Dynamo;
using Lifestyle.Infrastructure.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Lifestyle.Queries.Common;

/// <summary>
/// Goal read models: Redis first, then the table's <c>PROGRESS#</c> item (refilling the cache).
/// A goal the projector has not reached yet is shown from its head at read-model version 0.
/// </summary>
public sealed class ReadModelReader(
    IAmazonDynamoDB db, IOptions<DynamoOptions> options, GoalCache cache, GoalIdIndex index, LiveReadModel live,
    ParkedGoals parked, ILogger<ReadModelReader> log)
{
    private readonly string table = options.Value.TableName;

    public async Task<GoalProjection?> GetAsync(string userId, string goalId, CancellationToken ct, bool bypassCache = false)
    {
        if (!GoalIds.IsWellFormed(goalId))
        {
            return null;
        }

        var keys = live.Keys;
        if (!bypassCache && await cache.GetAsync(keys, userId, goalId) is { } cached)
        {
            return JsonSerializer.Deserialize<GoalProjection>(cached.Data, StoreJson.Options);
        }

        var item = await GetItemAsync(Keys.User(userId), keys.Progress(goalId), ct);
        if (item is not null)
        {
            var state = item[ReadModelKeys.StateAttribute].S;
            var projection = JsonSerializer.Deserialize<GoalProjection>(state, StoreJson.Options)!;
            await RefillAsync(keys, userId, goalId, projection.Version, state);
            return projection;
        }

        var head = await GetItemAsync(Keys.User(userId), Keys.Goal(goalId), ct);
        return head is null ? null : FromHead(GoalHeadItems.FromItem(head));
    }

    /// <summary>The goal (at least at <paramref name="minVersion"/> if it gets there within 2 s), or goal-not-found.</summary>
    public async Task<(GoalProjection Goal, bool Stale)> GetRequiredAsync(string userId, string goalId, long? minVersion, CancellationToken ct)
    {
        var (goal, stale) = await GetAtLeastAsync(userId, goalId, minVersion, ReadYourWritesWait, ct);
        return goal is null ? throw new GoalRuleException(GoalErrorCode.GoalNotFound, $"Goal {goalId} was not found.") : (goal, stale);
    }

    public static readonly TimeSpan ReadYourWritesWait = TimeSpan.FromSeconds(2);

    /// <summary>Waits up to <paramref name="wait"/> for the read model to reach a version; Stale when it did not.</summary>
    public async Task<(GoalProjection? Goal, bool Stale)> GetAtLeastAsync(
        string userId, string goalId, long? minVersion, TimeSpan wait, CancellationToken ct)
    {
        var goal = await GetAsync(userId, goalId, ct);
        if (minVersion is not { } min || goal is null || goal.Version >= min)
        {
            return (goal, false);
        }

        if (parked.IsParked(userId, goalId))
        {
            return (goal, true); // the projector will not move it: waiting would only delay the answer
        }

        var deadline = DateTime.UtcNow + wait;
        while (DateTime.UtcNow < deadline)
        {
            await Task.Delay(25, ct);
            goal = await GetAsync(userId, goalId, ct, bypassCache: true);
            if (goal is null || goal.Version >= min)
            {
                return (goal, false);
            }
        }

        return (goal, true);
    }

    public async Task<IReadOnlyList<GoalProjection>> GetAllAsync(string userId, CancellationToken ct)
    {
        var ids = await index.GoalIdsAsync(userId, ct);
        var goals = await Task.WhenAll(ids.Select(id => GetAsync(userId, id, ct)));
        return goals.OfType<GoalProjection>().OrderBy(g => g.GoalId, StringComparer.Ordinal).ToList();
    }

    /// <summary>A goal's read model before the projector reached it: its head's definition, nothing applied.</summary>
    public static GoalProjection FromHead(GoalState s) => new(
        s.GoalId, s.UserId, s.Pattern, s.StartDate, s.Timezone, s.TemplateId, s.CreatedAt, s.Status, 0, s.CreatedAt,
        [new DefinitionPeriod(DateOnly.MinValue, s.Definition)], [], System.Collections.Immutable.ImmutableSortedDictionary<DateOnly, DayTotal>.Empty, 0, 0, [], [], []);

    private async Task RefillAsync(ReadModelKeys keys, string userId, string goalId, long version, string state)
    {
        if (!cache.Enabled)
        {
            return;
        }

        try
        {
            await cache.SetIfNewerAsync(keys, userId, goalId, new CachedGoal(version, state));
        }
        catch (CacheUnavailableException e)
        {
            log.LogDebug("Cache refill skipped: {Error}", e.Message);
        }
    }

    private Task<Dictionary<string, AttributeValue>?> GetItemAsync(string pk, string sk, CancellationToken ct) =>
        db.GetItemOrNullAsync(table, pk, sk, ct);
}
