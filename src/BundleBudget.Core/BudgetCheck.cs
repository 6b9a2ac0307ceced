using BundleBudget.Core.Analyses;
using BundleBudget.Core.Assets;
using BundleBudget.Core.Budgets;
using BundleBudget.Core.BundleContents;
using BundleBudget.Core.Content;
using BundleBudget.Core.Diagnostics;
using BundleBudget.Core.Evaluation;
using BundleBudget.Core.Fonts;
using BundleBudget.Core.Measurement;
using BundleBudget.Core.Pages;
using BundleBudget.Core.Reports;

namespace BundleBudget.Core;

/// <summary>
/// The engine, one object per check, driven the same way by every host (the CLI and the MSBuild task map their inputs
/// to <see cref="CheckOptions"/>, call <see cref="Run()"/> and print the result). The check, in the order a reader
/// follows it: read budget.json, run the analyses of the sources, find the output folder, scan it, find where its pages
/// are served from, read every file once for what is planned for it (<see cref="Demand"/>), run the analyses of the
/// scripts beside following what each entry page loads, read which fonts a browser downloads, measure what the budgets
/// compare, run the analyses of the output, evaluate, write the reports. The analyses are those of
/// <see cref="AnalysisRegistry"/>, each at its <see cref="AnalysisStage"/>. Every fact comes from the content store: a
/// file unchanged since the last run is not read at all. Never throws for bad input: every problem is a diagnostic, and
/// an analysis that fails unexpectedly is BB9999 without hiding the others.
/// </summary>
public sealed class BudgetCheck
{
    private static readonly IReadOnlyDictionary<string, AssetSizes> NoSizes = new Dictionary<string, AssetSizes>();

    private readonly CheckOptions _options;
    private readonly PhaseTimer _timer = new();
    private readonly List<Diagnostic> _diagnostics = [];
    private readonly AnalysisResults _analyses = new();
    private readonly string _budgetPath;
    private int _runs;

    public BudgetCheck(CheckOptions options)
    {
        _options = options;
        _budgetPath = Path.GetFullPath(options.BudgetFile);
    }

    /// <summary>Runs a check and writes the reports its options ask for.</summary>
    public static CheckResult Run(CheckOptions options) => new BudgetCheck(options).Run();

    /// <summary>The folder to check: the explicit override, else the budget's outputPath, else the default.</summary>
    public static string? ResolveOutputFolder(CheckOptions options, BudgetFile? budgetFile)
    {
        var chosen = !string.IsNullOrWhiteSpace(options.OutputPath) ? options.OutputPath
            : budgetFile?.OutputPath ?? options.DefaultOutputPath;
        return string.IsNullOrWhiteSpace(chosen) ? null : Path.TrimEndingDirectorySeparator(Path.GetFullPath(chosen));
    }

    /// <summary>Runs the check; an instance is one run, and holds that run's state.</summary>
    /// <exception cref="InvalidOperationException">The instance has run already.</exception>
    public CheckResult Run()
    {
        if (Interlocked.Increment(ref _runs) > 1)
        {
            throw new InvalidOperationException("A BudgetCheck runs once: make a new one for the next check.");
        }

        var result = Check();
        try
        {
            return result with { Reports = ReportOutputs.Write(result, _options.Reports) };
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // The check's result stands: a bug in writing a report costs that report, not the verdict.
            var failure = Diagnostic.Error(DiagnosticCodes.InternalError, $"BundleBudget failed unexpectedly writing the reports; please report this. The check's results are complete. {e.GetType().Name}: {e.Message}");
            return result with { Reports = new ReportsWritten([failure], null) };
        }
    }

