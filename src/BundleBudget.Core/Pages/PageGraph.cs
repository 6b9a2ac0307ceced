using System.Text;
using System.Text.RegularExpressions;
using AngleSharp.Css.Dom;
using AngleSharp.Css.Parser;
using BundleBudget.Core.Assets;
using BundleBudget.Core.Budgets;
using BundleBudget.Core.Diagnostics;

namespace BundleBudget.Core.Pages;

/// <summary>The entry pages of an output folder and what each loads first and later.</summary>
public sealed partial record PageGraph(IReadOnlyList<EntryPage> Pages, IReadOnlyList<Diagnostic> Diagnostics)
{
    public static PageGraph None { get; } = new([], []);

    public EntryPage? Find(string path) => Pages.FirstOrDefault(p => string.Equals(p.Path, path.Replace('\\', '/').TrimStart('/'), StringComparison.Ordinal));

    /// <summary>Builds the graph of every HTML file of a plain output folder, served as it is.</summary>
    public static PageGraph Build(string outputFolder, IReadOnlyList<Asset> assets, IReadOnlyList<string>? entries) =>
        Build(outputFolder, new OutputScan(assets, [], new Dictionary<string, string>(), []), SiteLayout.Whole, entries?.Select(e => new EntrySpec(e)).ToList());

    /// <summary>
    /// Builds the graph: for each entry page (those named, else every HTML file served), the files its HTML asks for,
    /// the static imports of those module chunks and the @imports of those stylesheets, transitively; what a dynamic
    /// import() reaches and the page does not already load is lazy. A page names each file once, however often it is
    /// written. What the page loads first and cannot be measured is one of its gaps.
    /// </summary>
    public static PageGraph Build(string outputFolder, OutputScan scan, SiteLayout layout, IReadOnlyList<EntrySpec>? entries)
    {
        var byPath = scan.Assets.ToDictionary(a => a.Path, StringComparer.Ordinal);
        var builder = new Builder(scan, byPath, layout);
        var diagnostics = new List<Diagnostic>();
        var pagePaths = entries?.Select(e => e.Path).ToList()
            ?? scan.Assets.Where(a => a.Type == AssetType.Document && layout.IsServed(a.Path)).Select(a => a.Path).ToList();
        var pages = new List<EntryPage>();
        foreach (var pagePath in pagePaths.Distinct(StringComparer.Ordinal))
        {
            var normalized = pagePath.Replace('\\', '/').TrimStart('/');
            if (!byPath.TryGetValue(normalized, out var page))
            {
                var unreadable = scan.UnreadableAt(normalized);
                var why = unreadable is null ? "is not in the output folder" : $"is in {Describe(unreadable)}, which could not be read";
                diagnostics.Add(Diagnostic.Warning(DiagnosticCodes.MissingPageFile, $"Entry page '{pagePath}' {why} ({outputFolder}).", Path.Combine(outputFolder, normalized)));
                continue;
            }

            pages.Add(builder.BuildPage(page));
        }

        diagnostics.AddRange(builder.Diagnostics);
        return new PageGraph(pages, diagnostics);
    }

    private static string Describe(UnreadablePath unreadable) => unreadable.IsFolder ? $"the folder {unreadable.Path}/" : unreadable.Path;

    private sealed class Builder(OutputScan scan, IReadOnlyDictionary<string, Asset> byPath, SiteLayout layout)
    {
        private readonly UrlResolver _resolver = new(byPath.Keys.ToHashSet(StringComparer.Ordinal), scan.Aliases);
        private readonly Dictionary<string, FileReferences> _references = new(StringComparer.Ordinal);
        private readonly HashSet<string> _reported = new(StringComparer.Ordinal);

        /// <summary>Why a file could not be read for its references, by path.</summary>
        private readonly Dictionary<string, string> _unreadable = new(StringComparer.Ordinal);

        public List<Diagnostic> Diagnostics { get; } = [];

