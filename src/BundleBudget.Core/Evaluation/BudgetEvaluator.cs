using System.Globalization;
using BundleBudget.Core.Assets;
using BundleBudget.Core.Budgets;
using BundleBudget.Core.Diagnostics;
using BundleBudget.Core.Measurement;
using BundleBudget.Core.Pages;

namespace BundleBudget.Core.Evaluation;

/// <summary>Compares measured sizes with each budget and turns every exceeded limit into a BB1xxx diagnostic.</summary>
public static class BudgetEvaluator
{
    public static (IReadOnlyList<BudgetResult> Results, IReadOnlyList<Diagnostic> Diagnostics) Evaluate(
        BudgetFile budgetFile, IReadOnlyList<Asset> assets, IReadOnlyDictionary<string, AssetSizes> sizes, PageGraph pages)
    {
        var results = new List<BudgetResult>();
        var diagnostics = new List<Diagnostic>();
        foreach (var budget in budgetFile.Budgets)
        {
            if (budget.IsInitial)
            {
                results.Add(EvaluateInitial(budget, pages, assets, sizes, diagnostics));
                continue;
            }

            var matched = assets.Where(a => budget.Includes(a) && sizes.ContainsKey(a.Path)).ToList();
            if (matched.Count == 0 && budget.Files is not null)
            {
                diagnostics.Add(Diagnostic.Warning(DiagnosticCodes.BudgetMatchedNothing, $"Budget '{budget.Label}' matched no file in the output folder; check the glob (it is relative to the output folder, and '*' does not cross '/': use '**/' for any folder).", budget.Location));
            }

            results.Add(budget.Scope == BudgetScope.Each
                ? EvaluateEach(budget, matched, sizes, diagnostics)
                : EvaluateTotal(budget, matched, sizes, diagnostics));
        }

        return (results, diagnostics);
    }

    /// <summary>The size a budget compares for one asset: raw for images, fonts and media; else the budget's compression.</summary>
    public static long SizeFor(Budget budget, Asset asset, AssetSizes sizes) => budget.CompressionFor(asset) switch
    {
        Compression.Gzip => sizes.Gzip ?? throw new InvalidOperationException($"gzip size of {asset.Path} was not measured"),
        Compression.Brotli => sizes.Brotli ?? throw new InvalidOperationException($"brotli size of {asset.Path} was not measured"),
        _ => sizes.Raw,
    };

    private static BudgetResult EvaluateTotal(Budget budget, List<Asset> matched, IReadOnlyDictionary<string, AssetSizes> sizes, List<Diagnostic> diagnostics)
    {
        var actual = matched.Sum(a => SizeFor(budget, a, sizes[a.Path]));
        var status = StatusOf(budget, actual);
        var sizeKind = DescribeCompression(budget, matched);
        if (status != BudgetStatus.Pass)
        {
            var what = $"Budget '{budget.Label}' exceeded: {matched.Count} {(matched.Count == 1 ? "file" : "files")} total {ByteSize.Format(actual)} {sizeKind}";
            diagnostics.Add(Exceeded(budget, status, actual, what, budget.Location.File, budget.Location.Line, budget.Location.Column));
        }

        return new BudgetResult(budget, status, actual, matched.Count, [], sizeKind);
    }

    private static BudgetResult EvaluateEach(Budget budget, List<Asset> matched, IReadOnlyDictionary<string, AssetSizes> sizes, List<Diagnostic> diagnostics)
    {
        var offenders = new List<OffendingFile>();
        long largest = 0;
        foreach (var asset in matched)
        {
            var actual = SizeFor(budget, asset, sizes[asset.Path]);
            largest = Math.Max(largest, actual);
            var status = StatusOf(budget, actual);
            if (status == BudgetStatus.Pass)
            {
                continue;
            }

            offenders.Add(new OffendingFile(asset, actual, status));
            var what = $"Budget '{budget.Label}' exceeded: {asset.Path} is {ByteSize.Format(actual)} {DescribeCompression(budget, [asset])}";
            diagnostics.Add(Exceeded(budget, status, actual, what, asset.FullPath, 0, 0));
        }

        var worst = offenders.Count == 0 ? BudgetStatus.Pass : offenders.Max(o => o.Status);
        return new BudgetResult(budget, worst, largest, matched.Count, offenders, DescribeCompression(budget, matched));
    }

    /// <summary>The pages an initial budget limits: its entry, or every entry page.</summary>
    public static IReadOnlyList<EntryPage> PagesOf(Budget budget, PageGraph pages) =>
        budget.Entry is null ? pages.Pages : pages.Find(budget.Entry) is { } page ? [page] : [];

    /// <summary>The counted assets a page loads first.</summary>
    public static IReadOnlyList<Asset> InitialAssets(EntryPage page, IReadOnlyDictionary<string, Asset> assetsByPath) =>
        page.Initial.Select(f => assetsByPath.GetValueOrDefault(f.Path)).OfType<Asset>().Where(a => a.IsCounted).ToList();

