using BundleBudget.Core.Compare;
using BundleBudget.Core.Reports;

namespace BundleBudget.Core.Evaluation;

/// <summary>The base branch's budgets, for <c>maximumGrowth</c>: read from its JSON report, or why there are none.</summary>
public sealed record BaselineBudgets(IReadOnlyList<ReportBudget>? Budgets, string? WhyNone)
{
    /// <summary>Reads the budgets of a base report; a missing, damaged or foreign report is a reason, never an exception.</summary>
    public static BaselineBudgets Read(string? path)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            return new(null, "no base report was given: pass the base branch's JSON report with --baseline (MSBuild: BundleBudgetBaselineReport)");
        }

        if (!File.Exists(path))
        {
            return new(null, $"the base report {path} does not exist yet (the first build of a branch has none)");
        }

        try
        {
            return new(ReportSnapshot.Read(path).Budgets, null);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return new(null, $"the base report cannot be read: {e.Message}");
        }
    }
}

/// <summary>A budget's growth since the base: the base's value and the change, or why it was not evaluated.</summary>
public sealed record BudgetGrowth(Budgets.GrowthLimit Limit, long? Base, long? Change, string? NotEvaluated, BudgetStatus Status);
