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
    public (string? Path, bool External) Resolve(string fromPath, string url, string? baseHref = null, string siteRoot = "") =>
        ToUrl(fromPath, url, baseHref, siteRoot) is { } target ? FromUrl(target, SiteRootOf(fromPath, siteRoot)) : (null, true);

    /// <summary>The absolute URL a reference names, on the site's own origin; null for data:, blob: and what cannot be resolved.</summary>
    public static Uri? ToUrl(string fromPath, string url, string? baseHref, string siteRoot) =>
        IsInline(url) ? null : Combine(BaseUrl(fromPath, baseHref, siteRoot), url.Trim());

    /// <summary>
    /// Whether a URL holds ASP.NET Core's placeholder for a file's fingerprint (<c>app#[.{fingerprint}].js</c>), which
    /// publish and the build's served copy fill in: left in a page, a browser reads it as a fragment and asks for the
    /// wrong file.
    /// </summary>
    public static bool HasFingerprintPlaceholder(string url) =>
        url.Contains("#[", StringComparison.Ordinal) && url.Contains("{fingerprint}]", StringComparison.Ordinal);

    /// <summary>A URL resolved against a base URL made already (<see cref="BaseUrl"/>); null for data: and blob: URLs.</summary>
    public static Uri? ToUrl(Uri baseUri, string url) => IsInline(url) ? null : Combine(baseUri, url.Trim());

    private static bool IsInline(string url)
    {
        var trimmed = url.AsSpan().Trim();
        return trimmed.StartsWith("data:", StringComparison.OrdinalIgnoreCase) || trimmed.StartsWith("blob:", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The base URL of a file: its own URL, or the &lt;base href&gt; resolved against it.</summary>
    public static Uri BaseUrl(string fromPath, string? baseHref, string siteRoot)
    {
        var page = new Uri(Origin, Escape(SiteLayout.UrlPathOf(fromPath, SiteRootOf(fromPath, siteRoot))));
        return baseHref is null ? page : Combine(page, baseHref) ?? page;
    }

    /// <summary>The output file an absolute URL names, null when it is on another origin, or a path that is not in the output.</summary>
    public (string? Path, bool External) FromUrl(Uri target, string siteRoot)
    {
        if (!string.Equals(target.Host, Origin.Host, StringComparison.OrdinalIgnoreCase) || target.Scheme != Origin.Scheme)
        {
            return (null, true);
        }

        var urlPath = Uri.UnescapeDataString(target.AbsolutePath).TrimStart('/');
        var path = Join(siteRoot, urlPath);
        if (Find(path) is { } found)
        {
            return (found, false);
        }

        // A folder URL ("sub/") is served as its index.html.
        if ((urlPath.Length == 0 || urlPath.EndsWith('/')) && Find(Join(siteRoot, urlPath + "index.html")) is { } index)
        {
            return (index, false);
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

        // Only a compressed copy ships: a server sends it for the plain URL, with a Content-Encoding header.
        foreach (var compressed in (ReadOnlySpan<string>)[".br", ".gz"])
        {
            if (files.Contains(path + compressed))
            {
                return path + compressed;
            }
        }

        if (aliases is null || aliases.Count == 0)
        {
            return null;
        }

        // The longest alias that is a folder of the path: a link inside a linked folder is more specific than the folder's own.
        for (var slash = path.LastIndexOf('/'); slash > 0; slash = path.LastIndexOf('/', slash - 1))
        {
            if (aliases.TryGetValue(path[..slash], out var listed))
            {
                var rest = path[(slash + 1)..];
                var candidate = listed.Length == 0 ? rest : $"{listed}/{rest}";
                return files.Contains(candidate) ? candidate : Find(candidate);
            }
        }

        return null;
    }

    private static string SiteRootOf(string fromPath, string siteRoot) => SiteLayout.IsInside(fromPath, siteRoot) ? siteRoot : string.Empty;

    private static string Join(string root, string path) => root.Length == 0 ? path : $"{root}/{path}";

    private static Uri? Combine(Uri baseUri, string relative) =>
        Uri.TryCreate(baseUri, relative, out var combined) ? combined : null;

    private static string Escape(string path) => string.Join('/', path.Split('/').Select(Uri.EscapeDataString));
}
