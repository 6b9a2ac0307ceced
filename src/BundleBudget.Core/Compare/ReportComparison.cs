using BundleBudget.Core.Reports;

namespace BundleBudget.Core.Compare;

/// <summary>An asset's transfer size in both builds (null where it is absent).</summary>
public sealed record AssetChange(string? BasePath, string? HeadPath, string Type, long? Base, long? Head)
{
    public string Path => HeadPath ?? BasePath!;

    public long Delta => (Head ?? 0) - (Base ?? 0);

    public double? Percent => Base is > 0 ? Delta * 100.0 / Base.Value : null;

    public bool Renamed => BasePath is not null && HeadPath is not null && BasePath != HeadPath;
}

public sealed record BudgetChange(string Name, string Type, long? Base, long Head, long? MaximumError, string? BaseStatus, string HeadStatus)
{
    /// <summary>"bytes", or "ms" for a load-time budget.</summary>
    public Budgets.LimitUnit Unit { get; init; } = Budgets.LimitUnit.Bytes;

    public string Format(long value) => Budgets.Limit.Format(value, Unit);

    public string FormatSigned(long delta) => ComparisonText.Signed(delta, Format);

    public long? Delta => Base is { } b ? Head - b : null;

    public bool StatusChanged => BaseStatus is not null && BaseStatus != HeadStatus;
}

/// <summary>What changed between a base report and a head report; <see cref="HasBase"/> is false for a first report.</summary>
public sealed record ReportComparison(
    bool HasBase,
    ReportSnapshot Head,
    long? BaseTotal,
    long HeadTotal,
    IReadOnlyList<BudgetChange> Budgets,
    IReadOnlyList<AssetChange> Assets,
    IReadOnlyList<Imports.ReportImport> NewImports,
    int HiddenChanges)
{
    public long? TotalDelta => BaseTotal is { } b ? HeadTotal - b : null;

    /// <summary>The base report, or null for a first report.</summary>
    public ReportSnapshot? Base { get; init; }

    /// <summary>Every counted file of the head paired with its base (hash-renamed chunks too), noise included.</summary>
    public IReadOnlyList<(ReportAsset Base, ReportAsset Head)> Pairs { get; init; } = [];
}