    private static BudgetResult EvaluateInitial(Budget budget, PageGraph pages, IReadOnlyList<Asset> assets, IReadOnlyDictionary<string, AssetSizes> sizes, List<Diagnostic> diagnostics)
    {
        var limited = PagesOf(budget, pages);
        if (limited.Count == 0)
        {
            var what = budget.Entry is null ? "the output folder has no HTML entry page" : $"the entry page '{budget.Entry}' is not in the output folder";
            diagnostics.Add(Diagnostic.Warning(DiagnosticCodes.BudgetMatchedNothing, $"Budget '{budget.Label}' limits nothing: {what}.", budget.Location));
        }

        var offenders = new List<OffendingFile>();
        long largest = 0;
        var sizeKind = DescribeCompression(budget, []);
        var assetsByPath = assets.ToDictionary(a => a.Path, StringComparer.Ordinal);
        foreach (var page in limited)
        {
            var loaded = InitialAssets(page, assetsByPath).Where(a => sizes.ContainsKey(a.Path)).ToList();
            var bytes = loaded.Sum(a => SizeFor(budget, a, sizes[a.Path]));
            sizeKind = DescribeCompression(budget, loaded);
            var levels = DiscoveryLevels(page);
            var actual = budget.Network is { } network ? (long)Math.Round(network.EstimateMilliseconds(bytes, levels)) : bytes;
            largest = Math.Max(largest, actual);
            var status = StatusOf(budget, actual);
            if (status == BudgetStatus.Pass)
            {
                continue;
            }

            var pageAsset = assetsByPath[page.Path];
            offenders.Add(new OffendingFile(pageAsset, actual, status));
            var files = $"{loaded.Count} {(loaded.Count == 1 ? "file" : "files")}";
            var what = budget.Network is { } net
                ? $"Budget '{budget.Label}' exceeded: {page.Path} loads in about {NetworkProfile.FormatMilliseconds(actual)} on {net.Description}: {files}, {ByteSize.Format(bytes)} {sizeKind}, discovered in {levels} {(levels == 1 ? "round" : "rounds")} of requests after connecting"
                : $"Budget '{budget.Label}' exceeded: {page.Path} loads {files} before it is usable, {ByteSize.Format(actual)} {sizeKind}";
            diagnostics.Add(Exceeded(budget, status, actual, what, pageAsset.FullPath, 0, 0));
        }

        var worst = offenders.Count == 0 ? BudgetStatus.Pass : offenders.Max(o => o.Status);
        return new BudgetResult(budget, worst, largest, limited.Count, offenders, budget.Network is { } n ? $"on {n.Name}" : sizeKind);
    }

    /// <summary>
    /// How many requests after one another the browser needs to discover a page's initial files: the HTML, then what it
    /// names (preloads included), then what those import, and so on.
    /// </summary>
    public static int DiscoveryLevels(EntryPage page)
    {
        var levels = new Dictionary<string, int>(StringComparer.Ordinal) { [page.Path] = 1 };
        foreach (var file in page.Initial)
        {
            if (!levels.ContainsKey(file.Path))
            {
                levels[file.Path] = levels.GetValueOrDefault(file.From, 1) + 1;
            }
        }

        return levels.Values.Max();
    }

    private static BudgetStatus StatusOf(Budget budget, long actual) =>
        ErrorLimit(budget) is { } error && actual > error ? BudgetStatus.Error
        : WarningLimit(budget) is { } warning && actual > warning ? BudgetStatus.Warning
        : BudgetStatus.Pass;

    private static long? ErrorLimit(Budget budget) => budget.IsTime ? (long?)budget.MaximumErrorMilliseconds : budget.MaximumError?.Bytes;

    private static long? WarningLimit(Budget budget) => budget.IsTime ? (long?)budget.MaximumWarningMilliseconds : budget.MaximumWarning?.Bytes;

    private static Diagnostic Exceeded(Budget budget, BudgetStatus status, long actual, string what, string file, int line, int column)
    {
        var isError = status == BudgetStatus.Error;
        var limit = (isError ? ErrorLimit(budget) : WarningLimit(budget))!.Value;
        var limitName = isError ? "maximumError" : "maximumWarning";
        var over = actual - limit;
        var percent = limit == 0 ? string.Empty : string.Create(CultureInfo.InvariantCulture, $" (+{over * 100.0 / limit:0.0}%)");
        var message = $"{what}, limit {(isError ? budget.DescribeErrorLimit : budget.DescribeWarningLimit)} ({limitName}), over by {budget.Format(over)}{percent}.";
        return status == BudgetStatus.Error
            ? Diagnostic.Error(DiagnosticCodes.BudgetErrorExceeded, message, file, line, column)
            : Diagnostic.Warning(DiagnosticCodes.BudgetWarningExceeded, message, file, line, column);
    }

    /// <summary>Names the size compared: "gzip", "raw", or "gzip (images, fonts, media raw)" for a mixed total.</summary>
    private static string DescribeCompression(Budget budget, IReadOnlyList<Asset> matched)
    {
        var compressed = matched.Any(a => a.Type.IsTextCompressible());
        var uncompressed = matched.Any(a => !a.Type.IsTextCompressible());
        var name = budget.Compression.ToString().ToLowerInvariant();
        var onlyRawTypes = budget.Types.Count > 0 && budget.Types.All(t => t is BudgetType.Image or BudgetType.Font or BudgetType.Media);
        if (budget.Compression == Compression.Raw || onlyRawTypes || (!compressed && matched.Count > 0))
        {
            return "raw";
        }

        return uncompressed ? $"{name} (images, fonts and media raw)" : name;
    }
}