    private CheckResult Check()
    {
        var read = _options.FromPeerConfig ? BudgetFileReader.ReadFrom(_options.BudgetFile) : BudgetFileReader.Read(_options.BudgetFile);
        _timer.Lap("budget.json");
        _diagnostics.AddRange(read.Diagnostics);
        var outputFolder = ResolveOutputFolder(_options, read.File);
        if (read.File is not { } budget)
        {
            return new CheckResult(_budgetPath, outputFolder, null, [], NoSizes, [], _diagnostics, null);
        }

        budget = WithoutMisplacedPeerBudgets(budget, outputFolder);

        var strict = _options.Strict || budget.Strict;
        var store = _options.CachePath is null ? ContentStore.InMemory() : ContentStore.Load(_options.CachePath);
        _timer.Lap("cache load");
        RunStage(AnalysisStage.Sources, new AnalysisContext(budget, store, _analyses), _diagnostics, _timer);
        if (outputFolder is null || !Directory.Exists(outputFolder))
        {
            var fix = _options.FromPeerConfig && budget.OutputPath is null
                ? $"{Path.GetFileName(_budgetPath)} names no folder (its paths are URLs of the site): give the folder the front-end build writes with --dir"
                : "Run the front-end build first, or set \"outputPath\" in budget.json (or BundleBudgetOutputPath / --dir) to the folder it writes";
            _diagnostics.Add(Diagnostic.Error(DiagnosticCodes.OutputFolderNotFound, $"Output folder not found: {outputFolder ?? "(none)"}. {fix}.", _budgetPath));
            SaveCache(store);
            return new CheckResult(_budgetPath, outputFolder, budget, [], NoSizes, [], _diagnostics, null) { Analyses = _analyses, Strict = strict };
        }

        return CheckOutput(budget, outputFolder, store, strict);
    }

    private CheckResult CheckOutput(BudgetFile budget, string outputFolder, ContentStore store, bool strict)
    {
        var (scan, servedBy) = ScanServed(outputFolder, budget);
        _diagnostics.AddRange(scan.Diagnostics);
        _timer.Lap("scan");
        // The HTML report's size switch shows every text file gzip (cheap); brotli (quality 11, slow) only where a
        // budget or --brotli asks for it, as the rest of the check does.
        var demand = new Demand(budget.Budgets, _options.BrotliForAll, gzipForAll: !string.IsNullOrWhiteSpace(_options.Reports.Html));
        var content = new OutputContent(store, demand.Plan)
        {
            Maps = new SourceMapLocator(outputFolder, scan.Assets.GroupBy(a => a.Path, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal)),
        };
        content.UseSiblings(scan.Assets);
        var (layout, layoutDiagnostics) = Guarded("finding the served root", () => SiteLayout.Resolve(outputFolder, scan, budget, content), (SiteLayout.Whole, (IReadOnlyList<Diagnostic>)[]), _diagnostics);
        _diagnostics.AddRange(layoutDiagnostics);
        _timer.Lap("served root");
        var served = scan.Assets.Select(a => layout.IsServed(a.Path) ? a : a with { Exclusion = AssetExclusion.NotServed }).ToList();
        scan = scan with { Assets = served };
        Guarded("reading the output", () => { content.Prefetch(served); return true; }, false, _diagnostics);
        _timer.Lap("content pass");

        // The scripts' analyses read only the files' facts, which nothing below changes: they run beside the page graph.
        var scriptProblems = new List<Diagnostic>();
        var scriptsContext = new AnalysisContext(budget, store, _analyses) { Served = served, Content = content };
        var scriptsRun = Task.Run(() => RunStage(AnalysisStage.Scripts, scriptsContext, scriptProblems, timer: null));

        var pages = Guarded("following the entry pages", () => BuildPages(outputFolder, scan, layout, budget, content), PageGraph.None, _diagnostics);
        _diagnostics.AddRange(pages.Diagnostics);
        _timer.Lap("page graph");
        var faces = Guarded("reading @font-face rules", () => FontFaceReader.Read(served, layout, scan.Aliases, pages.InlineStyles, content), new FontFaces([], []) { Complete = false }, _diagnostics);
        _diagnostics.AddRange(faces.Diagnostics);
        var assets = FontDownloads.Apply(served, faces, FontDownloads.Preloaded(pages), content);
        _timer.Lap("font faces");
        if (!assets.Any(a => a.IsCounted) && scan.Unreadable.Count == 0)
        {
            _diagnostics.Add(Diagnostic.Warning(DiagnosticCodes.EmptyOutputFolder, $"The output folder {outputFolder} holds no file that a budget counts: did the front-end build write its output somewhere else, or fail?", _budgetPath));
        }

        NeverLoaded(assets, pages);
        var measured = AssetMeasurer.Measure(assets, demand.Compressions(assets, pages), content);
        _diagnostics.AddRange(measured.Diagnostics);
        _timer.Lap("sizes");

        scriptsRun.GetAwaiter().GetResult();
        _diagnostics.AddRange(scriptProblems);
        _timer.Lap("source maps");

        var outputContext = new AnalysisContext(budget, store, _analyses)
        {
            Served = served, Content = content, Assets = assets, Pages = pages, Faces = faces, Sizes = measured.SizesByPath, ProjectProperties = _options.ProjectProperties,
            OutputFolder = outputFolder, ServedByManifest = servedBy is not null, Measure = _options.Measure,
        };
        RunStage(AnalysisStage.Output, outputContext, _diagnostics, _timer);
        SaveCache(store);
        _timer.Lap("cache save");

        var gaps = new MeasurementGaps(measured.Failures, scan.Unreadable.Where(u => (u.IsFolder && IsServedFolder(layout, u.Path)) || (!u.IsFolder && layout.IsServed(u.Path))).ToList());
        var (results, evaluation) = BudgetEvaluator.Evaluate(budget, assets, measured.SizesByPath, pages, gaps, strict, _analyses.Of(Timings.TimingsAnalysis.Instance), () => BaselineBudgets.Read(_options.Reports.Baseline));
        _diagnostics.AddRange(evaluation);
        _timer.Lap("evaluation");
        return new CheckResult(_budgetPath, outputFolder, budget, assets, measured.SizesByPath, results, _diagnostics, measured.Statistics)
        {
            Analyses = _analyses,
            Pages = pages,
            SiteRoot = layout.DefaultRoot,
            ServedBy = servedBy,
            Strict = strict,
            Phases = _timer.Phases,
        };
    }

