using System.Net;
using Lifestyle.Api.Tests.Fixtures;
using Xunit;

namespace Lifestyle.Api.Tests;

/// <summary>docs/product-rules.md §5 "Rate limit": a token bucket per user (anonymous callers by address), /health exempt.</summary>
[Collection(ApiCollection.Name)]
public sealed class RateLimitTests(ApiFixture api)
{
    private static readonly Dictionary<string, string> Limited = new()
    {
        ["RateLimit:Enabled"] = "true", ["RateLimit:PermitsPerSecond"] = "1", ["RateLimit:Burst"] = "3",
    };

    [Fact]
    public async Task Requests_over_a_users_burst_are_rate_limited_with_Retry_After_while_another_user_is_served()
    {
        await using var instance = api.NewInstance(Limited);
        using var greedy = api.ClientFor(ApiFixture.NewUserId(), instance);
        using var other = api.ClientFor(ApiFixture.NewUserId(), instance);

        // At least the burst passes; on a busy machine a slow request may let the bucket refill a token.
        var served = 0;
        HttpResponseMessage limited;
        while ((limited = await greedy.GetAsync("/v1/goals")).StatusCode == HttpStatusCode.OK)
        {
            Assert.True(++served <= 10, "no request was limited");
        }

        Assert.True(served >= 3, $"only {served} requests were served before the limit");
        await limited.ShouldBeProblemAsync(HttpStatusCode.TooManyRequests, "rate-limited");
        Assert.True(limited.Headers.RetryAfter?.Delta >= TimeSpan.FromSeconds(1), limited.Headers.RetryAfter?.ToString());
        Assert.Equal(HttpStatusCode.OK, (await other.GetAsync("/v1/goals")).StatusCode);
    }

    [Fact]
    public async Task Health_is_exempt_and_anonymous_callers_share_a_bucket_by_address()
    {
        await using var instance = api.NewInstance(Limited);
        using var anonymous = instance.CreateClient();

        for (var i = 0; i < 6; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/health/live")).StatusCode);
        }

        var templates = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            templates.Add((await anonymous.GetAsync("/v1/templates")).StatusCode);
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, templates[^1]);
    }

    [Fact]
    public async Task A_rejected_request_costs_nothing_and_the_bucket_refills()
    {
        // 1 token a second: how long each request takes on a busy machine cannot refill the bucket
        // between two of them often enough to never reach a refusal.
        await using var instance = api.NewInstance(new Dictionary<string, string>(Limited) { ["RateLimit:Burst"] = "2" });
        var user = ApiFixture.NewUserId();
        using var client = api.ClientFor(user, instance);
        var created = 0;
        HttpResponseMessage refused;
        while ((refused = await client.PostJsonAsync("/v1/goals", Goals.Daily())).StatusCode == HttpStatusCode.Created)
        {
            Assert.True(++created <= 10, "no request was refused");
        }

        await Task.Delay(TimeSpan.FromSeconds(1.2));
        var later = await client.PostJsonAsync("/v1/goals", Goals.Daily());

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        await later.ShouldSucceedAsync(HttpStatusCode.Created);
        Assert.Equal(created + 1, (await api.GoalHeadItemsAsync(user)).Count);
    }
}
