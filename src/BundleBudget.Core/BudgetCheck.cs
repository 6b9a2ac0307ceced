using BundleBudget.Core.Assets;
using BundleBudget.Core.Budgets;
using BundleBudget.Core.BundleContents;
using BundleBudget.Core.Content;
using BundleBudget.Core.Diagnostics;
using BundleBudget.Core.Evaluation;
using BundleBudget.Core.Fonts;
using BundleBudget.Core.Images;
using BundleBudget.Core.Imports;
using BundleBudget.Core.Measurement;
using BundleBudget.Core.Pages;

namespace BundleBudget.Core;

/// <summary>
/// The whole check, in the order a reader follows it: read budget.json, analyse the sources' imports, find the
/// output folder, scan it, find where its pages are served from, read every file once for what is planned for it
/// (<see cref="Demand"/>), follow what each entry page loads, read which fonts a browser downloads, measure what the
/// budgets compare, read the bundles' source maps, inspect images and fonts, evaluate. Every fact comes from the
/// content store: a file unchanged since the last run is not read at all. Never throws for bad input: every problem is a diagnostic, and an analysis that fails
/// unexpectedly is BB9999 without hiding the others.
/// </summary>
public static class BudgetCheck
{
    public static CheckResult Run(CheckOptions options)
    {
        var timer = new PhaseTimer();
        var read = BudgetFileReader.Read(options.BudgetFile);
        timer.Lap("budget.json");
        var diagnostics = new List<Diagnostic>(read.Diagnostics);
        var budgetPath = Path.GetFullPath(options.BudgetFile);
        var outputFolder = ResolveOutputFolder(options, read.File);
        var empty = new Dictionary<string, AssetSizes>();
        if (read.File is null)
        {
            return new CheckResult(budgetPath, outputFolder, null, [], empty, [], diagnostics, null);
        }

        var budget = read.File;
        var strict = options.Strict || budget.Strict;
        var budgetFolder = Path.GetDirectoryName(budgetPath)!;
        var store = options.CachePath is null ? ContentStore.InMemory() : ContentStore.Load(options.CachePath);
        timer.Lap("cache load");
        var imports = Guarded("the import analysis", () => ImportAnalyzer.Analyze(budgetFolder, budget.Imports, budgetPath, store), ImportAnalysis.None, diagnostics);
        diagnostics.AddRange(imports.Diagnostics);
        timer.Lap("source imports");
        if (outputFolder is null || !Directory.Exists(outputFolder))
        {
            var named = outputFolder ?? "(none)";
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.OutputFolderNotFound, $"Output folder not found: {named}. Run the front-end build first, or set \"outputPath\" in budget.json (or BundleBudgetOutputPath / --dir) to the folder it writes.", budgetPath));
            SaveCache(store, diagnostics);
            return new CheckResult(budgetPath, outputFolder, budget, [], empty, [], diagnostics, null) { Imports = imports, Strict = strict };
        }

        var scan = AssetScanner.Scan(outputFolder);
        diagnostics.AddRange(scan.Diagnostics);
        timer.Lap("scan");
        var demand = new Demand(budget.Budgets, options.BrotliForAll);
        var content = new OutputContent(store, demand.Plan)
        {
            Maps = new SourceMapLocator(outputFolder, scan.Assets.GroupBy(a => a.Path, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal)),
        };
        content.UseSiblings(scan.Assets);
        var (layout, layoutDiagnostics) = Guarded("finding the served root", () => SiteLayout.Resolve(outputFolder, scan, budget, content), (SiteLayout.Whole, (IReadOnlyList<Diagnostic>)[]), diagnostics);
        diagnostics.AddRange(layoutDiagnostics);
        timer.Lap("served root");
        var served = scan.Assets.Select(a => layout.IsServed(a.Path) ? a : a with { Exclusion = AssetExclusion.NotServed }).ToList();
        scan = scan with { Assets = served };
        Guarded("reading the output", () => { content.Prefetch(served); return true; }, false, diagnostics);
        timer.Lap("content pass");

        // The source-map analysis reads only the scripts' facts, which nothing below changes: it runs beside the page graph.
        var bundleProblems = new List<Diagnostic>();
        var bundlesRun = Task.Run(() => Guarded("the source map analysis", () => BundleAnalyzer.Analyze(served, budget.Imports, imports, content), BundleAnalysis.None, bundleProblems));

        var pages = Guarded("following the entry pages", () => PageGraph.Build(outputFolder, scan, layout, budget.Entries, content), PageGraph.None, diagnostics);
        diagnostics.AddRange(pages.Diagnostics);
        timer.Lap("page graph");
        var faces = Guarded("reading @font-face rules", () => FontFaceReader.Read(served, layout, scan.Aliases, pages.InlineStyles, content), new FontFaces([], []) { Complete = false }, diagnostics);
        diagnostics.AddRange(faces.Diagnostics);
        var assets = FontDownloads.Apply(served, faces, FontDownloads.Preloaded(pages), content);
        timer.Lap("font faces");
        if (!assets.Any(a => a.IsCounted) && scan.Unreadable.Count == 0)
        {
            diagnostics.Add(Diagnostic.Warning(DiagnosticCodes.EmptyOutputFolder, $"The output folder {outputFolder} holds no file that a budget counts: did the front-end build write its output somewhere else, or fail?", budgetPath));
        }

        var measured = AssetMeasurer.Measure(assets, demand.Compressions(assets, pages), content);
        diagnostics.AddRange(measured.Diagnostics);
        timer.Lap("sizes");

        var bundles = bundlesRun.GetAwaiter().GetResult();
        diagnostics.AddRange(bundleProblems);
        diagnostics.AddRange(bundles.Diagnostics);
        timer.Lap("source maps");

        var (images, imageDiagnostics) = Guarded("the image checks", () => ImageAnalyzer.Analyze(assets, budget.Images, content), ([], []), diagnostics);
        diagnostics.AddRange(imageDiagnostics);
        timer.Lap("images");
        var (fonts, overallFontFindings) = Guarded("the font checks", () => FontChecker.Check(assets, pages, faces, budget.Fonts, content), ([], []), diagnostics);
        diagnostics.AddRange(FontDiagnostics(fonts, overallFontFindings, budget.Fonts, budgetPath));
        timer.Lap("fonts");
        SaveCache(store, diagnostics);
        timer.Lap("cache save");

        var gaps = new MeasurementGaps(measured.Failures, scan.Unreadable.Where(u => u.IsFolder && IsServedFolder(layout, u.Path)).ToList());
        var (results, evaluation) = BudgetEvaluator.Evaluate(budget, assets, measured.SizesByPath, pages, gaps, strict);
        diagnostics.AddRange(evaluation);
        timer.Lap("evaluation");
        return new CheckResult(budgetPath, outputFolder, budget, assets, measured.SizesByPath, results, diagnostics, measured.Statistics)
        {
            Imports = imports,
            Bundles = bundles,
            Pages = pages,
            Images = images,
            Fonts = fonts,
            SiteRoot = layout.DefaultRoot,
            Strict = strict,
            Phases = timer.Phases,
        };
    }

    /// <summary>The folder to check: the explicit override, else the budget's outputPath, else the default.</summary>
    public static string? ResolveOutputFolder(CheckOptions options, BudgetFile? budgetFile)
    {
        var chosen = !string.IsNullOrWhiteSpace(options.OutputPath) ? options.OutputPath
            : budgetFile?.OutputPath ?? options.DefaultOutputPath;
        return string.IsNullOrWhiteSpace(chosen) ? null : Path.TrimEndingDirectorySeparator(Path.GetFullPath(chosen));
    }

    /// <summary>Whether a folder that could not be listed may hold served files: it is inside a served root, or holds one.</summary>
    private static bool IsServedFolder(SiteLayout layout, string folder) =>
        layout.ServesEverything || layout.ServedRoots.Any(root => SiteLayout.IsInside(folder + "/", root) || SiteLayout.IsInside(root + "/", folder));

    /// <summary>
    /// Runs one analysis; an unexpected exception (a bug, or an input nobody foresaw) becomes BB9999 for that analysis
    /// alone, and the check goes on with the rest.
    /// </summary>
    private static T Guarded<T>(string what, Func<T> analysis, T fallback, List<Diagnostic> diagnostics)
    {
        try
        {
            return analysis();
        }
        catch (Exception e)
        {
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.InternalError, $"BundleBudget failed unexpectedly in {what}; please report this. The other results are complete. {e.GetType().Name}: {e.Message}"));
            return fallback;
        }
    }

    private static IEnumerable<Diagnostic> FontDiagnostics(IReadOnlyList<FontReport> fonts, IReadOnlyList<AssetFinding> overall, FontSettings settings, string budgetPath)
    {
        return fonts
            .SelectMany(f => f.Findings.Select(finding => finding.ToDiagnostic(f.Asset.FullPath, settings.Severity)))
            .Concat(overall.Select(finding => finding.ToDiagnostic(budgetPath, settings.Severity)));
    }

    private static void SaveCache(ContentStore cache, List<Diagnostic> diagnostics)
    {
        try
        {
            cache.Save();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            diagnostics.Add(Diagnostic.Warning(DiagnosticCodes.ReportNotWritten, $"The size cache could not be written ({e.Message}); the next run will read every file again.", cache.Path));
        }
    }
}