    /// <summary>
    /// Budgets read from another tool's config have globs of the folder their paths name; a check of another folder
    /// (--dir, BundleBudgetOutputPath) would match other files, so they are left out, each with BB9036.
    /// </summary>
    private BudgetFile WithoutMisplacedPeerBudgets(BudgetFile budget, string? outputFolder)
    {
        var misplaced = budget.Budgets.Where(b => b.GlobsRelativeTo is { } folder && outputFolder is not null
            && !string.Equals(Path.TrimEndingDirectorySeparator(folder), outputFolder, OperatingSystem.IsWindows() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal)).ToList();
        foreach (var peer in misplaced)
        {
            _diagnostics.Add(Diagnostic.Error(Peers.PeerDiagnostics.NotRead, $"'{peer.Label}' is not checked: its paths are of {peer.GlobsRelativeTo}, and the folder checked is {outputFolder} (--dir or BundleBudgetOutputPath). Check that folder, or set \"outputPath\" in budget.json to the folder being checked.", peer.Location));
        }

        return misplaced.Count == 0 ? budget : budget with { Budgets = budget.Budgets.Except(misplaced).ToList() };
    }

    /// <summary>
    /// The files of the output: those ASP.NET Core's static web assets manifest serves when it describes this folder, else
    /// the folder's own. A manifest that cannot be read leaves what is served unknown: the folder's files are checked, and
    /// every budget is incomplete.
    /// </summary>
    private (OutputScan Scan, string? ServedBy) ScanServed(string outputFolder, BudgetFile budget)
    {
        // The host's (the command line's, or the project's own from MSBuild), else budget.json's (named by the user).
        var (manifestPath, named) = _options.StaticWebAssetsManifest is { Length: > 0 } fromHost ? (fromHost, _options.StaticWebAssetsNamed)
            : _options.UseBudgetStaticWebAssets && budget.StaticWebAssets is { } fromBudget ? (fromBudget, true)
            : (null, false);
        var found = false;
        if (manifestPath is null && _options.UseBudgetStaticWebAssets)
        {
            manifestPath = StaticWebAssets.ManifestFinder.Find(outputFolder);
            found = manifestPath is not null;
        }

        if (manifestPath is null)
        {
            return (AssetScanner.Scan(outputFolder), null);
        }

        try
        {
            var manifest = StaticWebAssets.RuntimeManifest.Read(manifestPath);
            if (manifest.Serves(outputFolder))
            {
                if (found)
                {
                    _diagnostics.Add(Diagnostic.Info(DiagnosticCodes.StaticWebAssetsFound, $"{outputFolder} is checked as the app serves it, from the last build's static web assets manifest ({Path.GetRelativePath(Path.GetDirectoryName(Path.GetFullPath(budget.Path))!, manifest.Path)}): its Razor class libraries, scoped-CSS bundle and _framework/ files too. Build again after changing them; --static-web-assets (or \"staticWebAssets\") names another manifest.", manifest.Path));
                }

                return (AssetScanner.ScanServed(manifest.Files, manifest.Patterns), manifest.Path);
            }

            if (named)
            {
                _diagnostics.Add(Diagnostic.Warning(DiagnosticCodes.StaticWebAssetsUnreadable, $"The static web assets manifest does not serve {outputFolder} (its folders: {string.Join(", ", manifest.ContentRoots.Take(3))}{(manifest.ContentRoots.Count > 3 ? ", ..." : string.Empty)}): the folder's own files are checked, without what the app serves from elsewhere. Check the project's wwwroot, or the manifest of this project.", manifestPath));
            }

            return (AssetScanner.Scan(outputFolder), null);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException)
        {
            var reason = e is FileNotFoundException or DirectoryNotFoundException ? "it does not exist" : e.Message;
            var scan = AssetScanner.Scan(outputFolder);
            _diagnostics.Add(Diagnostic.Warning(DiagnosticCodes.StaticWebAssetsUnreadable, $"ASP.NET Core's static web assets manifest cannot be read ({reason}): what the app serves besides {outputFolder} (Razor class libraries, the scoped-CSS bundle, _framework/) is unknown, so every budget on files is incomplete. Build the project again.", manifestPath));
            return (scan with { Unreadable = [.. scan.Unreadable, new UnreadablePath(string.Empty, IsFolder: true, $"the static web assets manifest {manifestPath} cannot be read")] }, null);
        }
    }

