using FluentValidation;
using Lifestyle.Queries.Common;
using Microsoft.Extensions.Configuration;
using Xunit;

namespace Lifestyle.Api.Tests;

/// <summary>A cursor verifies only in its canonical encoding (no slack in base64's unused bits).</summary>
public sealed class CursorTests
{
    private const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

    private readonly Cursors cursors = new(new ConfigurationBuilder()
        .AddInMemoryCollection(new Dictionary<string, string?> { ["Cursors:SigningKey"] = new string('k', 40) }).Build());

    [Fact]
    public void A_cursor_decodes_to_its_position()
    {
        var cursor = cursors.Encode("alice", "goals", new Dictionary<string, string> { ["sk"] = "GOAL#1" });

        Assert.Equal("GOAL#1", cursors.Decode(cursor, "alice", "goals")["sk"]);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(15)]
    public void Flipping_the_unused_bits_of_the_macs_last_character_is_refused(int bits)
    {
        var cursor = cursors.Encode("alice", "goals", new Dictionary<string, string> { ["sk"] = "GOAL#1" });
        var last = Alphabet.IndexOf(cursor[^1], StringComparison.Ordinal);
        // 32 MAC bytes are 43 characters: the last one carries 2 bits of the MAC and 4 unused bits.
        var tampered = cursor[..^1] + Alphabet[last ^ bits];

        Assert.Throws<ValidationException>(() => cursors.Decode(tampered, "alice", "goals"));
    }

    [Fact]
    public void A_padded_cursor_is_refused()
    {
        var cursor = cursors.Encode("alice", "goals", new Dictionary<string, string> { ["sk"] = "GOAL#1" });

        Assert.Throws<ValidationException>(() => cursors.Decode(cursor + "=", "alice", "goals"));
    }
}
