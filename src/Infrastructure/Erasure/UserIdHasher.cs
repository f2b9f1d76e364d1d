using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace Lifestyle.Infrastructure.Erasure;

/// <summary>
/// The keyed hash that stands for a user where the clear id must not stay (the erasure audit): HMAC-SHA256
/// with <see cref="ErasureOptions.HashKey"/>, so nobody without the key can test a guessed id against it.
/// </summary>
public sealed class UserIdHasher(IOptions<ErasureOptions> options)
{
    public const int MinKeyLength = 32;

    public string Hash(string userId) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(Key(), Encoding.UTF8.GetBytes(userId)));

    /// <summary>Whether <paramref name="hash"/> is this user's, compared in constant time.</summary>
    public bool Matches(string userId, string hash) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Hash(userId)), Encoding.ASCII.GetBytes(hash));

    private byte[] Key() => options.Value.HashKey is { Length: >= MinKeyLength } key
        ? Encoding.UTF8.GetBytes(key)
        : throw new InvalidOperationException($"Erasure:HashKey is not set (at least {MinKeyLength} characters).");
}
