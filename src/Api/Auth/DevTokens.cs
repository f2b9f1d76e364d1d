using System.Security.Claims;
using System.Text;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Lifestyle.Api.Auth;

/// <summary>HS256 tokens for local use and tests, signed with <c>Auth:SigningKey</c>.</summary>
public static class DevTokens
{
    public static SymmetricSecurityKey Key(string signingKey) => new(Encoding.UTF8.GetBytes(signingKey));

    public static string Create(AuthOptions options, string userId, TimeSpan lifetime) =>
        CreateWithExpiry(options, userId, lifetime).Token;

    public static (string Token, DateTimeOffset ExpiresAt) CreateWithExpiry(AuthOptions options, string userId, TimeSpan lifetime)
    {
        var key = options.SigningKey ?? throw new InvalidOperationException("Auth:SigningKey is not configured.");
        var now = DateTime.UtcNow;
        var expires = now + lifetime;
        expires = expires.AddTicks(-(expires.Ticks % TimeSpan.TicksPerSecond)); // exp is whole seconds
        var token = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = options.Issuer,
            Audience = options.Audience,
            Subject = new ClaimsIdentity([new Claim("sub", userId)]),
            IssuedAt = now,
            NotBefore = now,
            Expires = expires,
            SigningCredentials = new SigningCredentials(Key(key), SecurityAlgorithms.HmacSha256),
        });
        return (token, new DateTimeOffset(expires, TimeSpan.Zero));
    }
}
