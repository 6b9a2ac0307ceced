using BundleBudget.Core.Budgets;
using BundleBudget.Core.Diagnostics;
using BundleBudget.Core.Evaluation;

namespace BundleBudget.Core.Timings;

/// <summary>A page measured in both builds: each metric's change, or why it could not be compared.</summary>
public sealed record PageComparison(string Page, IReadOnlyDictionary<BudgetMetric, MedianChange> Changes, string? NotCompared);

/// <summary>A budget's maximumRegression on one page: pass, error when the metric got worse beyond it with confidence, incomplete when not compared.</summary>
public sealed record RegressionVerdict(Budget Budget, string Page, MedianChange? Change, BudgetStatus Status, string Message);

/// <summary>compare --measure: the base and head builds' pages measured interleaved, each metric's median change with its interval, and the regression budgets' verdicts.</summary>
public sealed record TimingComparison(
    string BaseFolder,
    string HeadFolder,
    TimingDevice Device,
    int Runs,
    double Confidence,
    IReadOnlyList<PageComparison> Pages,
    IReadOnlyList<RegressionVerdict> Verdicts,
    IReadOnlyList<Diagnostic> Diagnostics)
{
    public bool HasInputErrors => Diagnostics.Any(d => d.Severity == Severity.Error && (d.Code.StartsWith("BB9", StringComparison.Ordinal) || d.Code == TimingsDiagnostics.CannotMeasure));

    public bool Regressed => Verdicts.Any(v => v.Status == BudgetStatus.Error);
}
