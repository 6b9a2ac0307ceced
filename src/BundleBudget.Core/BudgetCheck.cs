using BundleBudget.Core.Assets;
using BundleBudget.Core.Budgets;
using BundleBudget.Core.BundleContents;
using BundleBudget.Core.Diagnostics;
using BundleBudget.Core.Evaluation;
using BundleBudget.Core.Imports;
using BundleBudget.Core.Measurement;

namespace BundleBudget.Core;

/// <summary>
/// The whole check, in the order a reader follows it: read budget.json, analyse the sources' imports, find the
/// output folder, scan it, decide which files need brotli, measure, read the bundles' source maps, evaluate. Never throws for bad input: every problem is a diagnostic.
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

        var cache = options.CachePath is null ? SizeCache.InMemory() : SizeCache.Load(options.CachePath);
        var budgets = read.File.Budgets;
        var measured = AssetMeasurer.Measure(
            assets,
            asset => options.BrotliForAll || budgets.Any(b => b.Includes(asset) && b.CompressionFor(asset) == Compression.Brotli),
            cache);
        diagnostics.AddRange(measured.Diagnostics);
        SaveCache(cache, diagnostics);

        var bundles = BundleAnalyzer.Analyze(outputFolder, assets, read.File.Imports);
        diagnostics.AddRange(bundles.Diagnostics);

        var (results, evaluation) = BudgetEvaluator.Evaluate(read.File, assets, measured.SizesByPath);
        diagnostics.AddRange(evaluation);
        return new CheckResult(budgetPath, outputFolder, read.File, assets, measured.SizesByPath, results, diagnostics, measured.Statistics) { Imports = imports, Bundles = bundles };
    }

    /// <summary>The folder to check: the explicit override, else the budget's outputPath, else the default.</summary>
    public static string? ResolveOutputFolder(CheckOptions options, BudgetFile? budgetFile)
    {
        var chosen = !string.IsNullOrWhiteSpace(options.OutputPath) ? options.OutputPath
            : budgetFile?.OutputPath ?? options.DefaultOutputPath;
        return string.IsNullOrWhiteSpace(chosen) ? null : Path.TrimEndingDirectorySeparator(Path.GetFullPath(chosen));
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
