namespace BundleBudget.Core.Pages;

/// <summary>
/// Resolves the URLs of a page against the page and its &lt;base href&gt; to files of the output folder. The checker
/// does this itself (AngleSharp resolves against about:///). data: and other hosts' URLs are external.
/// </summary>
internal sealed class UrlResolver(IReadOnlySet<string> files)
{
    private static readonly Uri Origin = new("https://bundlebudget.invalid/");

    /// <summary>The output file a URL names, null when external, or a path that is not in the output (unresolved).</summary>
    public (string? Path, bool External) Resolve(string fromPath, string url, string? baseHref = null)
    {
        var trimmed = url.Trim();
        if (trimmed.StartsWith("data:", StringComparison.OrdinalIgnoreCase) || trimmed.StartsWith("blob:", StringComparison.OrdinalIgnoreCase))
        {
            return (null, true);
        }

        var page = new Uri(Origin, Escape(fromPath));
        var baseUri = baseHref is null ? page : Combine(page, baseHref) ?? page;
        var target = Combine(baseUri, trimmed);
        if (target is null || !string.Equals(target.Host, Origin.Host, StringComparison.OrdinalIgnoreCase) || target.Scheme != Origin.Scheme)
        {
            return (null, true);
        }

        var path = Uri.UnescapeDataString(target.AbsolutePath).TrimStart('/');
        if (files.Contains(path))
        {
            return (path, false);
        }

        // An app served under a base path (Vite's base: '/app/') names '/app/assets/x.js' for the file 'assets/x.js'.
        var segments = path.Split('/');
        for (var skip = 1; skip < segments.Length; skip++)
        {
            var shorter = string.Join('/', segments.Skip(skip));
            if (files.Contains(shorter))
            {
                return (shorter, false);
            }
        }

        return (path, false);
    }

    private static Uri? Combine(Uri baseUri, string relative) =>
        Uri.TryCreate(baseUri, relative, out var combined) ? combined : null;

    private static string Escape(string path) => string.Join('/', path.Split('/').Select(Uri.EscapeDataString));
}
