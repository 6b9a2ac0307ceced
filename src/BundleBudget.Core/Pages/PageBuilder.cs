using System.Text;
using BundleBudget.Core.Assets;
using BundleBudget.Core.Budgets;
using BundleBudget.Core.Content;
using BundleBudget.Core.Diagnostics;
using BundleBudget.Core.Imports;

namespace BundleBudget.Core.Pages;

/// <summary>Follows what one entry page loads; shares, across the pages, what each file references (read once).</summary>
internal sealed partial class PageBuilder(OutputScan scan, IReadOnlyDictionary<string, Asset> byPath, SiteLayout layout, OutputContent content)
{
    /// <summary>Frames inside frames are followed this deep.</summary>
    private const int MaxFrameDepth = 3;

    private readonly UrlResolver _resolver = new(byPath.Keys.ToHashSet(StringComparer.Ordinal), scan.Aliases);
    private readonly Dictionary<string, FileReferences> _references = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DocumentFacts?> _documents = new(StringComparer.Ordinal);
    private readonly HashSet<string> _reported = new(StringComparer.Ordinal);
    private readonly Dictionary<Uri, string> _folderOf = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<(string Folder, string Specifier), Uri?> _urls = [];
    private readonly Dictionary<(string Url, string SiteRoot), (string? Path, bool External)> _files = [];

    /// <summary>The files by name, to tell a wrong site root from a missing file.</summary>
    private readonly Lazy<ILookup<string, string>> _byName = new(() => byPath.Keys.ToLookup(p => p[(p.LastIndexOf('/') + 1)..], StringComparer.Ordinal));

    /// <summary>Why a file could not be read for its references, by path.</summary>
    private readonly Dictionary<string, string> _unreadable = new(StringComparer.Ordinal);

    public List<Diagnostic> Diagnostics { get; } = [];

    /// <summary>The &lt;style&gt; elements of every document read (pages and frames), once each: their @font-face rules count too.</summary>
    public List<InlineStyle> InlineStyles { get; } = [];

    private readonly HashSet<string> _stylesRead = new(StringComparer.Ordinal);

    public EntryPage BuildPage(Asset page)
    {
        var walk = new PageWalk(page, layout.RootOf(page.Path));
        var serverRendered = RazorMarkup.IsRazor(page.Path);
        if (!serverRendered)
        {
            walk.Initial.Add(new PageFile(page.Path, LoadReason.Document, page.Path));
        }

        walk.Seen.Add(page.Path);
        ReadDocument(walk, page, depth: 0);

        // Breadth-first over what the initial files import; the list grows while it is walked.
        for (var i = serverRendered ? 0 : 1; i < walk.Initial.Count; i++)
        {
            var file = walk.Initial[i];
            if (file.Reason == LoadReason.Frame)
            {
                continue; // a frame's document was read where it was found
            }

            var references = ReferencesOf(file.Path);
            if (references.Problem is { } problem)
            {
                walk.Gaps.Add(new PageGap(file.From, file.Path, problem));
            }

            foreach (var (url, dynamic, boot) in references.References)
            {
                Follow(walk, file.Path, url, dynamic, baseHref: null, boot);
            }
        }

        var lazy = new List<PageFile>();
        var lazySeen = new HashSet<string>(walk.Seen, StringComparer.Ordinal);
        var pending = new Queue<PageFile>(walk.LazyRoots);
        while (pending.Count > 0)
        {
            var file = pending.Dequeue();
            if (!lazySeen.Add(file.Path))
            {
                continue;
            }

            lazy.Add(file);
            foreach (var (url, dynamic, boot) in ReferencesOf(file.Path).References)
            {
                var (path, isExternal) = ResolveModule(walk, file.Path, url, baseHref: null);
                if (isExternal)
                {
                    if (!NodeBuiltins.IsDynamicNodeImport(url, dynamic))
                    {
                        walk.External.Add(url);
                        walk.LazyCandidates.Add(url);
                    }
                }
                else if (Exists(byPath[file.Path], url, path!, walk, initial: false))
                {
                    walk.MapOf.TryAdd(path!, walk.MapOf.GetValueOrDefault(file.Path, ImportMap.Empty));
                    pending.Enqueue(new PageFile(path!, boot ? LoadReason.BlazorBoot : dynamic ? LoadReason.DynamicImport : ReasonFor(path!), file.Path));
                }
            }
        }

        return new EntryPage(page.Path, walk.Initial, lazy, walk.External.ToList())
        {
            LazyExternal = walk.LazyCandidates.Where(url => !walk.FirstExternal.Contains(url)).ToHashSet(StringComparer.Ordinal),
            Referenced = NamedByStyles(walk, page, lazy),
            FullPath = page.FullPath,
            ServerRendered = serverRendered,
            SiteRoot = walk.SiteRoot,
            Gaps = walk.Gaps,
        };
    }

