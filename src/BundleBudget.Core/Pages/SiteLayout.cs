using BundleBudget.Core.Assets;
using BundleBudget.Core.Budgets;
using BundleBudget.Core.Diagnostics;

namespace BundleBudget.Core.Pages;

/// <summary>
/// Where the output folder's pages are served from: the folder whose files the server sends at '/'. Root-relative URLs
/// and <c>&lt;base href="/"&gt;</c> resolve against it. By default it is the output folder itself, or, when the output
/// folder holds no page of its own and exactly one folder directly inside it holds an index.html (Angular's application
/// builder writes <c>dist/app/browser/</c> beside <c>dist/app/server/</c>), that folder. budget.json's <c>siteRoot</c>
/// (and an entry's own) says it explicitly. Files outside every folder served are not sent to browsers: not counted.
/// </summary>
public sealed class SiteLayout
{
    private readonly IReadOnlyDictionary<string, string> _rootOfEntry;

    private SiteLayout(string defaultRoot, IReadOnlyDictionary<string, string> rootOfEntry, bool detected)
    {
        DefaultRoot = defaultRoot;
        _rootOfEntry = rootOfEntry;
        Detected = detected;
        ServedRoots = rootOfEntry.Values.Append(defaultRoot).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
    }

    /// <summary>The output folder served as it is.</summary>
    public static SiteLayout Whole { get; } = new(string.Empty, new Dictionary<string, string>(), detected: false);

    /// <summary>The site root of pages without one of their own, relative to the output folder; "" for the output folder.</summary>
    public string DefaultRoot { get; }

    /// <summary>Whether <see cref="DefaultRoot"/> was found by looking at the output rather than named in budget.json.</summary>
    public bool Detected { get; }

    /// <summary>Every folder served, relative to the output folder.</summary>
    public IReadOnlyList<string> ServedRoots { get; }

    public bool ServesEverything => ServedRoots.Contains(string.Empty);

    /// <summary>The folder a page is served from: its entry's siteRoot, else the default root when the page is inside it, else the output folder.</summary>
    public string RootOf(string pagePath) =>
        _rootOfEntry.TryGetValue(pagePath, out var root) ? root
        : IsInside(pagePath, DefaultRoot) ? DefaultRoot
        : string.Empty;

    public bool IsServed(string path) => ServesEverything || ServedRoots.Any(root => IsInside(path, root));

    /// <summary>The path of a file as a URL path under its site root ("browser/main.js" under "browser" is "main.js").</summary>
    public static string UrlPathOf(string path, string root) => root.Length == 0 ? path : path[(root.Length + 1)..];

    public static bool IsInside(string path, string root) =>
        root.Length == 0 || path.StartsWith(root + "/", StringComparison.Ordinal);

    public static (SiteLayout Layout, IReadOnlyList<Diagnostic> Diagnostics) Resolve(string outputFolder, OutputScan scan, BudgetFile budget) =>
        Resolve(outputFolder, scan, budget, Content.OutputContent.Uncached());

