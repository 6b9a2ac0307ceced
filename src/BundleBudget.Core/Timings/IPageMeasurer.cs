namespace BundleBudget.Core.Timings;

/// <summary>A page to load: its path as the report names it, the folder it is served from, and its URL path there.</summary>
public sealed record PageToMeasure(string Page, string ServedFolder, string UrlPath);

/// <summary>What to measure and how: the pages, the device emulated (throttling and the score's curves), runs per page.</summary>
public sealed record MeasureRequest(IReadOnlyList<PageToMeasure> Pages, TimingDevice Device, int Runs, bool SpaFallback)
{
    /// <summary>
    /// Run the pages in turn, one run of each then the next round (ABAB...), instead of all runs of one page first: for
    /// comparing two builds, so that what drifts on the machine while it measures falls on both alike.
    /// </summary>
    public bool Interleave { get; init; }

    /// <summary>
    /// Whether TTI is measured, and with it TBT and the score: each run then watches the page until it has seen the five
    /// quiet seconds TTI needs, as Lighthouse does with DevTools throttling. Without it a run ends as Lighthouse's default
    /// does, a second after the load event and FCP with the network and main thread quiet: seconds sooner.
    /// </summary>
    public bool Interactivity { get; init; } = true;
}

/// <summary>A page measured over its runs: each metric's summary (a metric no run reported is absent).</summary>
/// <param name="RunsThatShifted">How many runs shifted the layout at all.</param>
/// <param name="TransferredBytes">The median bytes the browser transferred for the page and what it loaded.</param>
/// <param name="Requests">The median number of requests the page made.</param>
public sealed record MeasuredPage(string Page, IReadOnlyDictionary<BudgetMetric, MetricSummary> Metrics, int Runs, int RunsThatShifted, long TransferredBytes, int Requests)
{
    /// <summary>Why the page's runs failed (it would not load, or timed out), else null.</summary>
    public string? Failure { get; init; }

    /// <summary>What the browser fetched, by type (script, stylesheet, image, font, document, ...): the median over the runs of the requests and bytes of each.</summary>
    public IReadOnlyDictionary<string, ResourceTotal> ByType { get; init; } = new Dictionary<string, ResourceTotal>();

    /// <summary>Each metric's value in each run that reported it, in run order: what a comparison resamples.</summary>
    public IReadOnlyDictionary<BudgetMetric, IReadOnlyList<double>> Samples { get; init; } = new Dictionary<BudgetMetric, IReadOnlyList<double>>();
}

/// <summary>
/// Loads pages in a real browser and measures them. The engine knows only this: the browser assembly implements it, and
/// a host that measures passes one (a check that measures nothing never loads the browser code).
/// </summary>
public interface IPageMeasurer
{
    /// <summary>Measures each page, one run after another.</summary>
    /// <exception cref="MeasurementUnavailableException">No browser, or it could not start: the message says what to install or set.</exception>
    IReadOnlyList<MeasuredPage> Measure(MeasureRequest request, CancellationToken cancellation = default);
}

/// <summary>Measuring cannot happen here (no browser found, or it would not start); the message says what to do.</summary>
public sealed class MeasurementUnavailableException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>Requests of one type and the bytes the browser transferred for them.</summary>
public sealed record ResourceTotal(int Requests, long TransferredBytes);
