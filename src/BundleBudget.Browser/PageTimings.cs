using BundleBudget.Core.Timings;

namespace BundleBudget.Browser;

/// <summary>A page measured several times: each run, and each metric over the runs.</summary>
public sealed record PageTimings(string Page, IReadOnlyList<PageRun> Runs)
{
    public MetricSummary? Fcp => MetricSummary.Of(Runs.Select(r => r.Fcp));

    public MetricSummary? Lcp => MetricSummary.Of(Runs.Select(r => r.Lcp));

    public MetricSummary? Cls => MetricSummary.Of(Runs.Select(r => (double?)r.Cls));

    public MetricSummary? Tbt => MetricSummary.Of(Runs.Select(r => r.Tbt));

    public MetricSummary? Tti => MetricSummary.Of(Runs.Select(r => r.Tti));

    public MetricSummary? Load => MetricSummary.Of(Runs.Select(r => r.Load));

    /// <summary>How many runs shifted the layout at all: CLS varies most between runs, so how often it happens says as much as its median.</summary>
    public int RunsThatShifted => Runs.Count(r => r.Cls > 0);

    /// <summary>The performance score of each run (FCP, LCP, TBT and CLS; Speed Index is not measured and its weight is shared out), over the runs, 0 to 100.</summary>
    public MetricSummary? Score(TimingDevice device) => MetricSummary.Of(Scores(device).Select(s => (double?)s));

    /// <summary>The score of each run that reported FCP, LCP and TBT, in run order.</summary>
    public IReadOnlyList<double> Scores(TimingDevice device) => Runs.Select(r =>
    {
        if (r.Fcp is not { } fcp || r.Lcp is not { } lcp || r.Tbt is not { } tbt)
        {
            return (double?)null;
        }

        var values = new Dictionary<TimingMetric, double> { [TimingMetric.Fcp] = fcp, [TimingMetric.Lcp] = lcp, [TimingMetric.Tbt] = tbt, [TimingMetric.Cls] = r.Cls };
        return PerformanceScore.CategoryScore(values, device, out _) * 100;
    }).OfType<double>().ToList();
}

/// <summary>
/// Measures pages of an output folder: serves the folder over loopback, loads each page the given number of times, one
/// run after another and never two at once, and summarises each metric.
/// </summary>
public static class PageMeasurement
{
    public static async Task<IReadOnlyList<PageTimings>> MeasureAsync(PageTimer timer, string servedFolder, IReadOnlyList<string> pages, Throttling throttling, int runs, CancellationToken cancellation = default, bool spaFallback = false)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(runs, 1);
        await using var server = LoopbackServer.Start(servedFolder, spaFallback);
        var measured = new List<PageTimings>();
        foreach (var page in pages)
        {
            var url = new Uri(server.Origin, string.Join('/', page.Split('/').Select(Uri.EscapeDataString)));
            var pageRuns = new List<PageRun>();
            for (var run = 0; run < runs; run++)
            {
                pageRuns.Add(await timer.RunAsync(url, throttling, cancellation).ConfigureAwait(false));
            }

            measured.Add(new PageTimings(page, pageRuns));
        }

        return measured;
    }
}
