using BundleBudget.Core.Imports;

namespace BundleBudget.Core.Budgets;

/// <summary>A budget.json as read: where it is, what folder it checks, its budgets and its import analysis settings.</summary>
/// <param name="OutputPath">The <c>outputPath</c> it names, resolved against its own folder, or null when absent.</param>
public sealed record BudgetFile(string Path, string? OutputPath, Compression Compression, IReadOnlyList<Budget> Budgets, ImportSettings Imports);