    /// <summary>
    /// The files the page's stylesheets (and its &lt;style&gt; elements) name with url() and that it does not load
    /// otherwise: images and fonts a browser downloads when a rule uses them. Neither initial nor lazy, but loaded.
    /// </summary>
    private List<string> NamedByStyles(PageWalk walk, Asset page, List<PageFile> lazy)
    {
        var named = new List<string>();
        var known = new HashSet<string>(walk.Seen.Concat(lazy.Select(f => f.Path)), StringComparer.Ordinal);
        void Add(string from, string url, string? baseHref)
        {
            if (url.Length == 0 || url.StartsWith('#') || url.StartsWith("data:", StringComparison.OrdinalIgnoreCase))
            {
                return;
            }

            var (path, isExternal) = _resolver.Resolve(from, url, baseHref, walk.SiteRoot);
            if (!isExternal && path is not null && byPath.ContainsKey(path) && known.Add(path))
            {
                named.Add(path);
            }
        }

        foreach (var file in walk.Initial.Concat(lazy).Where(f => TypeOf(f.Path) == AssetType.Stylesheet).ToList())
        {
            foreach (var url in ReferencesOf(file.Path).Urls)
            {
                Add(file.Path, url, null);
            }
        }

        if (_documents.GetValueOrDefault(page.Path) is { } html)
        {
            foreach (var url in html.InlineStyles.SelectMany(style => style.Urls))
            {
                Add(page.Path, url, html.BaseHref);
            }
        }

        return named;
    }

    /// <summary>Adds what an HTML document (the page, or a frame in it) names; frames are followed a few levels deep.</summary>
    private void ReadDocument(PageWalk walk, Asset document, int depth)
    {
        var html = Document(document);
        if (html is null)
        {
            walk.Gaps.Add(new PageGap(document.Path, document.Path, $"the {(depth == 0 ? "page" : "frame")} itself could not be read ({_unreadable.GetValueOrDefault(document.Path, "unreadable")}), so what it loads is unknown"));
            return;
        }

        var importMap = html.ImportMap is { } json ? ImportMap.Parse(json, UrlResolver.BaseUrl(document.Path, html.BaseHref, walk.SiteRoot)) : ImportMap.Empty;
        walk.MapOf[document.Path] = importMap;
        if (depth == 0)
        {
            walk.BaseHref = html.BaseHref;
        }

        foreach (var reference in html.References)
        {
            var (path, isExternal) = _resolver.Resolve(document.Path, reference.Url, html.BaseHref, walk.SiteRoot);
            if (isExternal)
            {
                walk.External.Add(reference.Url);
                (reference.Lazy ? walk.LazyCandidates : walk.FirstExternal).Add(reference.Url);
                continue;
            }

            if (!Exists(document, reference.Url, path!, walk, initial: !reference.Lazy))
            {
                continue;
            }

            walk.MapOf.TryAdd(path!, importMap);
            var file = new PageFile(path!, reference.Reason, document.Path) { Loading = reference.Loading };
            if (reference.Lazy)
            {
                walk.LazyRoots.Add(file);
            }
            else if (walk.Seen.Add(path!))
            {
                walk.Initial.Add(file);
                if (reference.Reason is LoadReason.Frame or LoadReason.Embed && byPath[path!].Type == AssetType.Document)
                {
                    if (depth < MaxFrameDepth)
                    {
                        ReadDocument(walk, byPath[path!], depth + 1);
                    }
                    else
                    {
                        walk.Gaps.Add(new PageGap(document.Path, reference.Url, $"frames are followed {MaxFrameDepth} deep, and this one is deeper: what it loads is not measured"));
                    }
                }
            }
        }

        foreach (var module in html.InlineModules)
        {
            if (module.Problem is { } problem)
            {
                walk.Gaps.Add(new PageGap(document.Path, "an inline module script", problem));
            }

            foreach (var reference in module.Imports)
            {
                Follow(walk, document.Path, reference.Specifier, reference.Dynamic, html.BaseHref);
            }
        }

        if (_stylesRead.Add(document.Path))
        {
            InlineStyles.AddRange(html.InlineStyles.Select(style => new InlineStyle(document.Path, style.FontFaces)));
        }

        foreach (var style in html.InlineStyles)
        {
            foreach (var import in style.Imports)
            {
                var (path, isExternal) = _resolver.Resolve(document.Path, import, html.BaseHref, walk.SiteRoot);
                if (isExternal)
                {
                    walk.External.Add(import);
                    walk.FirstExternal.Add(import);
                }
                else if (Exists(document, import, path!, walk, initial: true) && walk.Seen.Add(path!))
                {
                    walk.Initial.Add(new PageFile(path!, LoadReason.CssImport, document.Path));
                }
            }
        }
    }

