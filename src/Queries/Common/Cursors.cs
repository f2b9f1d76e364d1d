using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Configuration;

namespace Lifestyle.Queries.Common;

/// <summary>
/// Opaque, tamper-evident paging cursors: base64url(JSON) + "." + base64url(HMAC-SHA256), bound
/// to the user and the listing they came from. Key: <c>Cursors:SigningKey</c>, else <c>Auth:SigningKey</c>.
/// </summary>
public sealed class Cursors(IConfiguration configuration)
{
    private readonly byte[] key = Encoding.UTF8.GetBytes(
        configuration["Cursors:SigningKey"] is { Length: >= 32 } k ? k
        : configuration["Auth:SigningKey"] is { Length: >= 32 } a ? "cursor:" + a
        : Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));

    public string Encode(string userId, string scope, IReadOnlyDictionary<string, string> position)
    {
        var payload = JsonSerializer.SerializeToUtf8Bytes(new CursorPayload(userId, scope, position));
        return $"{Base64Url(payload)}.{Base64Url(HMACSHA256.HashData(key, payload))}";
    }

    /// <summary>The position, or a validation error when the cursor is malformed, forged or from another listing.</summary>
    public IReadOnlyDictionary<string, string> Decode(string cursor, string userId, string scope)
    {
        var parts = cursor.Split('.');
        byte[] payload, mac;
        try
        {
            (payload, mac) = parts.Length == 2 ? (FromBase64Url(parts[0]), FromBase64Url(parts[1])) : throw new FormatException();
        }
        catch (FormatException)
        {
            throw Invalid();
        }

        if (!CryptographicOperations.FixedTimeEquals(mac, HMACSHA256.HashData(key, payload)))
        {
            throw Invalid();
        }

        var p = JsonSerializer.Deserialize<CursorPayload>(payload);
        return p is not null && p.U == userId && p.S == scope ? p.P : throw Invalid();
    }

    private static FluentValidation.ValidationException Invalid() =>
        new([new FluentValidation.Results.ValidationFailure("cursor", "The cursor is not valid for this listing.")]);

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>Strict: only the canonical encoding decodes (unused bits of the last character must be 0, no padding).</summary>
    private static byte[] FromBase64Url(string s)
    {
        var b64 = s.Replace('-', '+').Replace('_', '/');
        var bytes = Convert.FromBase64String(b64.PadRight(b64.Length + ((4 - (b64.Length % 4)) % 4), '='));
        return Base64Url(bytes) == s ? bytes : throw new FormatException("Not canonical base64url.");
    }

    private sealed record CursorPayload(string U, string S, IReadOnlyDictionary<string, string> P);
}
