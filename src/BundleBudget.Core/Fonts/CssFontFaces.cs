using BundleBudget.Core.Text;

namespace BundleBudget.Core.Fonts;

/// <summary>One @font-face rule as written: its family and the value of its last src declaration.</summary>
internal sealed record CssFontFaceRule(string? Family, string Src);

/// <summary>One entry of a src list: <c>url(...) format(...) tech(...)</c>; <c>local()</c> entries name no file and are left out.</summary>
/// <param name="Invalid">An entry browsers drop: a format() with several formats (a syntax CSS Fonts no longer has).</param>
internal sealed record CssFontSource(string Url, string? Format, string? Tech = null, bool Invalid = false);

/// <summary>
/// Finds @font-face rules in CSS text and reads their src lists, skipping comments and strings, wherever the rules
/// are nested. Linear in the text.
/// </summary>
internal static class CssFontFaces
{
    public static IEnumerable<CssFontFaceRule> Rules(string css)
    {
        var position = 0;
        while ((position = NextAtRule(css, position)) >= 0)
        {
            var open = css.IndexOf('{', position);
            var end = open < 0 ? -1 : BlockEnd(css, open);
            if (end < 0)
            {
                yield break;
            }

            var declarations = Declarations(css.AsSpan(open + 1, end - open - 1).ToString());
            var src = declarations.LastOrDefault(d => d.Name == "src").Value;
            var family = declarations.LastOrDefault(d => d.Name == "font-family").Value?.Trim().Trim('"', '\'');
            if (src is not null)
            {
                yield return new CssFontFaceRule(family, src);
            }

            position = end + 1;
        }
    }

    public static IReadOnlyList<CssFontSource> Sources(string src)
    {
        var sources = new List<CssFontSource>();
        foreach (var item in SplitTopLevel(src, ','))
        {
            var url = Function(item, "url");
            if (url is null || url.Length == 0)
            {
                continue; // local(...), or nothing usable
            }

            sources.Add(new CssFontSource(Unescape(url), Function(item, "format")?.ToLowerInvariant(), Function(item, "tech")?.ToLowerInvariant(), HasFormatList(item)));
        }

        return sources;
    }

    /// <summary>The position just after the next "@font-face" outside comments and strings, or -1.</summary>
    private static int NextAtRule(string css, int from)
    {
        for (var i = from; i < css.Length; i++)
        {
            if (CssText.SkipCommentOrString(css, i) is >= 0 and var skipped)
            {
                i = skipped;
            }
            else if (css[i] == '@' && string.Compare(css, i + 1, "font-face", 0, 9, StringComparison.OrdinalIgnoreCase) == 0)
            {
                return i + 10;
            }
        }

        return -1;
    }

    /// <summary>The index of the '}' that closes the block opened at <paramref name="open"/>, or -1.</summary>
    private static int BlockEnd(string css, int open)
    {
        var depth = 0;
        for (var i = open; i < css.Length; i++)
        {
            var c = css[i];
            if (CssText.SkipCommentOrString(css, i) is >= 0 and var skipped)
            {
                i = skipped;
            }
            else if (c == '{')
            {
                depth++;
            }
            else if (c == '}' && --depth == 0)
            {
                return i;
            }
        }

        return -1;
    }

    private static List<(string Name, string Value)> Declarations(string block)
    {
        var declarations = new List<(string, string)>();
        foreach (var declaration in SplitTopLevel(StripComments(block), ';'))
        {
            var colon = declaration.IndexOf(':');
            if (colon > 0)
            {
                declarations.Add((declaration[..colon].Trim().ToLowerInvariant(), declaration[(colon + 1)..].Replace("!important", string.Empty, StringComparison.OrdinalIgnoreCase).Trim()));
            }
        }

        return declarations;
    }

    private static string StripComments(string text)
    {
        var stripped = new System.Text.StringBuilder(text.Length);
        var position = 0;
        for (var start = text.IndexOf("/*", StringComparison.Ordinal); start >= 0; start = text.IndexOf("/*", position, StringComparison.Ordinal))
        {
            stripped.Append(text, position, start - position).Append(' ');
            var end = text.IndexOf("*/", start + 2, StringComparison.Ordinal);
            position = end < 0 ? text.Length : end + 2;
        }

        return stripped.Append(text, position, text.Length - position).ToString();
    }

    /// <summary>Splits at a separator that is outside strings and parentheses.</summary>
    private static IEnumerable<string> SplitTopLevel(string text, char separator)
    {
        var depth = 0;
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c is '"' or '\'')
            {
                i = CssText.StringEnd(text, i);
            }
            else if (c == '(')
            {
                depth++;
            }
            else if (c == ')')
            {
                depth = Math.Max(0, depth - 1);
            }
            else if (c == separator && depth == 0)
            {
                yield return text[start..i];
                start = i + 1;
            }
        }

        yield return text[start..];
    }

    /// <summary>Whether the entry's format() names several formats, separated by commas outside quotes.</summary>
    private static bool HasFormatList(string item)
    {
        var at = item.IndexOf("format(", StringComparison.OrdinalIgnoreCase);
        var close = at < 0 ? -1 : item.IndexOf(')', at);
        return close > 0 && item.AsSpan(at, close - at).IndexOf(',') >= 0;
    }

    /// <summary>CSS escapes in a URL: a backslash and up to six hex digits (and one space after them), or a backslash and a character.</summary>
    private static string Unescape(string url)
    {
        if (!url.Contains('\\'))
        {
            return url;
        }

        var text = new System.Text.StringBuilder(url.Length);
        for (var i = 0; i < url.Length; i++)
        {
            if (url[i] != '\\' || i + 1 >= url.Length)
            {
                text.Append(url[i]);
                continue;
            }

            var hex = 0;
            while (hex < 6 && i + 1 + hex < url.Length && Uri.IsHexDigit(url[i + 1 + hex]))
            {
                hex++;
            }

            if (hex == 0)
            {
                text.Append(url[++i]);
                continue;
            }

            var point = int.Parse(url.AsSpan(i + 1, hex), System.Globalization.NumberStyles.HexNumber, System.Globalization.CultureInfo.InvariantCulture);
            text.Append(point is > 0 and <= 0x10FFFF and not (>= 0xD800 and <= 0xDFFF) ? char.ConvertFromUtf32(point) : "\uFFFD");
            i += hex;
            if (i + 1 < url.Length && url[i + 1] == ' ')
            {
                i++;
            }
        }

        return text.ToString();
    }

    /// <summary>The argument of <c>name(...)</c> in a src entry, unquoted; null when absent.</summary>
    private static string? Function(string item, string name)
    {
        var at = 0;
        while ((at = item.IndexOf(name, at, StringComparison.OrdinalIgnoreCase)) >= 0)
        {
            var open = at + name.Length;
            var isWholeName = (at == 0 || !char.IsLetterOrDigit(item[at - 1]) && item[at - 1] != '-') && open < item.Length && item[open] == '(';
            if (!isWholeName)
            {
                at = open;
                continue;
            }

            var inner = item.AsSpan(open + 1).Trim();
            if (inner.Length > 0 && inner[0] is '"' or '\'')
            {
                var quote = inner[0];
                var close = inner[1..].IndexOf(quote);
                return close < 0 ? null : inner.Slice(1, close).ToString();
            }

            var end = inner.IndexOf(')');
            return end < 0 ? null : inner[..end].Trim().ToString();
        }

        return null;
    }
}
