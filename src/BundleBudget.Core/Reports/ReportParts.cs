using BundleBudget.Core.Assets;
using BundleBudget.Core.Budgets;
using BundleBudget.Core.Evaluation;
using BundleBudget.Core.Measurement;
using BundleBudget.Core.Pages;

namespace BundleBudget.Core.Reports;

/// <summary>A check's result as the report model: what the JSON report writes, and what a comparison reads of it in memory.</summary>
public static class ReportParts
{
    public static IReadOnlyList<ReportAsset> Assets(CheckResult result)
    {
        var loaded = LoadedFiles.Of(result.Pages);
        return result.Assets.Select(asset => Asset(result, asset, loaded)).ToList();
    }

    private static ReportAsset Asset(CheckResult result, Asset asset, LoadedFiles? loaded)
    {
        result.Sizes.TryGetValue(asset.Path, out var sizes);
        var excluded = asset.Exclusion switch
        {
            AssetExclusion.NotServed => "not-served",
            AssetExclusion.NotDownloaded => "not-downloaded",
            _ => null,
        };
        return new ReportAsset(asset.Path, asset.Type.ToWireName(), asset.IsCounted, asset.Encoding, excluded, sizes?.Raw, sizes?.Gzip, sizes?.Brotli)
        {
            Loaded = asset.IsCounted && loaded is not null && LoadedFiles.Tracks(asset.Type) ? loaded.Contains(asset.Path) : null,
        };
    }

    /// <summary>What identifies a budget across two reports, as <see cref="ReportBudget.Key"/> reads it from one.</summary>
    public static string KeyOf(Budget budget) =>
        $"{budget.Label}|{budget.TypeName}|{budget.Files?.Pattern}|{(budget.Scope == BudgetScope.Each ? "each" : "total")}|{Name(budget.Compression)}";

    public static IReadOnlyList<ReportBudget> Budgets(CheckResult result) => result.Budgets.Select(budgetResult =>
    {
        var budget = budgetResult.Budget;
        var offenders = budget.Scope == BudgetScope.Each
            ? budgetResult.Offenders.Select(o => new ReportOffender(o.Asset.Path, o.Actual, Name(o.Status))).ToList()
            : null;
        return new ReportBudget(
            budget.Label,
            budget.TypeName,
            budget.Files?.Pattern,
            budget.Scope == BudgetScope.Each ? "each" : "total",
            Name(budget.Compression),
            budget.Location.Line,
            budgetResult.MatchedFiles,
            Limit.UnitName(budget.Unit),
            budget.Network?.Name,
            budgetResult.Actual,
            budget.MaximumWarning?.Value,
            budget.MaximumError?.Value,
            Name(budgetResult.Status),
            budgetResult.IsIncomplete,
            budgetResult.Unmeasured.Select(gap => new ReportGap(gap.Path, gap.Reason)).ToList(),
            offenders)
        {
            Count = budgetResult.Count,
            MinimumWarning = budget.MinimumWarning?.Value,
            MinimumError = budget.MinimumError?.Value,
            MaximumCountWarning = budget.MaximumCountWarning,
            MaximumCount = budget.MaximumCount,
            Growth = budgetResult.Growth is { } growth
                ? new ReportGrowth(growth.Limit.Text, growth.Base, growth.Change, growth.NotEvaluated is null ? Name(growth.Status) : "not evaluated", growth.NotEvaluated)
                : null,
        };
    }).ToList();

    public static IReadOnlyList<ReportPage> Pages(CheckResult result) => result.Pages.Pages.Select(page =>
    {
        var (initial, initialTotal) = Files(page.Initial, result);
        var (lazy, lazyTotal) = Files(page.Lazy, result);
        return new ReportPage(page.Path, page.SiteRoot, initial, initialTotal, lazy, lazyTotal, page.External, page.Gaps.Select(g => new ReportPageGap(g.From, g.Target, g.Reason)).ToList()) { ServerRendered = page.ServerRendered };
    }).ToList();

    public static IReadOnlyList<ReportDiagnostic> Diagnostics(CheckResult result) =>
        result.Diagnostics.Select(d => new ReportDiagnostic(d.Code, d.Severity.ToString().ToLowerInvariant(), d.Message, d.File, d.Line, d.Column)).ToList();

    public static ReportSummary Summary(CheckResult result) =>
        new(Name(result.Status), result.ErrorCount, result.WarningCount, result.Budgets.Count(b => b.IsIncomplete), TypeTotal.Compute(result));

    public static IReadOnlyList<ReportFinding> Findings(IEnumerable<Diagnostics.AssetFinding> findings) =>
        findings.Select(f => new ReportFinding(f.Code, f.Message, f.EstimatedSaving)).ToList();

    /// <summary>A page's files, then their summed sizes (a compressed sum is null unless every file has that size).</summary>
    private static (IReadOnlyList<ReportPageFile> Files, ReportFilesTotal Total) Files(IReadOnlyList<PageFile> files, CheckResult result)
    {
        var sizes = new List<AssetSizes>();
        var entries = new List<ReportPageFile>(files.Count);
        foreach (var file in files)
        {
            if (result.Sizes.TryGetValue(file.Path, out var size))
            {
                sizes.Add(size);
            }

            entries.Add(new ReportPageFile(file.Path, ReasonName(file.Reason), file.From, file.Loading, size?.Raw, size?.Gzip, size?.Brotli));
        }

        var total = AssetSizes.Sum(sizes);
        return (entries, new ReportFilesTotal(files.Count, total.Raw, total.Gzip, total.Brotli));
    }

    private static string ReasonName(LoadReason reason) => reason switch
    {
        LoadReason.ModuleScript => "module-script",
        LoadReason.ModulePreload => "modulepreload",
        LoadReason.StaticImport => "static-import",
        LoadReason.CssImport => "css-import",
        LoadReason.DynamicImport => "dynamic-import",
        LoadReason.BlazorBoot => "blazor-boot",
        _ => reason.ToString().ToLowerInvariant(),
    };

    private static string Name(Compression compression) => compression.ToString().ToLowerInvariant();

    private static string Name(BudgetStatus status) => status.ToString().ToLowerInvariant();
}
