using System.Globalization;
using System.Text;
using Lifestyle.Benchmarks.Load;

namespace Lifestyle.Benchmarks.Simulation;

/// <param name="PlanValue">The plan's figure as a number (null: no ratio).</param>
/// <param name="SimValue">The simulated figure as a number (null: no ratio).</param>
public sealed record SimFigure(string Figure, string Plan, string Simulated, double? PlanValue, double? SimValue, string How)
{
    public string Ratio => PlanValue is { } p && SimValue is { } s && p != 0 ? Fmt.Ratio(s / p) : "–";

    /// <summary>More than ~10 % apart (docs/capacity.md §12 explains each such row).</summary>
    public bool Differs => PlanValue is { } p && SimValue is { } s && p != 0 && Math.Abs((s / p) - 1) > 0.10;
}

/// <summary>The simulation's table: figure | plan | simulated | ratio | how, as text and as Markdown.</summary>
public sealed class SimReport
{
    private static readonly string[] Header = ["figure", "plan", "simulated", "ratio", "how it was measured"];

    public List<SimFigure> Rows { get; } = [];

    public List<string> Notes { get; } = [];

    /// <summary>Rows of the item census: kind, items, mean bytes, max bytes, write units of the mean, the day's stream records.</summary>
    public List<string[]> Census { get; } = [];

    public void Add(string figure, string plan, string simulated, double? planValue, double? simValue, string how)
    {
        var row = new SimFigure(figure, plan, simulated, planValue, simValue, how);
        Rows.Add(row);
        Console.Error.WriteLine($"  → {figure}: plan {plan}, simulated {simulated} ({row.Ratio})");
    }

    public string ToText()
    {
        var cells = Rows.Select(Cells).Prepend(Header).ToList();
        var widths = Enumerable.Range(0, 4).Select(i => cells.Max(c => c[i].Length)).ToArray();
        var sb = new StringBuilder();
        foreach (var row in cells)
        {
            sb.AppendJoin("  ", row.Take(4).Select((c, i) => c.PadRight(widths[i]))).AppendLine();
        }

        return sb.ToString();
    }

    public string ToMarkdown(string header)
    {
        var sb = new StringBuilder(header).AppendLine().AppendLine();
        sb.Append("| ").AppendJoin(" | ", Header).AppendLine(" |");
        sb.Append('|').AppendJoin("|", Header.Select(_ => "---")).AppendLine("|");
        foreach (var row in Rows)
        {
            sb.Append("| ").AppendJoin(" | ", Cells(row).Select(c => c.Replace("|", "\\|", StringComparison.Ordinal))).AppendLine(" |");
        }

        sb.AppendLine().AppendLine("Items of the simulated users after the run, by kind (sizes by AWS's rule, `ItemSize`):").AppendLine();
        sb.AppendLine("| kind | items | mean bytes | max bytes | WCU of the mean (1 KB) | stream records over the day |").AppendLine("|---|---|---|---|---|---|");
        foreach (var row in Census)
        {
            sb.Append("| ").AppendJoin(" | ", row).AppendLine(" |");
        }

        sb.AppendLine();
        foreach (var note in Notes)
        {
            sb.Append("- ").AppendLine(note);
        }

        return sb.ToString();
    }

    public static string F(double v, string format = "0.00") => v.ToString(format, CultureInfo.InvariantCulture);

    private static string[] Cells(SimFigure r) => [r.Figure, r.Plan, r.Simulated, r.Ratio + (r.Differs ? " ⚠" : ""), r.How];
}
