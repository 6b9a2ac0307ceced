namespace BundleBudget.Core.Text;

/// <summary>What the CSS readers share: skipping a comment or a string, which hide everything in them.</summary>
internal static class CssText
{
    /// <summary>
    /// When a comment or a quoted string starts at <paramref name="i"/>, the index of its last character (the text's
    /// length when it never ends); else -1. Line comments (<c>//</c>) count only where Sass and Less allow them.
    /// </summary>
    public static int SkipCommentOrString(string css, int i, bool lineComments = false)
    {
        var c = css[i];
        if (c == '/' && i + 1 < css.Length && css[i + 1] == '*')
        {
            var close = css.IndexOf("*/", i + 2, StringComparison.Ordinal);
            return close < 0 ? css.Length : close + 1;
        }

        if (lineComments && c == '/' && i + 1 < css.Length && css[i + 1] == '/' && (i == 0 || css[i - 1] != ':'))
        {
            var end = css.IndexOfAny(['\n', '\r'], i);
            return end < 0 ? css.Length : end - 1;
        }

        return c is '"' or '\'' ? StringEnd(css, i) : -1;
    }

    /// <summary>The index of the quote that closes the string starting at <paramref name="start"/> (or of the line break that ends it unclosed, or the text's length).</summary>
    public static int StringEnd(string css, int start)
    {
        var quote = css[start];
        for (var i = start + 1; i < css.Length; i++)
        {
            if (css[i] == '\\')
            {
                i++;
            }
            else if (css[i] == quote || css[i] is '\n' or '\r')
            {
                return i;
            }
        }

        return css.Length;
    }
}
