using System.Globalization;
using System.Text.RegularExpressions;

namespace Lifestyle.Benchmarks.Stack;

/// <summary>
/// The projector's own counters, from the last "Batch of … records" line of its log: passes (goals projected),
/// passes from kept state, passes from carried events, events applied, since the process started.
/// </summary>
public sealed partial record ProjectorTotals(long Passes, long Kept, long Carried, long Events)
{
    public double EventsPerPass => Events / (double)Math.Max(Passes, 1);

    public static ProjectorTotals? Parse(string log)
    {
        var match = Totals().Matches(log).LastOrDefault();
        if (match is null)
        {
            return null;
        }

        long N(int i) => long.Parse(match.Groups[i].Value, NumberStyles.AllowThousands, CultureInfo.InvariantCulture);
        return new ProjectorTotals(N(1), N(2), N(3), N(4));
    }

    [GeneratedRegex(@"totals: ([\d,]+) projected \(([\d,]+) from kept state, ([\d,]+) from carried events\), ([\d,]+) events")]
    private static partial Regex Totals();
}