        public EntryPage BuildPage(Asset page)
        {
            var walk = new PageWalk(page, layout.RootOf(page.Path));
            walk.Initial.Add(new PageFile(page.Path, LoadReason.Document, page.Path));
            walk.Seen.Add(page.Path);
            var html = ReadText(page, ParseLimits.Page);
            if (html is null)
            {
                walk.Gaps.Add(new PageGap(page.Path, page.Path, $"the page itself could not be read ({_unreadable.GetValueOrDefault(page.Path, "unreadable")}), so what it loads is unknown"));
            }

            var (baseHref, htmlReferences, inlineModules, importMap) = HtmlEntryReader.Read(html ?? string.Empty);
            walk.ImportMap = importMap;
            foreach (var reference in htmlReferences)
            {
                var (path, isExternal) = _resolver.Resolve(page.Path, reference.Url, baseHref, walk.SiteRoot);
                if (isExternal)
                {
                    walk.External.Add(reference.Url);
                }
                else if (Exists(page, reference.Url, path!, walk, initial: !reference.Lazy))
                {
                    var file = new PageFile(path!, reference.Reason, page.Path) { Loading = reference.Loading };
                    if (reference.Lazy)
                    {
                        walk.LazyRoots.Add(file);
                    }
                    else if (walk.Seen.Add(path!))
                    {
                        walk.Initial.Add(file);
                    }
                }
            }

            foreach (var module in inlineModules)
            {
                var (references, problem) = ChunkImportScanner.Scan(module);
                if (problem is not null)
                {
                    walk.Gaps.Add(new PageGap(page.Path, "an inline module script", problem));
                }

                foreach (var reference in references)
                {
                    Follow(walk, page.Path, reference.Specifier, reference.Dynamic);
                }
            }

            // Breadth-first over what the initial files import; the list grows while it is walked.
            for (var i = 0; i < walk.Initial.Count; i++)
            {
                var references = ReferencesOf(walk.Initial[i].Path);
                if (references.Problem is { } problem && i > 0)
                {
                    walk.Gaps.Add(new PageGap(walk.Initial[i].From, walk.Initial[i].Path, problem));
                }

                foreach (var (url, dynamic) in references.References)
                {
                    Follow(walk, walk.Initial[i].Path, url, dynamic);
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
                foreach (var (url, dynamic) in ReferencesOf(file.Path).References)
                {
                    var (path, isExternal) = ResolveModule(walk, file.Path, url);
                    if (isExternal)
                    {
                        walk.External.Add(url);
                    }
                    else if (Exists(byPath[file.Path], url, path!, walk, initial: false))
                    {
                        pending.Enqueue(new PageFile(path!, dynamic ? LoadReason.DynamicImport : ReasonFor(path!), file.Path));
                    }
                }
            }

            return new EntryPage(page.Path, walk.Initial, lazy, walk.External.ToList())
            {
                SiteRoot = walk.SiteRoot,
                Gaps = walk.Gaps,
            };
        }

        /// <summary>
        /// A module specifier (a CSS @import is always relative to its stylesheet): a bare one ("app", "lit/decorators.js")
        /// through the page's import map (resolved against the page), else external; a relative or absolute one against
        /// the importing file.
        /// </summary>
        private (string? Path, bool External) ResolveModule(PageWalk walk, string from, string specifier)
        {
            var isBare = AssetClassifier.Classify(from) != AssetType.Stylesheet && !(specifier.StartsWith("./", StringComparison.Ordinal) || specifier.StartsWith("../", StringComparison.Ordinal) || specifier.StartsWith('/') || specifier.Contains(':', StringComparison.Ordinal));
            if (!isBare)
            {
                return _resolver.Resolve(from, specifier, siteRoot: walk.SiteRoot);
            }

            if (walk.ImportMap.TryGetValue(specifier, out var mapped))
            {
                return _resolver.Resolve(walk.Page.Path, mapped, siteRoot: walk.SiteRoot);
            }

            var prefix = walk.ImportMap.Keys.Where(k => k.EndsWith('/') && specifier.StartsWith(k, StringComparison.Ordinal)).MaxBy(k => k.Length);
            return prefix is null ? (null, true) : _resolver.Resolve(walk.Page.Path, walk.ImportMap[prefix] + specifier[prefix.Length..], siteRoot: walk.SiteRoot);
        }

        private void Follow(PageWalk walk, string from, string url, bool dynamic)
        {
            var (path, isExternal) = ResolveModule(walk, from, url);
            if (isExternal)
            {
                walk.External.Add(url);
                return;
            }

            if (!Exists(byPath.GetValueOrDefault(from) ?? walk.Page, url, path!, walk, initial: !dynamic))
            {
                return;
            }

            if (dynamic)
            {
                walk.LazyRoots.Add(new PageFile(path!, LoadReason.DynamicImport, from));
            }
            else if (walk.Seen.Add(path!))
            {
                walk.Initial.Add(new PageFile(path!, ReasonFor(path!), from));
            }
        }

        private static LoadReason ReasonFor(string path) =>
            AssetClassifier.Classify(path) == AssetType.Stylesheet ? LoadReason.CssImport : LoadReason.StaticImport;

        /// <summary>Whether the file is in the output; if not, says so once per referencing file and URL, and, for the initial load, records the gap.</summary>
        private bool Exists(Asset from, string url, string path, PageWalk walk, bool initial)
        {
            if (byPath.ContainsKey(path))
            {
                return true;
            }

            var unreadable = scan.UnreadableAt(path);
            var why = unreadable is null ? "which is not in the output folder" : $"which is in {Describe(unreadable)}, which could not be read";
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

        /// <summary>The imports of a module chunk or the @imports of a stylesheet, read once per file.</summary>
        private FileReferences ReferencesOf(string path)
        {
            if (_references.TryGetValue(path, out var cached))
            {
                return cached;
            }

            var asset = byPath[path];
            FileReferences references;
            if (asset.Type is AssetType.Script or AssetType.Stylesheet)
            {
                var text = ReadText(asset, asset.Type == AssetType.Script ? ParseLimits.Script : ParseLimits.Stylesheet);
                references = text is null
                    ? new FileReferences([], _unreadable.GetValueOrDefault(path, "it could not be read"))
                    : asset.Type == AssetType.Script ? ScriptReferences(asset, text) : new FileReferences(CssImports(text), null);
            }
            else
            {
                references = new FileReferences([], null);
            }

            _references[path] = references;
            return references;
        }

        private FileReferences ScriptReferences(Asset asset, string code)
        {
            var (found, problem) = ChunkImportScanner.Scan(code);
            if (problem is not null)
            {
                Diagnostics.Add(Diagnostic.Warning(DiagnosticCodes.ChunkNotParsed, $"The imports of this chunk could not be followed: {problem}. The initial load of the pages that load it is incomplete.", asset.FullPath));
            }

            var references = found.Select(r => (r.Specifier, r.Dynamic)).Concat(VitePreloadDependencies(code)).ToList();
            return new FileReferences(references, problem is null ? null : $"its imports could not be followed ({problem})");
        }

        /// <summary>
        /// Vite loads a lazy chunk's CSS (and its other dependencies) with its preload helper when the dynamic import
        /// runs; it lists them, relative to the site root, in the chunk's <c>__vite__mapDeps</c> array.
        /// </summary>
        private static IEnumerable<(string, bool)> VitePreloadDependencies(string code)
        {
            var at = code.IndexOf("__vite__mapDeps", StringComparison.Ordinal);
            if (at < 0 || ViteMapDeps().Match(code.Substring(at, Math.Min(code.Length - at, 1 << 20))) is not { Success: true } list)
            {
                return [];
            }

            return QuotedString().Matches(list.Groups["list"].Value).Select(m => ("/" + m.Groups["value"].Value, true));
        }

        private static IReadOnlyList<(string, bool)> CssImports(string css) =>
            new CssParser().ParseStyleSheet(css).Rules.OfType<ICssImportRule>().Select(r => (r.Href, false)).ToList();

        /// <summary>The text of a file, or null (with a warning) when it cannot be read or is larger than BundleBudget parses.</summary>
        private string? ReadText(Asset asset, long limit)
        {
            if (asset.Length > limit)
            {
                var reason = ParseLimits.Over(asset.Length, limit);
                _unreadable[asset.Path] = reason;
                Diagnostics.Add(Diagnostic.Warning(DiagnosticCodes.FileTooLargeToParse, $"{asset.Path} is not read for what it loads: {reason}. Its size is measured; the initial load of the pages that load it is incomplete.", asset.FullPath));
                return null;
            }

            try
            {
                return File.ReadAllText(asset.FullPath, Encoding.UTF8);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                _unreadable[asset.Path] = $"it could not be read ({e.Message})";
                Diagnostics.Add(Diagnostic.Warning(DiagnosticCodes.UnreadableAsset, $"Cannot read this file to follow what it loads: {e.Message}", asset.FullPath));
                return null;
            }
        }
    }

    /// <summary>What one file references, and why they may be incomplete.</summary>
    private sealed record FileReferences(IReadOnlyList<(string Url, bool Dynamic)> References, string? Problem);

    /// <summary>The state of the walk over one page.</summary>
    private sealed class PageWalk(Asset page, string siteRoot)
    {
        public Asset Page { get; } = page;

        public string SiteRoot { get; } = siteRoot;

        public List<PageFile> Initial { get; } = [];

        public HashSet<string> Seen { get; } = new(StringComparer.Ordinal);

        public List<PageFile> LazyRoots { get; } = [];

        public SortedSet<string> External { get; } = new(StringComparer.Ordinal);

        public List<PageGap> Gaps { get; } = [];

        public IReadOnlyDictionary<string, string> ImportMap { get; set; } = new Dictionary<string, string>();
    }

    [GeneratedRegex(@"__vite__mapDeps\s*=.{0,200}?\[(?<list>[^\]]*)\]", RegexOptions.Singleline | RegexOptions.CultureInvariant, 1000)]
    private static partial Regex ViteMapDeps();

    [GeneratedRegex(@"[""'`](?<value>[^""'`]+)[""'`]", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex QuotedString();
}
