using BundleBudget.Core.Analyses;
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
/// The whole check, in the order a reader follows it: read budget.json, run the analyses of the sources, find the
/// output folder, scan it, find where its pages are served from, read every file once for what is planned for it
/// (<see cref="Demand"/>), run the analyses of the scripts beside following what each entry page loads, read which
/// fonts a browser downloads, measure what the budgets compare, run the analyses of the output, evaluate. The
/// analyses are those of <see cref="AnalysisRegistry"/>, each at its <see cref="AnalysisStage"/>. Every fact comes from the
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
        var store = options.CachePath is null ? ContentStore.InMemory() : ContentStore.Load(options.CachePath);
        timer.Lap("cache load");
        var analyses = new AnalysisResults();
        RunStage(AnalysisStage.Sources, new AnalysisContext(budget, store, analyses), analyses, diagnostics, timer);
        if (outputFolder is null || !Directory.Exists(outputFolder))
        {
            var named = outputFolder ?? "(none)";
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.OutputFolderNotFound, $"Output folder not found: {named}. Run the front-end build first, or set \"outputPath\" in budget.json (or BundleBudgetOutputPath / --dir) to the folder it writes.", budgetPath));
            SaveCache(store, diagnostics);
            return new CheckResult(budgetPath, outputFolder, budget, [], empty, [], diagnostics, null) { Analyses = analyses, Strict = strict };
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

        // The scripts' analyses read only the files' facts, which nothing below changes: they run beside the page graph.
        var scriptProblems = new List<Diagnostic>();
        var scriptsContext = new AnalysisContext(budget, store, analyses) { OutputFolder = outputFolder, Served = served, Content = content };
        var scriptsRun = Task.Run(() => RunStage(AnalysisStage.Scripts, scriptsContext, analyses, scriptProblems, timer: null));

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

        scriptsRun.GetAwaiter().GetResult();
        diagnostics.AddRange(scriptProblems);
        timer.Lap("source maps");

        var outputContext = new AnalysisContext(budget, store, analyses) { OutputFolder = outputFolder, Served = served, Content = content, Assets = assets, Pages = pages, Faces = faces };
        RunStage(AnalysisStage.Output, outputContext, analyses, diagnostics, timer);
        SaveCache(store, diagnostics);
        timer.Lap("cache save");

        var gaps = new MeasurementGaps(measured.Failures, scan.Unreadable.Where(u => u.IsFolder && IsServedFolder(layout, u.Path)).ToList());
        var (results, evaluation) = BudgetEvaluator.Evaluate(budget, assets, measured.SizesByPath, pages, gaps, strict);
        diagnostics.AddRange(evaluation);
        timer.Lap("evaluation");
        return new CheckResult(budgetPath, outputFolder, budget, assets, measured.SizesByPath, results, diagnostics, measured.Statistics)
        {
            Analyses = analyses,
            Pages = pages,
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

    /// <summary>Runs the analyses of one stage in their registered order, each guarded on its own.</summary>
    private static void RunStage(AnalysisStage stage, AnalysisContext context, AnalysisResults results, List<Diagnostic> diagnostics, PhaseTimer? timer)
    {
        foreach (var analysis in AnalysisRegistry.All.Where(a => a.Stage == stage))
        {
            var (result, found) = Guarded(analysis.Title, () => analysis.RunUntyped(context), (analysis.Empty, []), diagnostics);
            results.Set(analysis, result);
            diagnostics.AddRange(found);
            timer?.Lap(analysis.Title);
        }
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
