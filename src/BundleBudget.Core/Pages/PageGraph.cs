using System.Text;
using BundleBudget.Core.Assets;
using BundleBudget.Core.Budgets;
using BundleBudget.Core.Diagnostics;
using BundleBudget.Core.Imports;

namespace BundleBudget.Core.Pages;

/// <summary>The entry pages of an output folder and what each loads first and later.</summary>
public sealed record PageGraph(IReadOnlyList<EntryPage> Pages, IReadOnlyList<Diagnostic> Diagnostics)
{
    public static PageGraph None { get; } = new([], []);

    /// <summary>The &lt;style&gt; elements of the documents read, for their @font-face rules.</summary>
    internal IReadOnlyList<InlineStyle> InlineStyles { get; init; } = [];

    /// <summary>
    /// The pages, partials and components a server renders inside its layouts, each followed as a page: what they load
    /// is loaded on some page (for <see cref="LoadedFiles"/>), not at the start of every one.
    /// </summary>
    public IReadOnlyList<EntryPage> Views { get; init; } = [];

    /// <summary>Entry pages budget.json names that are not in the output folder, with why.</summary>
    public IReadOnlyList<Unfound> MissingEntries { get; init; } = [];

    public EntryPage? Find(string path) => Pages.FirstOrDefault(p => string.Equals(p.Path, path.Replace('\\', '/').TrimStart('/'), StringComparison.Ordinal));

    /// <summary>Builds the graph of every HTML file of a plain output folder, served as it is.</summary>
    public static PageGraph Build(string outputFolder, IReadOnlyList<Asset> assets, IReadOnlyList<string>? entries) =>
        Build(outputFolder, new OutputScan(assets, [], new Dictionary<string, string>(), []), SiteLayout.Whole, entries?.Select(e => new EntrySpec(e)).ToList(), Content.OutputContent.Uncached());

    /// <summary>
    /// Builds the graph: for each entry page (those named, else every HTML file served), the files its HTML asks for,
    /// the static imports of those module chunks and the @imports of those stylesheets, transitively; what a dynamic
    /// import() reaches and the page does not already load is lazy. A page names each file once, however often it is
    /// written. What the page loads first and cannot be measured is one of its gaps. A page whose analysis fails is
    /// BB9999 and a gap of its own; the other pages are still built.
    /// </summary>
    /// <param name="serverLayouts">Server-rendered layouts (<see cref="ServerLayouts"/>): entry pages from the project, not from the output.</param>
    /// <param name="serverViews">The pages and components rendered inside the layouts (<see cref="ServerLayouts.Views"/>).</param>
    internal static PageGraph Build(string outputFolder, OutputScan scan, SiteLayout layout, IReadOnlyList<EntrySpec>? entries, Content.OutputContent content, IReadOnlyList<Asset>? serverLayouts = null, IReadOnlyList<Asset>? serverViews = null)
    {
        var byPath = scan.Assets.ToDictionary(a => a.Path, StringComparer.Ordinal);
        foreach (var serverLayout in (serverLayouts ?? []).Concat(serverViews ?? []))
        {
            byPath.TryAdd(serverLayout.Path, serverLayout);
        }

        var builder = new PageBuilder(scan, byPath, layout, content);
        var diagnostics = new List<Diagnostic>();
        var missing = new List<Unfound>();
        var pagePaths = entries?.Select(e => e.Path).ToList()
            ?? scan.Assets.Where(a => a.Type == AssetType.Document && layout.IsServed(a.Path)).Select(a => a.Path)
                .Concat((serverLayouts ?? []).Select(l => l.Path)).ToList();
        var pages = new List<EntryPage>();
        foreach (var pagePath in pagePaths.Distinct(StringComparer.Ordinal))
        {
            var normalized = pagePath.Replace('\\', '/').TrimStart('/');
            if (!byPath.TryGetValue(normalized, out var page))
            {
                var unreadable = scan.UnreadableAt(normalized);
                var why = RazorMarkup.IsRazor(normalized) ? "is not in the project folder beside budget.json"
                    : unreadable is null ? "is not in the output folder" : $"is in {unreadable.Describe()}, which could not be read";
                missing.Add(new Unfound(normalized, why));
                diagnostics.Add(Diagnostic.Warning(DiagnosticCodes.MissingPageFile, $"Entry page '{pagePath}' {why} ({outputFolder}): the initial budgets of this page are incomplete.", Path.Combine(outputFolder, normalized)));
                continue;
            }

            try
            {
                pages.Add(builder.BuildPage(page));
            }
            catch (Exception e)
            {
                diagnostics.Add(Diagnostic.Error(DiagnosticCodes.InternalError, $"BundleBudget failed unexpectedly following what {page.Path} loads; please report this. The other pages are complete. {e.GetType().Name}: {e.Message}", page.FullPath));
                pages.Add(new EntryPage(page.Path, [new PageFile(page.Path, LoadReason.Document, page.Path)], [], [])
                {
                    SiteRoot = layout.RootOf(page.Path),
                    Gaps = [new PageGap(page.Path, page.Path, $"what it loads could not be followed ({e.GetType().Name})")],
                });
            }
        }

        var views = new List<EntryPage>();
        foreach (var view in serverViews ?? [])
        {
            try
            {
                views.Add(builder.BuildPage(view));
            }
            catch (Exception e)
            {
                diagnostics.Add(Diagnostic.Error(DiagnosticCodes.InternalError, $"BundleBudget failed unexpectedly following what {view.Path} loads; please report this. The other pages are complete. {e.GetType().Name}: {e.Message}", view.FullPath));
                views.Add(new EntryPage(view.Path, [], [], []) { ServerRendered = true, Gaps = [new PageGap(view.Path, view.Path, $"what it loads could not be followed ({e.GetType().Name})")] });
            }
        }

        diagnostics.AddRange(builder.Diagnostics);
        return new PageGraph(pages, diagnostics) { MissingEntries = missing, InlineStyles = builder.InlineStyles, Views = views };
    }
}

/// <summary>The @font-face rules of a &lt;style&gt; element and the document (page or frame) that holds it.</summary>
internal sealed record InlineStyle(string Document, IReadOnlyList<Fonts.CssFontFaceRule> FontFaces);

/// <summary>A path that was looked for and not found, with why.</summary>
public sealed record Unfound(string Path, string Reason);
