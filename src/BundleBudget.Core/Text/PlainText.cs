using System.Globalization;
using System.Text;

namespace BundleBudget.Core.Text;

/// <summary>
/// Makes text that holds names from the output (files, modules, globs) safe to print as one line of a log: no name can
/// start a new line, move the terminal's cursor, reorder the text, or start a CI workflow command.
/// </summary>
public static class PlainText
{
    /// <summary>
    /// Escapes control characters (C0, DEL, C1), line and paragraph separators and bidirectional overrides: "\n", "\r",
    /// "\t" by name, the others as \u{XXXX}. Printable text is unchanged.
    /// </summary>
    public static string EscapeControl(string text)
    {
        var first = IndexOfUnsafe(text);
        if (first < 0)
        {
            return text;
        }

        var escaped = new StringBuilder(text.Length + 8).Append(text, 0, first);
        for (var i = first; i < text.Length; i++)
        {
            var c = text[i];
            if (!IsUnsafe(c))
            {
                escaped.Append(c);
                continue;
            }

            escaped.Append(c switch
            {
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                _ => string.Create(CultureInfo.InvariantCulture, $"\\u{{{(int)c:X4}}}"),
            });
        }

        return escaped.ToString();
    }

    /// <summary>
    /// One line to print in a log: control characters escaped, and never the start of a workflow command (GitHub
    /// Actions reads "::name ...::" and "##[name]" at the start of a line, after any spaces).
    /// </summary>
    public static string Line(string text)
    {
        var line = EscapeControl(text);
        var start = line.AsSpan().TrimStart();
        return start.StartsWith("::") || start.StartsWith("##[") ? "> " + line : line;
    }

    private static int IndexOfUnsafe(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (IsUnsafe(text[i]))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>C0 and C1 controls, DEL, line and paragraph separators, bidirectional marks and overrides, and invisible format characters.</summary>
    public static bool IsUnsafe(char c) =>
        c < 0x20 || c is >= '\u007F' and <= '\u009F' || c is '\u2028' or '\u2029' or '\u061C' or '\uFEFF'
        || c is >= '\u200B' and <= '\u200F' || c is >= '\u202A' and <= '\u202E' || c is >= '\u2060' and <= '\u2069';
}
