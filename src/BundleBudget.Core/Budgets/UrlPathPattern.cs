namespace BundleBudget.Core.Budgets;

/// <summary>
/// The pages a budget limits by their URL path, written as Lighthouse's budget.json writes its <c>path</c> (robots.txt
/// style): a prefix (<c>/blog</c> is every URL that starts so), one <c>*</c> for any characters, and a final <c>$</c> for
/// the end of the URL.
/// </summary>
public sealed record UrlPathPattern
{
    private UrlPathPattern(string pattern) => Pattern = pattern;

    public string Pattern { get; }

    /// <summary>The pattern, or the problem with it in Lighthouse's own words.</summary>
    public static UrlPathPattern? TryParse(string path, out string? problem)
    {
        var why = !path.StartsWith('/') ? "Path should start with '/'."
            : path.Count(c => c == '*') > 1 ? "Path should only contain one '*'."
            : path.Count(c => c == '$') > 1 ? "Path should only contain one '$' character."
            : path.Contains('$') && !path.EndsWith('$') ? "'$' character should only occur at end of path."
            : null;
        problem = why is null ? null : $"Invalid path {path}. {why} 'Path' should be specified using the 'robots.txt' format.";
        return problem is null ? new UrlPathPattern(path) : null;
    }

    /// <summary>Whether a URL's path (and query) matches, as Lighthouse's Budget.urlMatchesPattern decides.</summary>
    public bool Matches(string urlPath)
    {
        var wildcard = Pattern.IndexOf('*');
        var anchored = Pattern.EndsWith('$');
        if (wildcard < 0)
        {
            return anchored ? urlPath == Pattern[..^1] : urlPath.StartsWith(Pattern, StringComparison.Ordinal);
        }

        var before = Pattern[..wildcard];
        var after = Pattern[(wildcard + 1)..];
        if (!urlPath.StartsWith(before, StringComparison.Ordinal))
        {
            return false;
        }

        var rest = urlPath[before.Length..];
        return anchored ? rest.EndsWith(after[..^1], StringComparison.Ordinal) : rest.Contains(after, StringComparison.Ordinal);
    }

    /// <summary>
    /// The URL paths a page of the output is loaded at, percent-encoded as a browser's URL has them: "/" and its path
    /// inside the folder it is served from; for an index.html also its folder ("/docs/" for docs/index.html), and for
    /// another .html page its clean URL ("/about" for about.html), as static hosts serve them.
    /// </summary>
    public static IReadOnlyList<string> UrlPathsOf(string servedPath)
    {
        var path = Encode("/" + servedPath.Replace('\\', '/').TrimStart('/'));
        var name = path[(path.LastIndexOf('/') + 1)..];
        if (name.Equals("index.html", StringComparison.OrdinalIgnoreCase) || name.Equals("index.htm", StringComparison.OrdinalIgnoreCase))
        {
            return [path[..(path.Length - name.Length)], path];
        }

        var extension = name.LastIndexOf('.');
        return extension > 0 && name[extension..].ToLowerInvariant() is ".html" or ".htm" ? [path, path[..(path.Length - name.Length + extension)]] : [path];
    }

    /// <summary>The WHATWG URL path percent-encode set: controls, space, and " # &lt; &gt; ? ` { } and every non-ASCII byte of UTF-8.</summary>
    private static string Encode(string path)
    {
        var encoded = new System.Text.StringBuilder(path.Length);
        foreach (var b in System.Text.Encoding.UTF8.GetBytes(path))
        {
            if (b <= 0x20 || b >= 0x7F || b is (byte)'"' or (byte)'#' or (byte)'<' or (byte)'>' or (byte)'?' or (byte)'`' or (byte)'{' or (byte)'}')
            {
                encoded.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }
            else
            {
                encoded.Append((char)b);
            }
        }

        return encoded.ToString();
    }

    public override string ToString() => Pattern;
}
