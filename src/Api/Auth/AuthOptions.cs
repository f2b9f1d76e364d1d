namespace Lifestyle.Api.Auth;

/// <summary>Configuration section <c>Auth</c>.</summary>
public sealed class AuthOptions
{
    public const string Section = "Auth";

    /// <summary>OIDC authority (Cognito user pool URL) in production; when set, the signing key is not used.</summary>
    public string? Authority { get; set; }

    public string Issuer { get; set; } = "lifestyle-local";

    public string Audience { get; set; } = "lifestyle-api";

    /// <summary>HS256 key for locally issued tokens (Development); at least 32 bytes.</summary>
    public string? SigningKey { get; set; }
}
