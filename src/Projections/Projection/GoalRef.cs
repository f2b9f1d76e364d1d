using Amazon.DynamoDBv2.Model;
using Lifestyle.Infrastructure.Storage;

namespace Lifestyle.Projections.Projection;

/// <summary>One goal of one user: what replay, verify, the daily close and the parked list walk.</summary>
public sealed record GoalRef(string UserId, string GoalId)
{
    /// <summary>The goal a head item (<c>USER#{userId}</c> / <c>GOAL#{goalId}</c>) names.</summary>
    public static GoalRef OfHead(IReadOnlyDictionary<string, AttributeValue> head) =>
        new(head[Keys.PK].S["USER#".Length..], head[Keys.SK].S[Keys.GoalPrefix.Length..]);
}
