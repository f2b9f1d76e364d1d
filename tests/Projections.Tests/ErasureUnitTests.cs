using Amazon.DynamoDBv2.Model;
using Lifestyle.Infrastructure.Erasure;
using Lifestyle.Infrastructure.Memory;
using Lifestyle.Projections.Projection;
using Lifestyle.Projections.Stream;
using Microsoft.Extensions.Options;
using Xunit;

namespace Lifestyle.Projections.Tests;

/// <summary>The pure parts of erasure: the keyed hash, erasure ids, marked heads in a stream batch, forgetting a user's entries.</summary>
public sealed class ErasureUnitTests
{
    private static UserIdHasher Hasher(string key) => new(Options.Create(new ErasureOptions { HashKey = key }));

    [Fact]
    public void The_user_hash_is_hmac_sha256_under_the_configured_key_and_never_the_id()
    {
        var key = new string('k', 32);
        var expected = Convert.ToHexStringLower(System.Security.Cryptography.HMACSHA256.HashData("kkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkk"u8, "alice"u8));

        Assert.Equal(expected, Hasher(key).Hash("alice"));
        Assert.NotEqual(Hasher(key).Hash("alice"), Hasher(new string('j', 32)).Hash("alice"));
        Assert.DoesNotContain("alice", Hasher(key).Hash("alice"), StringComparison.Ordinal);
        Assert.True(Hasher(key).Matches("alice", expected));
        Assert.False(Hasher(key).Matches("alicf", expected));
    }

    [Fact]
    public void Without_a_long_enough_key_nothing_is_hashed()
    {
        Assert.Throws<InvalidOperationException>(() => Hasher("short").Hash("alice"));
        Assert.Throws<InvalidOperationException>(() => new UserIdHasher(Options.Create(new ErasureOptions())).Hash("alice"));
    }

    [Theory]
    [InlineData("era_0123456789abcdef0123456789abcdef", true)]
    [InlineData("era_0123456789ABCDEF0123456789abcdef", false)]
    [InlineData("era_0123", false)]
    [InlineData("ERASURE#x", false)]
    public void Erasure_ids_are_checked_before_any_read(string id, bool wellFormed)
    {
        Assert.Equal(wellFormed, ErasureItems.IsWellFormed(id));
        Assert.True(ErasureItems.IsWellFormed(ErasureItems.NewId()));
    }

    [Fact]
    public void A_marked_head_projects_nothing_and_names_its_goal_and_a_remove_is_ignored()
    {
        var marked = new Dictionary<string, AttributeValue> { ["version"] = new() { N = "7" }, [ErasureItems.Marker] = new("era_x") };
        ChangeRecord[] batch =
        [
            Record("GOAL#g1", "MODIFY", marked),
            Record("GOAL#g2", "REMOVE", null),
            Record("GOAL#g3", "MODIFY", new() { ["version"] = new() { N = "2" } }),
        ];

        Assert.Equal(["g3"], BatchChanges.Of(batch).Select(c => c.GoalId));
        Assert.Equal([("u1", "g1")], BatchChanges.ErasedGoals(batch));
    }

    [Fact]
    public void Remove_where_forgets_every_matching_key_in_both_generations()
    {
        var recent = new RecentVersions<(string User, string Goal), long>(4, v => v);
        recent.Set(("a", "1"), 1);
        recent.Set(("a", "2"), 1);
        recent.Set(("b", "1"), 1);

        recent.RemoveWhere(k => k.User == "a");

        Assert.False(recent.TryGet(("a", "1"), out _));
        Assert.False(recent.TryGet(("a", "2"), out _));
        Assert.True(recent.TryGet(("b", "1"), out _));
    }

    private static ChangeRecord Record(string sk, string eventName, Dictionary<string, AttributeValue>? image) =>
        new(Guid.NewGuid().ToString("N"), eventName, "1", null,
            new Dictionary<string, AttributeValue> { ["PK"] = new("USER#u1"), ["SK"] = new(sk) }, image);
}
