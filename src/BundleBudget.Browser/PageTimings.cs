using BundleBudget.Core.Timings;

namespace BundleBudget.Browser;

/// <summary>A page's runs, summarised into what the engine compares: each metric over the runs, and what the browser fetched.</summary>
internal static class PageTimings
{
    public static MeasuredPage Summarise(string page, IReadOnlyList<PageRun> runs, TimingDevice device)
    {
        var samples = new Dictionary<BudgetMetric, IReadOnlyList<double>>
        {
            [BudgetMetric.Fcp] = runs.Select(r => r.Fcp).OfType<double>().ToList(),
            [BudgetMetric.Lcp] = runs.Select(r => r.Lcp).OfType<double>().ToList(),
            [BudgetMetric.Cls] = runs.Select(r => r.Cls).ToList(),
            [BudgetMetric.Tbt] = runs.Select(r => r.Tbt).OfType<double>().ToList(),
            [BudgetMetric.Tti] = runs.Select(r => r.Tti).OfType<double>().ToList(),
            [BudgetMetric.Load] = runs.Select(r => r.Load).OfType<double>().ToList(),
            [BudgetMetric.Score] = Scores(runs, device),
        };
        var metrics = samples.Where(s => s.Value.Count > 0).ToDictionary(s => s.Key, s => MetricSummary.Of(s.Value.Select(v => (double?)v))!);
        var bytes = MetricSummary.Of(runs.Select(r => (double?)r.TransferredBytes))!.Median;
        var requests = MetricSummary.Of(runs.Select(r => (double?)r.Requests.Count))!.Median;

        // How many runs shifted the layout at all: CLS varies most between runs, so how often it happens says as much as its median.
        var shifted = runs.Count(r => r.Cls > 0);
        return new MeasuredPage(page, metrics, runs.Count, shifted, (long)bytes, (int)requests)
        {
            Samples = samples.Where(s => s.Value.Count > 0).ToDictionary(s => s.Key, s => s.Value),
            ByType = ByType(runs),
        };
    }

    /// <summary>
    /// The performance score (0 to 100) of each run that reported FCP, LCP and TBT, in run order: from FCP, LCP, TBT and
    /// CLS (Speed Index is not measured and its weight is shared out).
    /// </summary>
    public static IReadOnlyList<double> Scores(IReadOnlyList<PageRun> runs, TimingDevice device) => runs.Select(r =>
    {
        if (r.Fcp is not { } fcp || r.Lcp is not { } lcp || r.Tbt is not { } tbt)
        {
            return (double?)null;
        }

        var values = new Dictionary<TimingMetric, double> { [TimingMetric.Fcp] = fcp, [TimingMetric.Lcp] = lcp, [TimingMetric.Tbt] = tbt, [TimingMetric.Cls] = r.Cls };
        return PerformanceScore.CategoryScore(values, device, out _) * 100;
    }).OfType<double>().ToList();

    /// <summary>Each type's requests and bytes, the median over the runs (a run without that type counts 0), typed by the URL's path as the output's files are.</summary>
    private static Dictionary<string, ResourceTotal> ByType(IReadOnlyList<PageRun> runs)
    {
        static string TypeOf(string url) => Uri.TryCreate(url, UriKind.Absolute, out var uri)
            ? Core.Assets.AssetTypeExtensions.ToWireName(Core.Assets.AssetClassifier.Classify(uri.AbsolutePath.EndsWith('/') ? uri.AbsolutePath + "index.html" : uri.AbsolutePath))
            : "other";
        var perRun = runs.Select(r => r.Resources.GroupBy(x => TypeOf(x.Url)).ToDictionary(g => g.Key, g => (Count: g.Count(), Bytes: g.Sum(x => x.Bytes)))).ToList();
        return perRun.SelectMany(r => r.Keys).Distinct().Order(StringComparer.Ordinal).ToDictionary(
            type => type,
            type => new ResourceTotal(
                (int)MetricSummary.Of(perRun.Select(r => (double?)(r.TryGetValue(type, out var t) ? t.Count : 0)))!.Median,
                (long)MetricSummary.Of(perRun.Select(r => (double?)(r.TryGetValue(type, out var t) ? t.Bytes : 0)))!.Median));
    }
}
