using BundleBudget.Core.Diagnostics;

namespace BundleBudget.Core.Timings;

/// <summary>The codes of the browser timings (documented in README.md with what to do).</summary>
public static class TimingsDiagnostics
{
    /// <summary>Pages could not be measured at all: no browser, or it would not start.</summary>
    public const string CannotMeasure = "BB4001";

    /// <summary>A page that cannot be measured from the output folder, or whose runs failed.</summary>
    public const string PageNotMeasured = "BB4002";

    /// <summary>Timing budgets with measuring off: they are not evaluated.</summary>
    public const string MeasuringOff = "BB4003";

    /// <summary>Budgets on a regression only, which a check of one build does not judge.</summary>
    public const string RegressionNotJudged = "BB4004";

    /// <summary>compare --measure: a metric got worse than its budget's maximumRegression allows, with confidence.</summary>
    public const string Regressed = "BB4005";

    public static IReadOnlyList<DiagnosticDescriptor> Descriptors { get; } =
    [
        new(CannotMeasure, "CannotMeasure", "Pages could not be measured: no browser was found, or it would not start; every timing budget is incomplete.", DiagnosticCategory.Timings, Severity.Error),
        new(PageNotMeasured, "PageNotMeasured", "A page could not be measured (a server-rendered layout, or its runs failed); its timing budgets are incomplete.", DiagnosticCategory.Timings, Severity.Warning),
        new(RegressionNotJudged, "RegressionNotJudged", "Timing budgets with only a maximumRegression: compare --measure judges them against the base branch, a check of one build does not.", DiagnosticCategory.Timings, Severity.Info),
        new(Regressed, "Regressed", "compare --measure: a metric regressed beyond its budget's maximumRegression, outside the run-to-run noise at the confidence asked.", DiagnosticCategory.Timings, Severity.Error),
        new(MeasuringOff, "MeasuringOff", "budget.json has timing budgets and measuring is off (it takes seconds, so it is opt-in): they are incomplete.", DiagnosticCategory.Timings, Severity.Warning),
    ];
}
