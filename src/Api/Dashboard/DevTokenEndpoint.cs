using Lifestyle.Api.Auth;
using Lifestyle.Api.Http;
using Lifestyle.Commands.Common;

namespace Lifestyle.Api.Dashboard;

public sealed record DevTokenRequest(string? UserId);

public sealed record DevTokenResponse(string Token, DateTimeOffset ExpiresAt);

/// <summary><c>POST /dev/token</c> <c>{"userId"}</c> → a dev token (Development with a signing key only; else 404).</summary>
public static class DevTokenEndpoint
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(12);

    public static void MapDevToken(this WebApplication app, bool development)
    {
        var auth = app.Services.GetRequiredService<AuthOptions>();
        if (!development || !string.IsNullOrWhiteSpace(auth.Authority))
        {
            // Mapped anyway, so that the answer is this 404 and not the 401 of an unknown path.
            app.MapPost("/dev/token", () => Results.Problem(Problems.Create(404, "not-found", "Not found.",
                "Dev tokens are issued only in Development."))).AllowAnonymous().ExcludeFromDescription();
            return;
        }

        app.MapPost("/dev/token", async (HttpContext ctx) =>
        {
            var request = RequestBody.Parse<DevTokenRequest>(ctx, await RequestBody.ReadAsync(ctx));
            if (!IsUserId(request.UserId))
            {
                throw new BadRequestException("userId", "userId must be 1-64 characters of A-Z a-z 0-9 _ -.");
            }

            var (token, expiresAt) = DevTokens.CreateWithExpiry(auth, request.UserId, Lifetime);
            return Results.Ok(new DevTokenResponse(token, expiresAt));
        }).AllowAnonymous().ExcludeFromDescription();
    }

    private static bool IsUserId([System.Diagnostics.CodeAnalysis.NotNullWhen(true)] string? id) =>
        id is not null && CommandMetadataValidator.UserIdPattern().IsMatch(id);
}
