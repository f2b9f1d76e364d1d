using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Lifestyle.Api.Auth;
using Lifestyle.Api.Tests.Fixtures;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Lifestyle.Api.Tests;

/// <summary>
/// docs/product-rules.md §5 "Tokens" (RFC 8725): tokens built by hand, so header and claims can be anything a
/// forger would send. Each is signed with the right key: only the checks named here refuse them.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class TokenStrictnessTests(ApiFixture api)
{
    private static long Now => DateTimeOffset.UtcNow.ToUnixTimeSeconds();

    [Fact]
    public async Task A_well_formed_hand_made_token_is_accepted()
    {
        await AssertStatusAsync(HttpStatusCode.Created, Claims(ApiFixture.NewUserId()));
    }

    [Theory]
    [InlineData("alice\n")]
    [InlineData("alice\r\n")]
    [InlineData("\nalice")]
    public async Task A_sub_with_a_line_break_is_unauthorized(string sub)
    {
        await AssertStatusAsync(HttpStatusCode.Unauthorized, Claims(sub));
    }

    [Fact]
    public async Task A_sub_of_64_characters_followed_by_a_newline_is_unauthorized()
    {
        await AssertStatusAsync(HttpStatusCode.Unauthorized, Claims(new string('a', 64) + "\n"));
    }

    [Fact]
    public async Task An_unknown_crit_header_is_unauthorized()
    {
        var header = new Dictionary<string, object> { ["alg"] = "HS256", ["typ"] = "JWT", ["crit"] = new[] { "x-extension" }, ["x-extension"] = 1 };

        await AssertStatusAsync(HttpStatusCode.Unauthorized, Claims(ApiFixture.NewUserId()), header);
    }

    [Theory]
    [InlineData("exp")]
    [InlineData("nbf")]
    public async Task A_time_claim_given_as_a_string_is_unauthorized(string claim)
    {
        var claims = Claims(ApiFixture.NewUserId());
        claims[claim] = ((long)claims[claim]).ToString(System.Globalization.CultureInfo.InvariantCulture);

        await AssertStatusAsync(HttpStatusCode.Unauthorized, claims);
    }

    [Fact]
    public async Task A_token_without_exp_is_unauthorized()
    {
        var claims = Claims(ApiFixture.NewUserId());
        claims.Remove("exp");

        await AssertStatusAsync(HttpStatusCode.Unauthorized, claims);
    }

    [Theory]
    [InlineData(24 * 3600 + 60)]
    [InlineData(100L * 365 * 24 * 3600)]
    [InlineData(253402300800L)] // exp in the year 10000
    public async Task A_lifetime_over_24_hours_is_unauthorized(long lifetimeSeconds)
    {
        var claims = Claims(ApiFixture.NewUserId());
        claims["exp"] = lifetimeSeconds > 1_000_000_000_000 ? lifetimeSeconds : Now + lifetimeSeconds;

        await AssertStatusAsync(HttpStatusCode.Unauthorized, claims);
    }

    [Fact]
    public async Task A_lifetime_over_24_hours_counted_from_iat_when_there_is_no_nbf_is_unauthorized()
    {
        var claims = Claims(ApiFixture.NewUserId());
        claims.Remove("nbf");
        claims["iat"] = Now - 3600;
        claims["exp"] = Now + (24 * 3600);

        await AssertStatusAsync(HttpStatusCode.Unauthorized, claims);
    }

    [Fact]
    public async Task A_lifetime_of_exactly_24_hours_is_accepted()
    {
        var claims = Claims(ApiFixture.NewUserId());
        claims["exp"] = (long)claims["nbf"] + (24 * 3600);

        await AssertStatusAsync(HttpStatusCode.Created, claims);
    }

    private Dictionary<string, object> Claims(string sub)
    {
        var options = api.Factory.Services.GetRequiredService<AuthOptions>();
        return new()
        {
            ["iss"] = options.Issuer, ["aud"] = options.Audience, ["sub"] = sub,
            ["iat"] = Now, ["nbf"] = Now, ["exp"] = Now + 3600,
        };
    }

    private async Task AssertStatusAsync(HttpStatusCode expected, Dictionary<string, object> claims, Dictionary<string, object>? header = null)
    {
        using var client = api.AnonymousClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Sign(header ?? new() { ["alg"] = "HS256", ["typ"] = "JWT" }, claims));

        var response = await client.PostJsonAsync("/v1/goals", Goals.Daily());

        if (expected == HttpStatusCode.Unauthorized)
        {
            await response.ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "unauthorized");
        }
        else
        {
            await response.ShouldSucceedAsync(expected);
        }
    }

    private string Sign(Dictionary<string, object> header, Dictionary<string, object> claims)
    {
        var key = Encoding.UTF8.GetBytes(api.Factory.Services.GetRequiredService<AuthOptions>().SigningKey!);
        var signingInput = $"{B64(JsonSerializer.SerializeToUtf8Bytes(header))}.{B64(JsonSerializer.SerializeToUtf8Bytes(claims))}";
        return $"{signingInput}.{B64(HMACSHA256.HashData(key, Encoding.ASCII.GetBytes(signingInput)))}";
    }

    private static string B64(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