    /// <summary>
    /// A module specifier, as the browser resolves it: a CSS @import against its stylesheet; for a script, through the
    /// import map of the document that loaded it (its scopes by the importer's URL; bare and URL keys), else as a URL
    /// against the importer (a page's inline module: against the page's base URL). A bare specifier no map names is
    /// external (a package the server does not have).
    /// </summary>
    private (string? Path, bool External) ResolveModule(PageWalk walk, string from, string specifier, string? baseHref)
    {
        if (TypeOf(from) == AssetType.Stylesheet)
        {
            return _resolver.Resolve(from, specifier, siteRoot: walk.SiteRoot);
        }

        // A chunk's base URL is the same for every specifier in it: made once per walk.
        var importer = baseHref is not null ? UrlResolver.BaseUrl(from, baseHref, walk.SiteRoot)
            : walk.BaseUrls.TryGetValue(from, out var known) ? known
            : walk.BaseUrls[from] = UrlResolver.BaseUrl(from, null, walk.SiteRoot);
        var asUrl = ImportMap.IsUrlLike(specifier) ? ToUrl(importer, specifier) : null;
        var target = walk.MapOf.GetValueOrDefault(from, ImportMap.Empty).Resolve(specifier, asUrl, importer) ?? asUrl;
        if (target is null)
        {
            return (null, true);
        }

        var siteRoot = SiteLayout.IsInside(from, walk.SiteRoot) ? walk.SiteRoot : string.Empty;
        var key = (target.AbsoluteUri, siteRoot);
        return _files.TryGetValue(key, out var file) ? file : _files[key] = _resolver.FromUrl(target, siteRoot);
    }

    /// <summary>
    /// A specifier resolved against its chunk's URL. Chunks of one folder import the same shared chunks by the same
    /// "./chunk.js": a path-relative specifier depends only on the folder of the importer, so each is resolved once.
    /// </summary>
    private Uri? ToUrl(Uri importer, string specifier)
    {
        if (!specifier.StartsWith("./", StringComparison.Ordinal) && !specifier.StartsWith("../", StringComparison.Ordinal))
        {
            return UrlResolver.ToUrl(importer, specifier);
        }

        if (!_folderOf.TryGetValue(importer, out var folder))
        {
            var path = importer.GetLeftPart(UriPartial.Path);
            folder = _folderOf[importer] = path[..(path.LastIndexOf('/') + 1)];
        }

        return _urls.TryGetValue((folder, specifier), out var url) ? url : _urls[(folder, specifier)] = UrlResolver.ToUrl(importer, specifier);
    }

