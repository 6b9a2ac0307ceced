using BundleBudget.Core.Fonts;
using BundleBudget.Core.Images;
using BundleBudget.Core.Imports;

namespace BundleBudget.Core.Budgets;

/// <summary>A budget.json as read: where it is, what folder it checks, its budgets and its import analysis settings.</summary>
/// <param name="OutputPath">The <c>outputPath</c> it names, resolved against its own folder, or null when absent.</param>
public sealed record BudgetFile(string Path, string? OutputPath, Compression Compression, IReadOnlyList<Budget> Budgets, ImportSettings Imports)
{
    /// <summary>The entry pages named by <c>entries</c>, relative to the output folder; null for every HTML file.</summary>
    public IReadOnlyList<string>? Entries { get; init; }

    public ImageSettings Images { get; init; } = new();

    public FontSettings Fonts { get; init; } = new();
}
