using System.Text;

namespace Lifestyle.Benchmarks.Report;

/// <param name="Met">null: informational (no target).</param>
public sealed record Row(string Phase, string Metric, string Value, string Baseline, string Ratio, string Target, bool? Met);

/// <summary>The one table: phase, metric, value, baseline, ratio, target, met?</summary>
public sealed class ResultTable
{
    private static readonly string[] Header = ["phase", "metric", "value", "baseline", "ratio", "target", "met?"];
    private readonly List<Row> rows = [];
    private readonly List<string> notes = [];

    public IReadOnlyList<Row> Rows => rows;

    /// <summary>Rows grouped by phase (1 baselines first), in measurement order within a phase.</summary>
    private IEnumerable<Row> Ordered => rows.Select((r, i) => (r, i)).OrderBy(x => x.r.Phase, StringComparer.Ordinal).ThenBy(x => x.i).Select(x => x.r);

    public void Add(string phase, string metric, string value, string baseline = "–", string ratio = "–", string target = "–", bool? met = null)
    {
        var row = new Row(phase, metric, value, baseline, ratio, target, met);
        rows.Add(row);
        Console.Error.WriteLine($"  → {metric}: {value}" + (met is { } m ? $"  [{(m ? "met" : "MISSED")}: {target}]" : ""));
    }

    /// <summary>A line printed under the table (how a figure was measured, what went wrong).</summary>
    public void Note(string note)
    {
        notes.Add(note);
        Console.Error.WriteLine($"  note: {note}");
    }

    public static string MetText(bool? met) => met switch { true => "yes", false => "NO", null => "–" };

    public string ToText()
    {
        var cells = Ordered.Select(Cells).Prepend(Header).ToList();
        var widths = Enumerable.Range(0, Header.Length).Select(i => cells.Max(c => c[i].Length)).ToArray();
        var sb = new StringBuilder();
        for (var r = 0; r < cells.Count; r++)
        {
            sb.AppendJoin("  ", cells[r].Select((c, i) => c.PadRight(widths[i]))).AppendLine();
            if (r == 0)
            {
                sb.AppendJoin("  ", widths.Select(w => new string('-', w))).AppendLine();
            }
        }

        foreach (var note in notes)
        {
            sb.Append("* ").AppendLine(note);
        }

        return sb.ToString();
    }

    public string ToMarkdown()
    {
        var sb = new StringBuilder();
        sb.Append("| ").AppendJoin(" | ", Header).AppendLine(" |");
        sb.Append('|').AppendJoin("|", Header.Select(_ => "---")).AppendLine("|");
        foreach (var row in Ordered)
        {
            sb.Append("| ").AppendJoin(" | ", Cells(row).Select(c => c.Replace("|", "\\|", StringComparison.Ordinal))).AppendLine(" |");
        }

        if (notes.Count > 0)
        {
            sb.AppendLine();
            foreach (var note in notes)
            {
                sb.Append("- ").AppendLine(note);
            }
        }

        return sb.ToString();
    }

    private static string[] Cells(Row r) => [r.Phase, r.Metric, r.Value, r.Baseline, r.Ratio, r.Target, MetText(r.Met)];
}
