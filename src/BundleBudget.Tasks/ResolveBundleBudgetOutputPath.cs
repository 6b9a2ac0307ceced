using BundleBudget.Core;
using BundleBudget.Core.Budgets;
using Microsoft.Build.Framework;

namespace BundleBudget.Tasks;

/// <summary>
/// Finds the folder the check will read (the property, else the budget's outputPath, else wwwroot) so that the
/// target can list its files as inputs for incremental builds. Problems in the budget file are left to the check.
/// </summary>
public sealed class ResolveBundleBudgetOutputPath : BundleBudgetTask
{
    [Required]
    public string BudgetFile { get; set; } = string.Empty;

    public string? OutputPath { get; set; }

    public string? DefaultOutputPath { get; set; }

    [Output]
    public string ResolvedOutputPath { get; private set; } = string.Empty;

    protected override void ExecuteCore()
    {
        var budget = BudgetFileReader.Read(BudgetFile).File;
        ResolvedOutputPath = BudgetCheck.ResolveOutputFolder(new CheckOptions(BudgetFile, OutputPath, DefaultOutputPath), budget) ?? string.Empty;
    }
}
