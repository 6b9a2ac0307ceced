namespace BundleBudget.Core.Compare;

/// <summary>Changes below both thresholds are noise and hidden: by default under 0.5% and under 100 bytes.</summary>
public sealed record NoiseThreshold(double Percent = 0.5, long Bytes = 100)
{
    public bool IsNoise(AssetChange change) =>
        change.Base is not null && change.Head is not null
        && Math.Abs(change.Delta) < Bytes && (change.Percent is null || Math.Abs(change.Percent.Value) < Percent);
}

/// <summary>Compares two reports: per asset (hash-renamed chunks paired), per budget, and the new whole-library imports.</summary>
public static class ReportComparer
{
    /// <param name="normalize">What else to take out of file names to pair them (<see cref="FileNamePattern"/>).</param>
    public static ReportComparison Compare(ReportSnapshot? baseReport, ReportSnapshot head, NoiseThreshold threshold, System.Text.RegularExpressions.Regex? normalize = null)
    {
        var headCounted = head.Assets.Where(a => a.Counted).ToList();
        if (baseReport is null)
        {
            var only = headCounted.Select(a => new AssetChange(null, a.Path, a.Type, null, a.Transfer)).OrderByDescending(c => c.Head).ToList();
            var budgets = head.Budgets.Select(b => new BudgetChange(b.Name, b.Type, null, b.Actual, b.MaximumError, null, b.Status) { Unit = b.LimitUnit }).ToList();
            return new ReportComparison(false, head, null, head.TotalTransfer, budgets, only, head.Imports, 0);
        }

        var (pairs, removed, added) = AssetMatcher.Match(baseReport.Assets.Where(a => a.Counted).ToList(), headCounted, normalize);
        var changes = pairs.Select(p => new AssetChange(p.Base.Path, p.Head.Path, p.Head.Type, p.Base.Transfer, p.Head.Transfer))
            .Concat(removed.Select(a => new AssetChange(a.Path, null, a.Type, a.Transfer, null)))
            .Concat(added.Select(a => new AssetChange(null, a.Path, a.Type, null, a.Transfer)))
            .ToList();
        var visible = changes.Where(c => !threshold.IsNoise(c) && (c.Delta != 0 || c.Base is null || c.Head is null))
            .OrderByDescending(c => Math.Abs(c.Delta)).ThenBy(c => c.Path, StringComparer.Ordinal).ToList();
        var hidden = changes.Count(c => c.Delta != 0 && threshold.IsNoise(c));

        var baseBudgets = baseReport.Budgets.GroupBy(b => b.Key).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var budgetChanges = head.Budgets.Select(b => (baseBudgets.TryGetValue(b.Key, out var before)
                ? new BudgetChange(b.Name, b.Type, before.Actual, b.Actual, b.MaximumError, before.Status, b.Status)
                : new BudgetChange(b.Name, b.Type, null, b.Actual, b.MaximumError, null, b.Status)) with { Unit = b.LimitUnit })
            .ToList();

        var known = baseReport.Imports.Select(i => (i.File, i.Module, i.Rule)).ToHashSet();
        var newImports = head.Imports.Where(i => !known.Contains((i.File, i.Module, i.Rule))).ToList();
        return new ReportComparison(true, head, baseReport.TotalTransfer, head.TotalTransfer, budgetChanges, visible, newImports, hidden) { Base = baseReport, Pairs = pairs };
    }
}
