using System.Text;
using System.Text.RegularExpressions;
using AngleSharp.Css.Dom;
using AngleSharp.Css.Parser;
using BundleBudget.Core.Assets;
using BundleBudget.Core.Diagnostics;
using BundleBudget.Core.Imports;

namespace BundleBudget.Core.Pages;

/// <summary>The entry pages of an output folder and what each loads first and later.</summary>
public sealed partial record PageGraph(IReadOnlyList<EntryPage> Pages, IReadOnlyList<Diagnostic> Diagnostics)
{
    public static PageGraph None { get; } = new([], []);

    public EntryPage? Find(string path) => Pages.FirstOrDefault(p => string.Equals(p.Path, path.Replace('\\', '/').TrimStart('/'), StringComparison.Ordinal));

    /// <summary>
    /// Builds the graph: for each entry page (those named, else every HTML file), the files its HTML asks for, the
    /// static imports of those module chunks and the @imports of those stylesheets, transitively; what a dynamic
    /// import() reaches and the page does not already load is lazy.
    /// </summary>
    public static PageGraph Build(string outputFolder, IReadOnlyList<Asset> assets, IReadOnlyList<string>? entries)
    {
        var files = assets.Select(a => a.Path).ToHashSet(StringComparer.Ordinal);
        var byPath = assets.ToDictionary(a => a.Path, StringComparer.Ordinal);
        var builder = new Builder(files, byPath);
        var diagnostics = new List<Diagnostic>();
        var pagePaths = entries ?? assets.Where(a => a.Type == AssetType.Document).Select(a => a.Path).ToList();
        var pages = new List<EntryPage>();
        foreach (var pagePath in pagePaths)
        {
            var normalized = pagePath.Replace('\\', '/').TrimStart('/');
            if (!byPath.TryGetValue(normalized, out var page))
            {
                diagnostics.Add(Diagnostic.Warning(DiagnosticCodes.MissingPageFile, $"Entry page '{pagePath}' is not in the output folder {outputFolder}.", Path.Combine(outputFolder, normalized)));
                continue;
            }

            pages.Add(builder.BuildPage(page));
        }

        diagnostics.AddRange(builder.Diagnostics);
        return new PageGraph(pages, diagnostics);
    }

    private sealed class Builder(IReadOnlySet<string> files, IReadOnlyDictionary<string, Asset> byPath)
    {
        private readonly UrlResolver _resolver = new(files);
        private readonly Dictionary<string, IReadOnlyList<(string Url, bool Dynamic)>> _references = new(StringComparer.Ordinal);
        private readonly HashSet<string> _reported = new(StringComparer.Ordinal);

        public List<Diagnostic> Diagnostics { get; } = [];

        public EntryPage BuildPage(Asset page)
        {
            var initial = new List<PageFile> { new(page.Path, LoadReason.Document, page.Path) };
            var seen = new HashSet<string>(StringComparer.Ordinal) { page.Path };
            var lazyRoots = new List<PageFile>();
            var external = new SortedSet<string>(StringComparer.Ordinal);
            var (baseHref, htmlReferences, inlineModules, importMap) = HtmlEntryReader.Read(ReadText(page));

            foreach (var reference in htmlReferences)
            {
                var (path, isExternal) = _resolver.Resolve(page.Path, reference.Url, baseHref);
                if (isExternal)
                {
                    external.Add(reference.Url);
                }
                else if (Exists(page, reference.Url, path!))
                {
                    var file = new PageFile(path!, reference.Reason, page.Path) { Loading = reference.Loading };
                    (reference.Lazy ? lazyRoots : initial).Add(file);
                    if (!reference.Lazy)
                    {
                        seen.Add(path!);
                    }
                }
            }

            foreach (var module in inlineModules)
            {
                foreach (var (url, dynamic) in ModuleReferences("inline.mjs", module))
                {
                    Follow(page, page.Path, url, dynamic, importMap, initial, lazyRoots, seen, external);
                }
            }

            // Breadth-first over what the initial files import; the list grows while it is walked.
            for (var i = 0; i < initial.Count; i++)
            {
                foreach (var (url, dynamic) in ReferencesOf(initial[i].Path))
                {
                    Follow(page, initial[i].Path, url, dynamic, importMap, initial, lazyRoots, seen, external);
                }
            }

            var lazy = new List<PageFile>();
            var lazySeen = new HashSet<string>(seen, StringComparer.Ordinal);
            var pending = new Queue<PageFile>(lazyRoots);
            while (pending.Count > 0)
            {
                var file = pending.Dequeue();
                if (!lazySeen.Add(file.Path))
                {
                    continue;
                }

                lazy.Add(file);
                foreach (var (url, dynamic) in ReferencesOf(file.Path))
                {
                    var (path, isExternal) = ResolveModule(page.Path, file.Path, url, importMap);
                    if (isExternal)
                    {
                        external.Add(url);
                    }
                    else if (Exists(byPath[file.Path], url, path!))
                    {
                        pending.Enqueue(new PageFile(path!, dynamic ? LoadReason.DynamicImport : ReasonFor(path!), file.Path));
                    }
                }
            }

            return new EntryPage(page.Path, initial, lazy, external.ToList());
        }

