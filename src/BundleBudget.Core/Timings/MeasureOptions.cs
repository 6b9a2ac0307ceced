namespace BundleBudget.Core.Timings;

/// <summary>
/// A host's request to measure pages in a browser (the CLI's --measure, MSBuild's BundleBudgetMeasure=true): the
/// measurer, and the host's overrides of budget.json's <c>timings</c> settings.
/// </summary>
public sealed record MeasureOptions(IPageMeasurer Measurer)
{
    public int? Runs { get; init; }

    public TimingDevice? Device { get; init; }

    /// <summary>Stops measuring (a cancelled build): the pages are not measured and the timing budgets are incomplete.</summary>
    public CancellationToken Cancellation { get; init; }
}
