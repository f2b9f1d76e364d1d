namespace Lifestyle.Domain.Goals;

/// <summary>
/// What user text (<c>title</c>, <c>unit</c>, <c>note</c>) may hold (docs/product-rules.md §5 "Input"): no control
/// characters (a note may have line feeds and tabs), no bidirectional embeddings, overrides or
/// isolates (they make text display as something else), and no unpaired surrogates.
/// </summary>
public static class GoalText
{
    public static bool IsClean(string text, bool multiline = false)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
                continue;
            }

            if (char.IsSurrogate(c) || IsBidiControl(c) || (char.IsControl(c) && !(multiline && c is '\n' or '\t')))
            {
                return false;
            }
        }

        return true;
    }

    public static string Rule(string field, bool multiline = false) => multiline
        ? $"{field} must not contain control characters other than line feeds and tabs, or bidirectional overrides."
        : $"{field} must not contain control characters or bidirectional overrides.";

    private static bool IsBidiControl(char c) => c is >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069';
}