    internal static (SiteLayout Layout, IReadOnlyList<Diagnostic> Diagnostics) Resolve(string outputFolder, OutputScan scan, BudgetFile budget, Content.OutputContent content)
    {
        var assets = scan.Assets;
        var diagnostics = new List<Diagnostic>();
        bool IsFolder(string root) => root.Length == 0 || Directory.Exists(Path.Combine(outputFolder, root));

        // A site root named through a symbolic link is the folder its files are listed under.
        string Canonical(string root)
        {
            for (var end = root.Length; end > 0; end = root.LastIndexOf('/', end - 1))
            {
                if (scan.Aliases.TryGetValue(root[..end], out var listed))
                {
                    var rest = root[end..].TrimStart('/');
                    return rest.Length == 0 ? listed : listed.Length == 0 ? rest : $"{listed}/{rest}";
                }
            }

            return root;
        }

        // A site root that is no folder would leave every file unserved, and every budget passing on nothing: an error.
        foreach (var root in (budget.Entries ?? []).Select(e => e.SiteRoot).Append(budget.SiteRoot).OfType<string>().Distinct(StringComparer.Ordinal).Where(r => !IsFolder(r)))
        {
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.InvalidValue, $"\"siteRoot\": '{root}' is not a folder of the output folder {outputFolder}. Name the folder the pages are served from, relative to the output folder (such as \"browser\").", budget.Path));
        }

        var explicitOfEntry = (budget.Entries ?? [])
            .Where(e => e.SiteRoot is not null && IsFolder(e.SiteRoot))
            .GroupBy(e => e.Path, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => Canonical(g.First().SiteRoot!), StringComparer.Ordinal);
        string? detected = null;
        string defaultRoot;
        if (budget.SiteRoot is { } explicitRoot)
        {
            defaultRoot = IsFolder(explicitRoot) ? Canonical(explicitRoot) : string.Empty;
        }
        else
        {
            detected = Detect(assets, content);
            defaultRoot = detected ?? string.Empty;
        }

        // Every entry page is served from somewhere: its own root, the default root when it is inside it, else the output folder.
        var rootOfEntry = new Dictionary<string, string>(explicitOfEntry, StringComparer.Ordinal);
        foreach (var entry in budget.Entries ?? [])
        {
            rootOfEntry.TryAdd(entry.Path, IsInside(entry.Path, defaultRoot) ? defaultRoot : string.Empty);
        }

        if (detected is null)
        {
            return (new SiteLayout(defaultRoot, rootOfEntry, detected: false), diagnostics);
        }

        var layout = new SiteLayout(detected, rootOfEntry, detected: true);
        var outside = assets.Where(a => a.Type.IsCounted() && !layout.IsServed(a.Path)).Select(a => a.Path).ToList();
        var outsideNote = outside.Count == 0 ? string.Empty
            : $" The {outside.Count} {(outside.Count == 1 ? "file" : "files")} outside it ({string.Join(", ", outside.Take(3))}{(outside.Count > 3 ? ", ..." : string.Empty)}) are not sent to browsers and not counted.";
        diagnostics.Add(new Diagnostic(
            DiagnosticCodes.ServedFromSubfolder,
            Severity.Info,
            $"The pages of the output folder are served from its subfolder {detected}/ (its index.html loads its files from there, as Angular's browser/ does): root-relative URLs and <base href> resolve against it.{outsideNote} Set \"siteRoot\" in budget.json to say so explicitly.",
            Path.Combine(outputFolder, detected)));
        return (layout, diagnostics);
    }

    /// <summary>
    /// The single folder directly inside the output folder that holds an index.html, when the output folder holds no page
    /// of its own, and only when that page finds more of what it loads with the folder as its root than with the output
    /// folder (so a pages/ folder whose pages load "/assets/app.js" from beside it is not taken for the root).
    /// </summary>
    private static string? Detect(IReadOnlyList<Asset> assets, Content.OutputContent content)
    {
        if (assets.Any(a => a.Type == AssetType.Document && !a.Path.Contains('/')))
        {
            return null;
        }

        var candidates = assets
            .Where(a => a.Path.Count(c => c == '/') == 1 && a.Path.EndsWith("/index.html", StringComparison.Ordinal))
            .ToList();
        if (candidates.Count != 1 || candidates[0].Length is 0 or > ParseLimits.Page)
        {
            return null;
        }

        var page = candidates[0];
        var folder = page.Path[..page.Path.IndexOf('/')];
        if (content.Facts(page, Content.FactKinds.Document)?.Document is not { Unread: false } read)
        {
            return null;
        }

        var resolver = new UrlResolver(assets.Select(a => a.Path).ToHashSet(StringComparer.Ordinal));
        var files = assets.Select(a => a.Path).ToHashSet(StringComparer.Ordinal);
        int Found(string root) => read.References.Count(r => resolver.Resolve(page.Path, r.Url, read.BaseHref, root) is { External: false, Path: { } path } && files.Contains(path));
        return Found(folder) > Found(string.Empty) ? folder : null;
    }
}
