using BundleBudget.Core.Assets;
using BundleBudget.Core.Budgets;

namespace BundleBudget.Core.Evaluation;

/// <summary>A file measured against a budget with scope <c>each</c> that broke one of its limits.</summary>
public sealed record OffendingFile(Asset Asset, long Actual, BudgetStatus Status);

/// <summary>The verdict on one budget.</summary>
/// <param name="Actual">For scope total, the sum over the matching files; for scope each, the largest matching file.</param>
/// <param name="MatchedFiles">How many counted files the budget matched.</param>
/// <param name="SizeKind">The size compared, in words: "gzip", "raw", or "gzip (images, fonts and media raw)".</param>
public sealed record BudgetResult(Budget Budget, BudgetStatus Status, long Actual, int MatchedFiles, IReadOnlyList<OffendingFile> Offenders, string SizeKind);
