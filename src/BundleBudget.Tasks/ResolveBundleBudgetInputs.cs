using BundleBudget.Core;
using BundleBudget.Core.Budgets;
using BundleBudget.Core.Imports;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace BundleBudget.Tasks;

/// <summary>
/// Finds what the check will read, so that the target can skip an unchanged check: the output folder (the property,
/// else the budget's outputPath, else wwwroot) and the source files its import analysis reads. Problems in the
/// budget file are left to the check itself.
/// </summary>
public sealed class ResolveBundleBudgetInputs : BundleBudgetTask
{
    [Required]
    public string BudgetFile { get; set; } = string.Empty;

    public string? OutputPath { get; set; }

    public string? DefaultOutputPath { get; set; }

    [Output]
    public string ResolvedOutputPath { get; private set; } = string.Empty;

    [Output]
    public ITaskItem[] SourceFiles { get; private set; } = [];

    protected override void ExecuteCore()
    {
        var budget = BudgetFileReader.Read(BudgetFile).File;
        ResolvedOutputPath = BudgetCheck.ResolveOutputFolder(new CheckOptions(BudgetFile, OutputPath, DefaultOutputPath), budget) ?? string.Empty;
        if (budget is { Imports.Rules.Count: > 0 })
        {
            SourceFiles = SourceFileFinder.Find(Path.GetDirectoryName(budget.Path)!, budget.Imports.Sources)
                .Select(f => (ITaskItem)new TaskItem(f.FullPath))
                .ToArray();
        }
    }
}
