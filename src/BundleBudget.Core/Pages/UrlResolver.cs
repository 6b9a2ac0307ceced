namespace BundleBudget.Core.Pages;

/// <summary>
/// Resolves the URLs of a page against the page, its &lt;base href&gt; and the folder it is served from to files of the
/// output folder. The checker does this itself (AngleSharp resolves against about:///). data: and other hosts' URLs
/// are external. A folder reached through a second symbolic link is found under the path its files are listed at.
/// </summary>
internal sealed class UrlResolver(IReadOnlySet<string> files, IReadOnlyDictionary<string, string>? aliases = null)
{
    private static readonly Uri Origin = new("https://bundlebudget.invalid/");
    private const int MaxBasePathDepth = 4;

    /// <summary>The output file a URL names, null when external, or a path that is not in the output (unresolved).</summary>
    /// <param name="fromPath">The referencing file, relative to the output folder.</param>
    /// <param name="siteRoot">The folder, relative to the output folder, served at '/'.</param>
    public (string? Path, bool External) Resolve(string fromPath, string url, string? baseHref = null, string siteRoot = "")
    {
        var trimmed = url.Trim();
        if (trimmed.StartsWith("data:", StringComparison.OrdinalIgnoreCase) || trimmed.StartsWith("blob:", StringComparison.OrdinalIgnoreCase))
        {
            return (null, true);
        }

        if (!SiteLayout.IsInside(fromPath, siteRoot))
        {
            siteRoot = string.Empty;
        }

        var page = new Uri(Origin, Escape(SiteLayout.UrlPathOf(fromPath, siteRoot)));
        var baseUri = baseHref is null ? page : Combine(page, baseHref) ?? page;
        var target = Combine(baseUri, trimmed);
        if (target is null || !string.Equals(target.Host, Origin.Host, StringComparison.OrdinalIgnoreCase) || target.Scheme != Origin.Scheme)
        {
            return (null, true);
        }

        var urlPath = Uri.UnescapeDataString(target.AbsolutePath).TrimStart('/');
        var path = Join(siteRoot, urlPath);
        if (Find(path) is { } found)
        {
            return (found, false);
        }

        // An app served under a base path (Vite's base: '/app/') names '/app/assets/x.js' for the file 'assets/x.js'.
        // Base paths are a few folders deep: at most that many leading folders are tried.
        var slash = -1;
        for (var skip = 0; skip < MaxBasePathDepth; skip++)
        {
            slash = urlPath.IndexOf('/', slash + 1);
            if (slash < 0)
            {
                break;
            }

            if (Find(Join(siteRoot, urlPath[(slash + 1)..])) is { } shorter)
            {
                return (shorter, false);
            }
        }

        return (path, false);
    }

    private string? Find(string path)
    {
        if (files.Contains(path))
        {
            return path;
        }

        if (aliases is null || aliases.Count == 0)
        {
            return null;
        }

        // The longest alias first: a link inside a linked folder is more specific than the folder's own.
        foreach (var (link, listed) in aliases.OrderByDescending(a => a.Key.Length))
        {
            if (path.StartsWith(link + "/", StringComparison.Ordinal))
            {
                var rest = path[(link.Length + 1)..];
                var candidate = listed.Length == 0 ? rest : $"{listed}/{rest}";
                return files.Contains(candidate) ? candidate : Find(candidate);
            }
        }

        return null;
    }

    private static string Join(string root, string path) => root.Length == 0 ? path : $"{root}/{path}";

    private static Uri? Combine(Uri baseUri, string relative) =>
        Uri.TryCreate(baseUri, relative, out var combined) ? combined : null;

    private static string Escape(string path) => string.Join('/', path.Split('/').Select(Uri.EscapeDataString));
}
