using Lifestyle.Api.Http;
using Lifestyle.Commands.Common;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.IdentityModel.Tokens;

namespace Lifestyle.Api.Auth;

public static class AuthSetup
{
    /// <summary>
    /// JWT bearer: an OIDC authority (Cognito) when <c>Auth:Authority</c> is set, else HS256 with
    /// <c>Auth:SigningKey</c>. The user is the token's <c>sub</c>; failures answer problem+json 401.
    /// </summary>
    public static IServiceCollection AddLifestyleAuth(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(AuthOptions.Section).Get<AuthOptions>() ?? new AuthOptions();
        if (string.IsNullOrWhiteSpace(options.Authority) && options.SigningKey is not { Length: >= 32 })
        {
            throw new InvalidOperationException("Set Auth:Authority, or Auth:SigningKey (at least 32 characters).");
        }

        services.AddSingleton(options);
        // Every request needs a user unless its endpoint allows anonymous access: unknown paths and
        // wrong methods answer 401 to strangers, so routes cannot be enumerated anonymously.
        services.AddAuthorization(o => o.FallbackPolicy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
        services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer(jwt =>
        {
            jwt.MapInboundClaims = false;
            jwt.TokenValidationParameters = new TokenValidationParameters
            {
                ValidIssuer = options.Issuer,
                ValidAudience = options.Audience,
                NameClaimType = "sub",
                ClockSkew = TimeSpan.FromSeconds(30),
            };
            if (!string.IsNullOrWhiteSpace(options.Authority))
            {
                jwt.Authority = options.Authority;
                jwt.TokenValidationParameters.ValidIssuer = options.Authority;
                // Cognito access tokens carry client_id, not aud.
                jwt.TokenValidationParameters.ValidateAudience = false;
            }
            else
            {
                jwt.TokenValidationParameters.IssuerSigningKey = DevTokens.Key(options.SigningKey!);
                jwt.TokenValidationParameters.ValidAlgorithms = [SecurityAlgorithms.HmacSha256];
            }

            jwt.Events = new JwtBearerEvents
            {
                OnTokenValidated = ctx =>
                {
                    var sub = ctx.Principal?.FindFirst("sub")?.Value;
                    if (sub is null || !CommandMetadataValidator.UserIdPattern().IsMatch(sub))
                    {
                        ctx.Fail("The token's sub must be 1-64 characters of A-Z a-z 0-9 _ -.");
                    }
                    else if (TokenRules.Violation(ctx.SecurityToken, DateTimeOffset.UtcNow) is { } violation)
                    {
                        ctx.Fail(violation);
                    }

                    return Task.CompletedTask;
                },
                OnChallenge = async ctx =>
                {
                    ctx.HandleResponse();
                    var detail = ctx.AuthenticateFailure is null
                        ? "A bearer token is required."
                        : "The bearer token is not valid.";
                    ctx.Response.Headers.WWWAuthenticate = "Bearer";
                    await Problems.WriteAsync(ctx.HttpContext, Problems.Create(401, "unauthorized", "Unauthorized.", detail));
                },
            };
        });
        return services;
    }
}