    private void Follow(PageWalk walk, string from, string url, bool dynamic, string? baseHref, bool boot = false)
    {
        var (path, isExternal) = ResolveModule(walk, from, url, baseHref);
        if (isExternal)
        {
            if (!NodeBuiltins.IsDynamicNodeImport(url, dynamic))
            {
                walk.External.Add(url);
                (dynamic ? walk.LazyCandidates : walk.FirstExternal).Add(url);
            }

            return;
        }

        if (!Exists(byPath.GetValueOrDefault(from) ?? walk.Page, url, path!, walk, initial: !dynamic))
        {
            return;
        }

        walk.MapOf.TryAdd(path!, walk.MapOf.GetValueOrDefault(from, ImportMap.Empty)); // a module uses the map of the document that loaded it
        if (dynamic)
        {
            walk.LazyRoots.Add(new PageFile(path!, boot ? LoadReason.BlazorBoot : LoadReason.DynamicImport, from));
        }
        else if (walk.Seen.Add(path!))
        {
            walk.Initial.Add(new PageFile(path!, boot ? LoadReason.BlazorBoot : ReasonFor(path!), from));
        }
    }

    private LoadReason ReasonFor(string path) => TypeOf(path) == AssetType.Stylesheet ? LoadReason.CssImport : LoadReason.StaticImport;

    /// <summary>The kind of a file: as listed (a shipped-compressed site.css.br is a stylesheet), else by its name.</summary>
    private AssetType TypeOf(string path) => byPath.TryGetValue(path, out var asset) ? asset.Type : AssetClassifier.Classify(path);

    /// <summary>Whether the file is in the output; if not, says so once per referencing file and URL, and, for the initial load, records the gap.</summary>
    private bool Exists(Asset from, string url, string path, PageWalk walk, bool initial)
    {
        if (byPath.ContainsKey(path))
        {
            return true;
        }

        if (url.Contains(RazorMarkup.DynamicMarker, StringComparison.Ordinal))
        {
            const string computed = "its URL is computed by Razor code, which BundleBudget does not run";
            if (initial)
            {
                walk.Gaps.Add(new PageGap(from.Path, url, computed));
            }

            if (_reported.Add($"{from.Path}|{url}"))
            {
                Diagnostics.Add(Diagnostic.Warning(DiagnosticCodes.RazorUrlNotResolved, $"{from.Path} loads '{url}': {computed}, so no budget counts what it loads{(initial ? " and the initial load of this page is incomplete" : string.Empty)}. Write the path (~/js/app.js, or @Assets[\"js/app.js\"]), or name the files in a budget of their own.", from.FullPath));
            }

            return false;
        }

        var why = UrlResolver.HasFingerprintPlaceholder(url)
            ? "which holds ASP.NET Core's #[.{fingerprint}] placeholder: publish and the build's served copy of the page fill it in (OverrideHtmlAssetPlaceholders), and left in, a browser asks for the wrong file; check the published or served page instead"
            : WhyMissing(path, walk.SiteRoot);
        if (initial)
        {
            walk.Gaps.Add(new PageGap(from.Path, url, why));
        }

        if (_reported.Add($"{from.Path}|{url}"))
        {
            Diagnostics.Add(Diagnostic.Warning(DiagnosticCodes.MissingPageFile, $"{from.Path} loads '{url}', {why}, so no budget counts it{(initial ? " and the initial load of the pages that load it is incomplete" : string.Empty)}.", from.FullPath));
        }

        return false;
    }

