using System.Net;
using System.Net.Http.Headers;
using System.Security.Claims;
using System.Text;
using Lifestyle.Api.Auth;
using Lifestyle.Api.Tests.Fixtures;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Xunit;

namespace Lifestyle.Api.Tests;

/// <summary>unauthorized (401) problem+json for a missing, malformed or untrusted bearer token.</summary>
[Collection(ApiCollection.Name)]
public sealed class UnauthorizedTests(ApiFixture api)
{
    [Theory]
    [InlineData("POST", "/v1/goals")]
    [InlineData("PATCH", "/v1/goals/0123456789abcdef0123456789abcdef")]
    [InlineData("POST", "/v1/goals/0123456789abcdef0123456789abcdef/pause")]
    [InlineData("POST", "/v1/goals/0123456789abcdef0123456789abcdef/activities")]
    [InlineData("DELETE", "/v1/goals/0123456789abcdef0123456789abcdef/activities/act_0000000000000001")]
    public async Task A_command_without_a_token_is_unauthorized(string method, string path)
    {
        using var client = api.AnonymousClient();

        var response = await client.SendJsonAsync(new HttpMethod(method), path, new { value = 1 });

        await response.ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "unauthorized");
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
    }

    [Theory]
    [InlineData("garbage")]
    [InlineData("other-key")]
    [InlineData("expired")]
    [InlineData("other-issuer")]
    [InlineData("other-audience")]
    [InlineData("unsigned")]
    [InlineData("no-sub")]
    public async Task A_create_with_an_untrusted_token_is_unauthorized_and_creates_nothing(string kind)
    {
        var user = ApiFixture.NewUserId();
        using var client = api.AnonymousClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Token(kind, user));

        var response = await client.PostJsonAsync("/v1/goals", Goals.Daily());

        await response.ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "unauthorized");
        Assert.Empty(await api.GoalHeadItemsAsync(user));
    }

    [Theory]
    [InlineData("bad user")]
    [InlineData("user#1")]
    [InlineData("ünicode")]
    [InlineData("")]
    public async Task A_token_whose_sub_is_not_a_valid_user_id_is_unauthorized(string sub)
    {
        using var client = api.AnonymousClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", api.TokenFor(sub));

        var response = await client.PostJsonAsync("/v1/goals", Goals.Daily());

        await response.ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "unauthorized");
    }

    [Fact]
    public async Task A_sub_of_64_characters_is_accepted_and_65_is_not()
    {
        using var longest = api.ClientFor(new string('a', 63) + "Z");
        using var tooLong = api.ClientFor(new string('a', 65));

        await (await longest.PostJsonAsync("/v1/goals", Goals.Daily())).ShouldSucceedAsync(HttpStatusCode.Created);
        await (await tooLong.PostJsonAsync("/v1/goals", Goals.Daily())).ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "unauthorized");
    }

    private string Token(string kind, string user)
    {
        var options = api.Factory.Services.GetRequiredService<AuthOptions>();
        var now = DateTime.UtcNow;
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = options.Issuer,
            Audience = options.Audience,
            Subject = new ClaimsIdentity(kind == "no-sub" ? [new Claim("name", user)] : [new Claim("sub", user)]),
            IssuedAt = now,
            NotBefore = now,
            Expires = now.AddHours(1),
            SigningCredentials = Signing(options.SigningKey!),
        };
        switch (kind)
        {
            case "garbage":
                return "not.a.jwt";
            case "other-key":
                descriptor.SigningCredentials = Signing("another-signing-key-of-at-least-32-characters!");
                break;
            case "expired":
                (descriptor.IssuedAt, descriptor.NotBefore, descriptor.Expires) = (now.AddHours(-2), now.AddHours(-2), now.AddMinutes(-5));
                break;
            case "other-issuer":
                descriptor.Issuer = "someone-else";
                break;
            case "other-audience":
                descriptor.Audience = "another-api";
                break;
            case "unsigned":
                descriptor.SigningCredentials = null;
                break;
        }

        return new JsonWebTokenHandler().CreateToken(descriptor);
    }

    private static SigningCredentials Signing(string key) =>
        new(new SymmetricSecurityKey(Encoding.UTF8.GetBytes(key)), SecurityAlgorithms.HmacSha256);
}
