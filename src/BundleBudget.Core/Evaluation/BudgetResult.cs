using BundleBudget.Core.Assets;
using BundleBudget.Core.Budgets;

namespace BundleBudget.Core.Evaluation;

/// <summary>A file measured against a budget with scope <c>each</c> that broke one of its limits.</summary>
public sealed record OffendingFile(Asset Asset, long Actual, BudgetStatus Status);

/// <summary>Something a budget would count that could not be measured: a file, a folder, or what a page loads.</summary>
/// <param name="Path">The file or folder (relative to the output folder), or for a page, what it names that could not be measured.</param>
/// <param name="Reason">Why, in words.</param>
public sealed record Unmeasured(string Path, string Reason);

/// <summary>The verdict on one budget.</summary>
/// <param name="Actual">For scope total, the sum over the matching files; for scope each, the largest matching file.</param>
/// <param name="MatchedFiles">How many counted files the budget matched (pages, for an initial budget).</param>
/// <param name="SizeKind">The size compared, in words: "gzip", "raw", or "gzip (images, fonts and media raw)".</param>
public sealed record BudgetResult(Budget Budget, BudgetStatus Status, long Actual, int MatchedFiles, IReadOnlyList<OffendingFile> Offenders, string SizeKind)
{
    /// <summary>What the budget would count but could not measure; not empty means the budget is incomplete.</summary>
    public IReadOnlyList<Unmeasured> Unmeasured { get; init; } = [];

    /// <summary>For a total over a limit: its largest files (at most five), what drives it.</summary>
    public IReadOnlyList<OffendingFile> Largest { get; init; } = [];

    /// <summary>How many files it counted (for an initial budget, the most any of its pages loads first, the page included); null for a timing budget.</summary>
    public int? Count { get; init; }

    /// <summary>For a budget with maximumGrowth: its growth since the base branch's report, or why it was not evaluated.</summary>
    public BudgetGrowth? Growth { get; init; }

    public bool IsIncomplete => Unmeasured.Count > 0;
}
