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

    /// <summary>
    /// Every <c>url()</c> of a stylesheet outside comments, as written (quotes taken off; data: URLs included, for the
    /// caller to tell apart): the images, fonts and cursors its rules name. <c>@import url()</c> is one of them too.
    /// </summary>
    public static IReadOnlyList<string> Urls(string css)
    {
        var urls = new List<string>();
        for (var i = 0; i < css.Length; i++)
        {
            if (css[i] is '/' && i + 1 < css.Length && css[i + 1] == '*')
            {
                var end = css.IndexOf("*/", i + 2, StringComparison.Ordinal);
                i = end < 0 ? css.Length : end + 1;
            }
            else if (css[i] is '"' or '\'')
            {
                i = StringEnd(css, i);
            }
            else if ((css[i] is 'u' or 'U') && string.Compare(css, i, "url(", 0, 4, StringComparison.OrdinalIgnoreCase) == 0 && (i == 0 || !IsNameChar(css[i - 1])))
            {
                var start = i + 4;
                while (start < css.Length && char.IsWhiteSpace(css[start]))
                {
                    start++;
                }

                if (start < css.Length && css[start] is '"' or '\'')
                {
                    var end = StringEnd(css, start);
                    urls.Add(css[(start + 1)..Math.Min(end, css.Length)]);
                    var close = css.IndexOf(')', Math.Min(end, css.Length));
                    i = close < 0 ? css.Length : close;
                }
                else
                {
                    var close = css.IndexOf(')', start);
                    urls.Add(css[start..(close < 0 ? css.Length : close)].Trim());
                    i = close < 0 ? css.Length : close;
                }
            }
        }

        return urls;
    }

    private static bool IsNameChar(char c) => char.IsLetterOrDigit(c) || c is '-' or '_';
}
