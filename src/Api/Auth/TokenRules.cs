using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Lifestyle.Api.Auth;

/// <summary>
/// RFC 8725 checks the JWT handler does not make (docs/product-rules.md §5 "Tokens"): no <c>crit</c> header (we
/// understand no extension), <c>exp</c> required and numeric, <c>nbf</c>/<c>iat</c> numeric when
/// present, and a lifetime of at most 24 h counted from <c>nbf</c>, else <c>iat</c>, else now.
/// </summary>
public static class TokenRules
{
    public static readonly TimeSpan MaxLifetime = TimeSpan.FromHours(24);

    /// <summary>Why the signed, otherwise valid token is refused; null when it is acceptable.</summary>
    public static string? Violation(SecurityToken token, DateTimeOffset now)
    {
        if (token is not JsonWebToken jwt)
        {
            return "The token is not a JWS compact token.";
        }

        using var header = JsonDocument.Parse(Base64UrlEncoder.DecodeBytes(jwt.EncodedHeader));
        if (header.RootElement.TryGetProperty("crit", out _))
        {
            return "The token names critical header parameters this API does not understand.";
        }

        using var payload = JsonDocument.Parse(Base64UrlEncoder.DecodeBytes(jwt.EncodedPayload));
        var claims = payload.RootElement;
        if (Time(claims, "exp") is not { } exp)
        {
            return "The token needs a numeric exp.";
        }

        if (!IsAbsentOrNumeric(claims, "nbf") || !IsAbsentOrNumeric(claims, "iat"))
        {
            return "The token's nbf and iat must be numeric.";
        }

        var from = Time(claims, "nbf") ?? Time(claims, "iat") ?? now.ToUnixTimeSeconds();
        return exp - from > MaxLifetime.TotalSeconds ? "The token's lifetime is over 24 hours." : null;
    }

    private static double? Time(JsonElement claims, string name) =>
        claims.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetDouble() : null;

    private static bool IsAbsentOrNumeric(JsonElement claims, string name) =>
        !claims.TryGetProperty(name, out var v) || v.ValueKind == JsonValueKind.Number;
}
