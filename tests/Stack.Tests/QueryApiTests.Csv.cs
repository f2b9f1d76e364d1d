using System.Text;

namespace Lifestyle.Stack.Tests;

/// <summary>A strict RFC 4180 reader: CRLF between records, quoted fields with doubled quotes.</summary>
internal static class Rfc4180
{
    public static List<List<string>> Parse(string text)
    {
        var rows = new List<List<string>>();
        var row = new List<string>();
        var field = new StringBuilder();
        var i = 0;
        while (i < text.Length)
        {
            if (text[i] == '"')
            {
                for (i++; ; i++)
                {
                    if (i >= text.Length)
                    {
                        throw new FormatException("Unterminated quoted field.");
                    }

                    if (text[i] == '"' && (i + 1 >= text.Length || text[i + 1] != '"'))
                    {
                        i++;
                        break;
                    }

                    i += text[i] == '"' ? 1 : 0;
                    field.Append(text[i]);
                }
            }
            else
            {
                for (; i < text.Length && text[i] is not (',' or '\r' or '\n'); i++)
                {
                    field.Append(text[i] == '"' ? throw new FormatException($"Quote in an unquoted field at {i}.") : text[i]);
                }
            }

            row.Add(field.ToString());
            field.Clear();
            if (i >= text.Length)
            {
                rows.Add(row);
            }
            else if (text[i] == ',')
            {
                i++;
                if (i == text.Length)
                {
                    row.Add("");
                    rows.Add(row);
                }
            }
            else if (text[i] == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
            {
                i += 2;
                rows.Add(row);
                row = [];
            }
            else
            {
                throw new FormatException($"A bare line break at {i} (records end with CRLF).");
            }
        }

        return rows;
    }
}