    private static PageGraph BuildPages(string outputFolder, OutputScan scan, SiteLayout layout, BudgetFile budget, OutputContent content)
    {
        var layouts = ServerLayouts.Find(budget);
        var views = layouts.Count == 0 ? [] : ServerLayouts.Views(budget, layouts);
        return PageGraph.Build(outputFolder, scan, layout, budget.Entries, content, layouts, views);
    }

    /// <summary>BB1012: the scripts and stylesheets no entry page loads, in one finding (the report flags each).</summary>
    private void NeverLoaded(IReadOnlyList<Asset> assets, PageGraph pages)
    {
        if (LoadedFiles.Of(pages) is not { } loaded)
        {
            return;
        }

        var never = assets.Where(a => a.IsCounted && loaded.NeverLoads(a)).ToList();
        if (never.Count == 0)
        {
            return;
        }

        var shown = string.Join(", ", never.OrderByDescending(a => a.Length).Take(5).Select(a => a.Path)) + (never.Count > 5 ? ", ..." : string.Empty);
        var unsure = loaded.WhyIncomplete is null ? string.Empty : $" Some of them may be loaded after all: {loaded.WhyIncomplete}.";
        _diagnostics.Add(new Diagnostic(
            DiagnosticCodes.NeverLoaded,
            Severity.Info,
            $"{never.Count} served {(never.Count == 1 ? "script, stylesheet or .NET runtime file is" : "scripts, stylesheets and .NET runtime files are")} loaded by no entry page ({Budgets.ByteSize.Format(never.Sum(a => a.Length))} raw; the largest: {shown}). They count in the budgets on their type; a budget with \"loaded\": true leaves them out. Delete what nothing uses, or, if a script fetches it by a URL built at run time, keep it counted.{unsure}",
            _budgetPath));
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
    private void RunStage(AnalysisStage stage, AnalysisContext context, List<Diagnostic> diagnostics, PhaseTimer? timer)
    {
        foreach (var analysis in AnalysisRegistry.All.Where(a => a.Stage == stage))
        {
            var (result, found) = Guarded(analysis.Title, () => analysis.RunUntyped(context), (analysis.Empty, []), diagnostics);
            _analyses.Set(analysis, result);
            diagnostics.AddRange(found);
            timer?.Lap(analysis.Title);
        }
    }

    private void SaveCache(ContentStore cache)
    {
        try
        {
            var other = SharedPath.Owner(cache.Path, SharedPath.CacheOwner);
            cache.Save();
            if (cache.Path is { } path)
            {
                if (other is not null && !SharedPath.Same(other, _budgetPath))
                {
                    _diagnostics.Add(SharedPath.Warning("size cache", path, other, _budgetPath));
                }

                File.WriteAllText(SharedPath.OwnerFileOf(path), _budgetPath);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            _diagnostics.Add(Diagnostic.Warning(DiagnosticCodes.ReportNotWritten, $"The size cache could not be written ({e.Message}); the next run will read every file again.", cache.Path));
        }
    }
}
