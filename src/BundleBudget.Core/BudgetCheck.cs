using BundleBudget.Core.Assets;
using BundleBudget.Core.Budgets;
using BundleBudget.Core.BundleContents;
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
/// output folder, scan it, follow what each entry page loads, decide which files need brotli, measure, read the
/// bundles' source maps, inspect images and fonts, evaluate. Never throws for bad input: every problem is a diagnostic.
/// </summary>
public static class BudgetCheck
{
    public static CheckResult Run(CheckOptions options)
    {
        var read = BudgetFileReader.Read(options.BudgetFile);
        var diagnostics = new List<Diagnostic>(read.Diagnostics);
        var budgetPath = Path.GetFullPath(options.BudgetFile);
        var outputFolder = ResolveOutputFolder(options, read.File);
        var empty = new Dictionary<string, AssetSizes>();
        if (read.File is null)
        {
            return new CheckResult(budgetPath, outputFolder, null, [], empty, [], diagnostics, null);
        }

        var imports = ImportAnalyzer.Analyze(Path.GetDirectoryName(budgetPath)!, read.File.Imports);
        diagnostics.AddRange(imports.Diagnostics);
        if (outputFolder is null || !Directory.Exists(outputFolder))
        {
            var named = outputFolder ?? "(none)";
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.OutputFolderNotFound, $"Output folder not found: {named}. Run the front-end build first, or set \"outputPath\" in budget.json (or BundleBudgetOutputPath / --dir) to the folder it writes.", budgetPath));
            return new CheckResult(budgetPath, outputFolder, read.File, [], empty, [], diagnostics, null) { Imports = imports };
        }

        var assets = AssetScanner.Scan(outputFolder);
        if (!assets.Any(a => a.IsCounted))
        {
            diagnostics.Add(Diagnostic.Warning(DiagnosticCodes.EmptyOutputFolder, $"The output folder {outputFolder} holds no file that a budget counts: did the front-end build write its output somewhere else, or fail?", budgetPath));
        }

        var pages = PageGraph.Build(outputFolder, assets, read.File.Entries);
        diagnostics.AddRange(pages.Diagnostics);

        var cache = options.CachePath is null ? SizeCache.InMemory() : SizeCache.Load(options.CachePath);
        var brotliNeeded = BrotliNeeded(read.File.Budgets, assets, pages);
        var measured = AssetMeasurer.Measure(assets, asset => options.BrotliForAll || brotliNeeded.Contains(asset.Path), cache);
        diagnostics.AddRange(measured.Diagnostics);
        SaveCache(cache, diagnostics);

        var bundles = BundleAnalyzer.Analyze(outputFolder, assets, read.File.Imports);
        diagnostics.AddRange(bundles.Diagnostics);

        var (images, imageDiagnostics) = ImageAnalyzer.Analyze(assets, read.File.Images);
        diagnostics.AddRange(imageDiagnostics);
        var (fonts, overallAssetFindings) = FontChecker.Check(assets, pages, read.File.Fonts);
        diagnostics.AddRange(FontDiagnostics(fonts, overallAssetFindings, read.File.Fonts, budgetPath));

        var (results, evaluation) = BudgetEvaluator.Evaluate(read.File, assets, measured.SizesByPath, pages);
        diagnostics.AddRange(evaluation);
        return new CheckResult(budgetPath, outputFolder, read.File, assets, measured.SizesByPath, results, diagnostics, measured.Statistics)
        {
            Imports = imports,
            Bundles = bundles,
            Pages = pages,
            Images = images,
            Fonts = fonts,
        };
    }

    /// <summary>The folder to check: the explicit override, else the budget's outputPath, else the default.</summary>
    public static string? ResolveOutputFolder(CheckOptions options, BudgetFile? budgetFile)
    {
        var chosen = !string.IsNullOrWhiteSpace(options.OutputPath) ? options.OutputPath
            : budgetFile?.OutputPath ?? options.DefaultOutputPath;
        return string.IsNullOrWhiteSpace(chosen) ? null : Path.TrimEndingDirectorySeparator(Path.GetFullPath(chosen));
    }

    /// <summary>The files some budget compares in brotli: brotli at quality 11 is slow, so only those get it.</summary>
    private static HashSet<string> BrotliNeeded(IReadOnlyList<Budget> budgets, IReadOnlyList<Asset> assets, PageGraph pages)
    {
        var needed = new HashSet<string>(StringComparer.Ordinal);
        var assetsByPath = assets.ToDictionary(a => a.Path, StringComparer.Ordinal);
        foreach (var budget in budgets.Where(b => b.Compression == Compression.Brotli))
        {
            var candidates = budget.IsInitial
                ? BudgetEvaluator.PagesOf(budget, pages).SelectMany(p => BudgetEvaluator.InitialAssets(p, assetsByPath))
                : assets.Where(budget.Includes);
            needed.UnionWith(candidates.Where(a => budget.CompressionFor(a) == Compression.Brotli).Select(a => a.Path));
        }

        return needed;
    }

    private static IEnumerable<Diagnostic> FontDiagnostics(IReadOnlyList<FontReport> fonts, IReadOnlyList<AssetFinding> overall, FontSettings settings, string budgetPath)
    {
        return fonts
            .SelectMany(f => f.Findings.Select(finding => finding.ToDiagnostic(f.Asset.FullPath, settings.Severity)))
            .Concat(overall.Select(finding => finding.ToDiagnostic(budgetPath, settings.Severity)));
    }

    private static void SaveCache(SizeCache cache, List<Diagnostic> diagnostics)
    {
        try
        {
            cache.Save();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            diagnostics.Add(Diagnostic.Warning(DiagnosticCodes.ReportNotWritten, $"The size cache could not be written ({e.Message}); the next run will compress again.", cache.Path));
        }
    }
}