        /// <summary>
        /// A module specifier (a CSS @import is always relative to its stylesheet): a bare one ("app", "lit/decorators.js") through the page's import map (resolved against
        /// the page), else external; a relative or absolute one against the importing file.
        /// </summary>
        private (string? Path, bool External) ResolveModule(string pagePath, string from, string specifier, IReadOnlyDictionary<string, string> importMap)
        {
            var isBare = AssetClassifier.Classify(from) != AssetType.Stylesheet && !(specifier.StartsWith("./", StringComparison.Ordinal) || specifier.StartsWith("../", StringComparison.Ordinal) || specifier.StartsWith('/') || specifier.Contains(':', StringComparison.Ordinal));
            if (!isBare)
            {
                return _resolver.Resolve(from, specifier);
            }

            if (importMap.TryGetValue(specifier, out var mapped))
            {
                return _resolver.Resolve(pagePath, mapped);
            }

            var prefix = importMap.Keys.Where(k => k.EndsWith('/') && specifier.StartsWith(k, StringComparison.Ordinal)).MaxBy(k => k.Length);
            return prefix is null ? (null, true) : _resolver.Resolve(pagePath, importMap[prefix] + specifier[prefix.Length..]);
        }

        private void Follow(Asset page, string from, string url, bool dynamic, IReadOnlyDictionary<string, string> importMap, List<PageFile> initial, List<PageFile> lazyRoots, HashSet<string> seen, SortedSet<string> external)
        {
            var (path, isExternal) = ResolveModule(page.Path, from, url, importMap);
            if (isExternal)
            {
                external.Add(url);
                return;
            }

            if (!Exists(byPath.GetValueOrDefault(from) ?? page, url, path!))
            {
                return;
            }

            if (dynamic)
            {
                lazyRoots.Add(new PageFile(path!, LoadReason.DynamicImport, from));
            }
            else if (seen.Add(path!))
            {
                initial.Add(new PageFile(path!, ReasonFor(path!), from));
            }
        }

        private static LoadReason ReasonFor(string path) =>
            AssetClassifier.Classify(path) == AssetType.Stylesheet ? LoadReason.CssImport : LoadReason.StaticImport;

        private bool Exists(Asset from, string url, string path)
        {
            if (files.Contains(path))
            {
                return true;
            }

            if (_reported.Add($"{from.Path}|{url}"))
            {
                Diagnostics.Add(Diagnostic.Warning(DiagnosticCodes.MissingPageFile, $"{from.Path} loads '{url}', which is not in the output folder, so no budget counts it.", from.FullPath));
            }

            return false;
        }

        /// <summary>The imports of a module chunk or the @imports of a stylesheet, read once per file.</summary>
        private IReadOnlyList<(string Url, bool Dynamic)> ReferencesOf(string path)
        {
            if (_references.TryGetValue(path, out var cached))
            {
                return cached;
            }

            var asset = byPath[path];
            var text = asset.Type is AssetType.Script or AssetType.Stylesheet ? ReadText(asset) : string.Empty;
            IReadOnlyList<(string, bool)> references = asset.Type switch
            {
                AssetType.Script => [.. ModuleReferences(asset.FullPath, text), .. VitePreloadDependencies(text)],
                AssetType.Stylesheet => CssImports(text),
                _ => [],
            };
            _references[path] = references;
            return references;
        }

        private IReadOnlyList<(string, bool)> ModuleReferences(string file, string code)
        {
            var result = SourceModuleReader.Read(Path.ChangeExtension(file, ".mjs"), code);
            if (result.Problem is { } problem)
            {
                Diagnostics.Add(problem with { Code = DiagnosticCodes.ChunkNotParsed, File = file, Message = $"The imports of this chunk could not be followed: {problem.Message}" });
            }

            return result.References
                .Where(r => r.Form is not (ImportForm.Require or ImportForm.ImportType) && !r.TypeOnly)
                .Select(r => (r.Module, r.Form == ImportForm.DynamicImport))
                .ToList();
        }

        /// <summary>
        /// Vite loads a lazy chunk's CSS (and its other dependencies) with its preload helper when the dynamic import
        /// runs; it lists them, relative to the site root, in the chunk's <c>__vite__mapDeps</c> array.
        /// </summary>
        private static IEnumerable<(string, bool)> VitePreloadDependencies(string code)
        {
            if (!code.Contains("__vite__mapDeps", StringComparison.Ordinal) || ViteMapDeps().Match(code) is not { Success: true } list)
            {
                return [];
            }

            return QuotedString().Matches(list.Groups["list"].Value).Select(m => ("/" + m.Groups["value"].Value, true));
        }

        private static IReadOnlyList<(string, bool)> CssImports(string css) =>
            new CssParser().ParseStyleSheet(css).Rules.OfType<ICssImportRule>().Select(r => (r.Href, false)).ToList();

        private string ReadText(Asset asset)
        {
            try
            {
                return File.ReadAllText(asset.FullPath, Encoding.UTF8);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                Diagnostics.Add(Diagnostic.Warning(DiagnosticCodes.UnreadableAsset, $"Cannot read this file to follow what it loads: {e.Message}", asset.FullPath));
                return string.Empty;
            }
        }
    }

    [GeneratedRegex(@"__vite__mapDeps\s*=.{0,200}?\[(?<list>[^\]]*)\]", RegexOptions.Singleline | RegexOptions.CultureInvariant, 1000)]
    private static partial Regex ViteMapDeps();

    [GeneratedRegex(@"[""'`](?<value>[^""'`]+)[""'`]", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex QuotedString();
}
