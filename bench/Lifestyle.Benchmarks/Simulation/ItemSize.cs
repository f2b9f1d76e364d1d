using System.Text;
using Amazon.DynamoDBv2.Model;

namespace Lifestyle.Benchmarks.Simulation;

/// <summary>
/// The size DynamoDB bills for an item (AWS's rule, as docs/capacity.md §3 applies it): each attribute's name in
/// UTF-8 plus its value — strings their UTF-8 bytes, binaries their raw bytes, numbers one byte per two significant
/// digits plus one (trailing zeros too: 100 is 1 × 10²), null and Boolean one byte, a list or map 3 bytes plus each element and 1 byte per element.
/// </summary>
public static class ItemSize
{
    /// <summary>What an index adds to the item it copies, in bytes (docs/capacity.md §5, §6: ~100 B per GSI item).</summary>
    public const int IndexOverhead = 100;

    public static int Of(IReadOnlyDictionary<string, AttributeValue> item) =>
        item.Sum(a => Encoding.UTF8.GetByteCount(a.Key) + Value(a.Value));

    /// <summary>Write units of one standard write: one per started KB.</summary>
    public static int WriteUnits(int bytes) => Math.Max(1, (bytes + 1023) / 1024);

    /// <summary>Read units of one strongly consistent read: one per started 4 KB.</summary>
    public static int ReadUnits(int bytes) => Math.Max(1, (bytes + 4095) / 4096);

    public static int Value(AttributeValue v)
    {
        if (v.S is not null)
        {
            return Encoding.UTF8.GetByteCount(v.S);
        }

        if (v.N is not null)
        {
            return Number(v.N);
        }

        if (v.B is not null)
        {
            return (int)v.B.Length;
        }

        if (v.NULL == true || v.BOOL is not null)
        {
            return 1;
        }

        if (v.M is not null)
        {
            return 3 + v.M.Sum(e => Encoding.UTF8.GetByteCount(e.Key) + Value(e.Value) + 1);
        }

        if (v.L is not null)
        {
            return 3 + v.L.Sum(e => Value(e) + 1);
        }

        if (v.SS is { Count: > 0 })
        {
            return v.SS.Sum(Encoding.UTF8.GetByteCount);
        }

        if (v.NS is { Count: > 0 })
        {
            return v.NS.Sum(Number);
        }

        if (v.BS is { Count: > 0 })
        {
            return v.BS.Sum(b => (int)b.Length);
        }

        return 1;
    }

    /// <summary>A number's size: its significant digits (leading and trailing zeros trimmed), two a byte, plus one.</summary>
    public static int Number(string text)
    {
        var mantissa = text.Split('e', 'E')[0];
        var digits = mantissa.Where(char.IsAsciiDigit).SkipWhile(c => c == '0').ToArray();
        // Zero is counted as one digit, an upper bound where AWS's rule leaves it open (docs/capacity.md §3 counts it so).
        var significant = Math.Max(1, digits.Reverse().SkipWhile(c => c == '0').Count());
        return ((significant + 1) / 2) + 1;
    }
}
