using System.Text.Json;
using Amazon.DynamoDBv2;
using Lifestyle.Domain.Progress;
using Lifestyle.Infrastructure.Cache;
using Lifestyle.Infrastructure.Dynamo;
using Lifestyle.Infrastructure.Storage;
using Lifestyle.Projections.Projection;
using Microsoft.Extensions.Options;

namespace Lifestyle.Projections.Replay;

/// <summary>One way a stored read model differs from a fresh fold of its goal's events.</summary>
public sealed record Difference(string UserId, string GoalId, string ReadModel, string Field, string Stored, string Expected)
{
    public override string ToString() => $"{UserId}/{GoalId}  {ReadModel}  {Field}: stored {Stored}, expected {Expected}";
}

/// <summary>Compares every stored read model of a goal (table and Redis copy) with a fresh fold of its events.</summary>
public sealed class ReadModelVerifier(IAmazonDynamoDB db, IOptions<DynamoOptions> options, GoalRebuilder rebuilder, GoalCache cache)
{
    private const string Missing = "(missing)";

    public async Task<List<Difference>> VerifyAsync(string userId, string goalId, ReadModelKeys keys, CancellationToken ct)
    {
        var p = await rebuilder.FoldAsync(userId, goalId, ct);
        var expected = p is null ? [] : ReadModelItems.All(p, keys).ToDictionary(i => i[Keys.SK].S, StringComparer.Ordinal);
        var stored = (await StoredReadModels.QueryAsync(db, options.Value.TableName, userId, goalId, keys, ct))
            .Where(i => p is null || !StoredReadModels.IsExpiredSnapshot(i[Keys.SK].S, keys, goalId, p))
            .ToDictionary(i => i[Keys.SK].S, StringComparer.Ordinal);
        var differences = new List<Difference>();
        foreach (var sk in expected.Keys.Union(stored.Keys).Order(StringComparer.Ordinal))
        {
            if (!stored.TryGetValue(sk, out var s))
            {
                differences.Add(new(userId, goalId, sk, "item", Missing, "present"));
                continue;
            }

            if (!expected.TryGetValue(sk, out var e))
            {
                differences.Add(new(userId, goalId, sk, "item", "present", "(none: not in a fresh fold)"));
                continue;
            }

            // Only the progress item's version is the fold's; other items keep the version that last changed them.
            var fields = e.Keys.Union(s.Keys).Where(f => f != ReadModelItems.Version || sk == keys.Progress(goalId));
            foreach (var field in fields.Order(StringComparer.Ordinal))
            {
                var stored1 = s.TryGetValue(field, out var sv) ? Canonical(sv) : Missing;
                var expected1 = e.TryGetValue(field, out var ev) ? Canonical(ev) : Missing;
                if (stored1 != expected1)
                {
                    differences.Add(new(userId, goalId, sk, field, stored1, expected1));
                }
            }
        }

        if (p is not null && await cache.GetAsync(keys, userId, goalId) is { } cached)
        {
            var state = JsonSerializer.Serialize(p, StoreJson.Options);
            if (cached.Version != p.Version || cached.Data != state)
            {
                differences.Add(new(userId, goalId, CacheKeys.Goal(keys, userId, goalId), "redis",
                    $"version {cached.Version}", $"version {p.Version}{(cached.Version == p.Version ? " (data differs)" : "")}"));
            }
        }

        return differences;
    }

    /// <summary>A comparable form: numbers by value (DynamoDB drops trailing zeros), maps by sorted keys.</summary>
    public static string Canonical(Amazon.DynamoDBv2.Model.AttributeValue v) =>
        v.S is not null ? JsonSerializer.Serialize(v.S)
        : v.N is not null ? decimal.Parse(v.N, System.Globalization.CultureInfo.InvariantCulture).ToString("G29", System.Globalization.CultureInfo.InvariantCulture)
        : v.BOOL is { } b ? (b ? "true" : "false")
        : v.M is not null ? "{" + string.Join(",", v.M.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => $"{kv.Key}:{Canonical(kv.Value)}")) + "}"
        : v.L is not null ? "[" + string.Join(",", v.L.Select(Canonical)) + "]"
        : "null";
}
