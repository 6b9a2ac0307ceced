namespace BundleBudget.Browser;

/// <summary>A main-thread task of over 50 ms, on the page's clock (ms since navigation start).</summary>
public sealed record LongTask(double Start, double Duration)
{
    public double End => Start + Duration;
}

/// <summary>A request of the page, on the page's clock: from its start to the end of its response.</summary>
public sealed record RequestSpan(double Start, double End);

/// <summary>
/// One load of a page in a fresh browser context, as the browser observed it: the metrics in milliseconds since
/// navigation start (CLS unitless), and what it transferred. A metric the browser did not report is null.
/// </summary>
public sealed record PageRun(
    double? Fcp,
    double? Lcp,
    double Cls,
    double? Load,
    IReadOnlyList<LongTask> LongTasks,
    IReadOnlyList<RequestSpan> Requests,
    long TransferredBytes)
{
    /// <summary>Each request of the run, the document first: its URL and the bytes transferred for it (0 when the browser does not say).</summary>
    public IReadOnlyList<(string Url, long Bytes)> Resources { get; init; } = [];

    /// <summary>When the run stopped observing the page, on its clock; null when not known (then TTI is taken as seen through).</summary>
    public double? ObservedUntil { get; init; }

    /// <summary>
    /// Time to Interactive, as Lighthouse defines it (<see cref="Interactivity"/>); null without FCP, or when the run did
    /// not see the quiet seconds after it that make it TTI.
    /// </summary>
    public double? Tti => Fcp is { } fcp && Interactivity.TimeToInteractive(fcp, LongTasks, Requests) is var tti
        && (ObservedUntil is not { } until || Interactivity.QuietSeenAfter(tti, LongTasks, Requests, until)) ? tti : null;

    /// <summary>Total Blocking Time between FCP and TTI.</summary>
    public double? Tbt => Fcp is { } fcp && Tti is { } tti ? Interactivity.TotalBlockingTime(fcp, tti, LongTasks) : null;
}