    private string WhyMissing(string path, string siteRoot)
    {
        if (scan.UnreadableAt(path) is { } unreadable)
        {
            return $"which is in {unreadable.Describe()}, which could not be read";
        }

        // The file may be elsewhere in the output folder, where a different site root would find it.
        var urlPath = siteRoot.Length > 0 && path.StartsWith(siteRoot + "/", StringComparison.Ordinal) ? path[(siteRoot.Length + 1)..] : path;
        var elsewhere = _byName.Value[urlPath[(urlPath.LastIndexOf('/') + 1)..]]
            .FirstOrDefault(p => p != path && (p == urlPath || p.EndsWith("/" + urlPath, StringComparison.Ordinal)));
        return elsewhere is null
            ? IsMadeByTheBuild(urlPath)
                ? "which is not in the output folder: ASP.NET Core's build makes it (the scoped-CSS bundle, a Razor class library's or the framework's file) and serves it from elsewhere. Build the project: the CLI then finds its static web assets manifest in bin/ (or name it with --static-web-assets), or check the publish folder's wwwroot"
                : "which is not in the output folder"
            : $"which the server does not send from {(siteRoot.Length == 0 ? "the output folder" : $"the site root '{siteRoot}/'")} (the output folder has '{elsewhere}': is \"siteRoot\" right?)";
    }

    private static bool IsMadeByTheBuild(string urlPath) =>
        urlPath.EndsWith(".styles.css", StringComparison.Ordinal) || urlPath.StartsWith("_content/", StringComparison.Ordinal) || urlPath.StartsWith("_framework/", StringComparison.Ordinal);

    /// <summary>An HTML document as read, once per document.</summary>
    private DocumentFacts? Document(Asset document)
    {
        if (!_documents.TryGetValue(document.Path, out var html))
        {
            html = Read(document, FactKinds.Document, r => r.Document, PageFacts.Document);
            _documents[document.Path] = html;
        }

        return html;
    }

    /// <summary>The imports of a module chunk or the @imports of a stylesheet, read once per file.</summary>
    private FileReferences ReferencesOf(string path)
    {
        if (_references.TryGetValue(path, out var cached))
        {
            return cached;
        }

        var asset = byPath[path];
        FileReferences references;
        if (FileName(path) == BlazorBoot.ConfigFileName)
        {
            // .NET 8 and 9's boot configuration: what the runtime downloads, as an inline one lists it in .NET 10.
            references = Read(asset, FactKinds.Script, r => r.Script, PageFacts.Script) is { } config
                ? new FileReferences(config.Boot.Select(b => ("./" + b.Name, b.Lazy, true)).ToList(), null)
                : new FileReferences([], _unreadable.GetValueOrDefault(path, "it could not be read"));
        }
        else if (asset.Type == AssetType.Script)
        {
            references = Read(asset, FactKinds.Script, r => r.Script, PageFacts.Script) is { } script
                ? ScriptReferences(asset, script)
                : new FileReferences([], _unreadable.GetValueOrDefault(path, "it could not be read"));
        }
        else if (asset.Type == AssetType.Stylesheet)
        {
            references = Read(asset, FactKinds.Stylesheet, r => r.Stylesheet, PageFacts.Stylesheet) is { } stylesheet
                ? new FileReferences(stylesheet.Imports.Select(i => (i, false, false)).ToList(), null) { Urls = stylesheet.Urls }
                : new FileReferences([], _unreadable.GetValueOrDefault(path, "it could not be read"));
        }
        else
        {
            references = new FileReferences([], null);
        }

        _references[path] = references;
        return references;
    }

    private FileReferences ScriptReferences(Asset asset, ScriptFacts script)
    {
        if (script.Problem is { } problem)
        {
            Diagnostics.Add(Diagnostic.Warning(DiagnosticCodes.ChunkNotParsed, $"The imports of this chunk could not be followed: {problem}. The initial load of the pages that load it is incomplete.", asset.FullPath));
        }

        var references = script.Imports.Select(r => (r.Specifier, r.Dynamic, false))
            .Concat(script.Preloads.Select(d => ("/" + d, true, false)))
            .Concat(script.Boot.Select(b => ("./" + b.Name, b.Lazy, true)))
            .Concat(LoaderReferences(asset, script))
            .ToList();
        return new FileReferences(references, script.Problem is null ? null : $"its imports could not be followed ({script.Problem})");
    }

    /// <summary>
    /// What .NET 8 and 9's WebAssembly loaders fetch by URLs they build: blazor.webassembly.js imports the runtime's
    /// dotnet.js beside it, which fetches blazor.boot.json beside it (.NET 10 maps the first with the page's import map
    /// and inlines the second).
    /// </summary>
    private IEnumerable<(string Url, bool Dynamic, bool Boot)> LoaderReferences(Asset script, ScriptFacts facts)
    {
        var folder = script.Path[..(script.Path.LastIndexOf('/') + 1)];
        var name = FileName(script.Path);
        if (BlazorLoaderName().IsMatch(name) && byPath.ContainsKey(folder + "dotnet.js"))
        {
            yield return ("./dotnet.js", false, true);
        }
        else if (name == "dotnet.js" && facts.Boot.Count == 0 && byPath.ContainsKey(folder + BlazorBoot.ConfigFileName))
        {
            yield return ("./" + BlazorBoot.ConfigFileName, false, true);
        }
    }

    private static string FileName(string path) => path[(path.LastIndexOf('/') + 1)..];

    [System.Text.RegularExpressions.GeneratedRegex(@"^blazor\.webassembly(\.[a-z0-9]{10})?\.js$", System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex BlazorLoaderName();

    /// <summary>
    /// The facts of a file, or null (with a warning) when it cannot be read or is larger than BundleBudget parses. A file
    /// that reports no length (empty, or a FIFO or device behind a link) is never opened: it could block or never end.
    /// </summary>
    private T? Read<T>(Asset asset, FactKinds kind, Func<ContentRecord, T?> pick, Func<string, T> ofText)
        where T : class, ITextFacts
    {
        if (asset.Length == 0)
        {
            return ofText(string.Empty);
        }

        var facts = content.Facts(asset, kind) is { } record ? pick(record) : null;
        var problem = facts is null ? content.FailureOf(asset) ?? "it could not be read" : facts.Unread ? facts.Problem : null;
        if (problem is null)
        {
            return facts;
        }

        _unreadable[asset.Path] = problem;
        Diagnostics.Add(facts is { TooLarge: true }
            ? Diagnostic.Warning(DiagnosticCodes.FileTooLargeToParse, $"{asset.Path} is not read for what it loads: {problem}. Its size is measured; the initial load of the pages that load it is incomplete.", asset.FullPath)
            : Diagnostic.Warning(DiagnosticCodes.UnreadableAsset, $"Cannot read this file to follow what it loads: {problem}. The initial load of the pages that load it is incomplete.", asset.FullPath));
        return null;
    }

    /// <summary>What one file references, and why they may be incomplete.</summary>
    /// <param name="References">Each URL, whether it is loaded later (lazy), and whether a .NET boot configuration lists it.</param>
    private sealed record FileReferences(IReadOnlyList<(string Url, bool Dynamic, bool Boot)> References, string? Problem)
    {
        /// <summary>A stylesheet's url()s.</summary>
        public IReadOnlyList<string> Urls { get; init; } = [];
    }

    /// <summary>The state of the walk over one page.</summary>
    private sealed class PageWalk(Asset page, string siteRoot)
    {
        public Asset Page { get; } = page;

        public string SiteRoot { get; } = siteRoot;

        public List<PageFile> Initial { get; } = [];

        public HashSet<string> Seen { get; } = new(StringComparer.Ordinal);

        public List<PageFile> LazyRoots { get; } = [];

        public SortedSet<string> External { get; } = new(StringComparer.Ordinal);

        /// <summary>External URLs the first load names, and those only lazy loads name (a URL in both is a first-load request).</summary>
        public HashSet<string> FirstExternal { get; } = new(StringComparer.Ordinal);

        public HashSet<string> LazyCandidates { get; } = new(StringComparer.Ordinal);

        /// <summary>The base URL of each file a module specifier was resolved from (with no &lt;base href&gt;).</summary>
        public Dictionary<string, Uri> BaseUrls { get; } = new(StringComparer.Ordinal);

        public List<PageGap> Gaps { get; } = [];

        /// <summary>The import map that applies to each document and module: a module's is that of the document that loaded it.</summary>
        public Dictionary<string, ImportMap> MapOf { get; } = new(StringComparer.Ordinal);

        public string? BaseHref { get; set; }
    }
}
