using BundleBudget.Core.Timings;
using PuppeteerSharp;

namespace BundleBudget.Browser;

/// <summary>
/// The engine's <see cref="IPageMeasurer"/> in an installed Chromium, Chrome or Edge: one browser for all pages, each
/// output folder served over loopback as production serves it, each page loaded the number of runs asked, one run after
/// another (page by page, or round by round when interleaved), with the device's throttling.
/// </summary>
/// <param name="browser">The browser the user named (--browser, BundleBudgetBrowser); null finds one.</param>
public sealed class ChromiumPageMeasurer(string? browser = null) : IPageMeasurer
{
    public IReadOnlyList<MeasuredPage> Measure(MeasureRequest request, CancellationToken cancellation = default) =>
        Task.Run(() => MeasureAsync(request, cancellation), cancellation).GetAwaiter().GetResult();

    private async Task<IReadOnlyList<MeasuredPage>> MeasureAsync(MeasureRequest request, CancellationToken cancellation)
    {
        var found = BrowserLocator.Find(browser, Environment.GetEnvironmentVariable);
        if (found.Path is not { } executable)
        {
            throw new MeasurementUnavailableException(found.Problem!);
        }

        PageTimer timer;
        try
        {
            timer = await PageTimer.StartAsync(executable).ConfigureAwait(false);
        }
        catch (Exception e) when (e is PuppeteerException or IOException or System.ComponentModel.Win32Exception or TimeoutException or InvalidOperationException)
        {
            throw new MeasurementUnavailableException($"The browser {executable} would not start ({e.Message}). Check that it runs here (a container may need --no-sandbox, which BundleBudget adds as root), or name another with --browser.", e);
        }

        var servers = new Dictionary<string, LoopbackServer>(StringComparer.Ordinal);
        try
        {
            foreach (var folder in request.Pages.Select(p => p.ServedFolder).Distinct(StringComparer.Ordinal))
            {
                try
                {
                    servers[folder] = LoopbackServer.Start(folder, request.SpaFallback);
                }
                catch (Exception e) when (e is System.Net.HttpListenerException or IOException or InvalidOperationException)
                {
                    throw new MeasurementUnavailableException($"The output could not be served on a loopback port ({e.Message}).", e);
                }
            }

            var throttling = request.Device == TimingDevice.Desktop ? Throttling.Desktop : Throttling.MobileDevTools;
            var runs = request.Pages.ToDictionary(p => p, _ => new List<PageRun>());
            var failures = new Dictionary<PageToMeasure, string>();
            var order = request.Interleave
                ? Enumerable.Range(0, request.Runs).SelectMany(_ => request.Pages)
                : request.Pages.SelectMany(p => Enumerable.Repeat(p, request.Runs));
            foreach (var page in order)
            {
                if (failures.ContainsKey(page))
                {
                    continue;
                }

                var url = new Uri(servers[page.ServedFolder].Origin, string.Join('/', page.UrlPath.Split('/').Select(Uri.EscapeDataString)));
                try
                {
                    runs[page].Add(await timer.RunAsync(url, throttling, cancellation).ConfigureAwait(false));
                }
                catch (Exception e) when (e is not (OperationCanceledException or OutOfMemoryException))
                {
                    failures[page] = $"run {runs[page].Count + 1} of {request.Runs} failed: {e.Message}";
                }
            }

            return request.Pages.Select(p => failures.TryGetValue(p, out var failure)
                ? new MeasuredPage(p.Page, new Dictionary<BudgetMetric, MetricSummary>(), runs[p].Count, 0, 0, 0) { Failure = failure }
                : Summarise(p.Page, runs[p], request.Device)).ToList();
        }
        finally
        {
            foreach (var server in servers.Values)
            {
                await server.DisposeAsync().ConfigureAwait(false);
            }

            try
            {
                await timer.DisposeAsync().ConfigureAwait(false);
            }
            catch (Exception e) when (e is PuppeteerException or IOException or InvalidOperationException)
            {
                // A browser that crashed is closed already; what it measured stands.
            }
        }
    }

    private static MeasuredPage Summarise(string page, IReadOnlyList<PageRun> runs, TimingDevice device)
    {
        var timings = new PageTimings(page, runs);
        var samples = new Dictionary<BudgetMetric, IReadOnlyList<double>>
        {
            [BudgetMetric.Fcp] = runs.Select(r => r.Fcp).OfType<double>().ToList(),
            [BudgetMetric.Lcp] = runs.Select(r => r.Lcp).OfType<double>().ToList(),
            [BudgetMetric.Cls] = runs.Select(r => r.Cls).ToList(),
            [BudgetMetric.Tbt] = runs.Select(r => r.Tbt).OfType<double>().ToList(),
            [BudgetMetric.Tti] = runs.Select(r => r.Tti).OfType<double>().ToList(),
            [BudgetMetric.Load] = runs.Select(r => r.Load).OfType<double>().ToList(),
            [BudgetMetric.Score] = timings.Scores(device),
        };
        var metrics = samples.Where(s => s.Value.Count > 0).ToDictionary(s => s.Key, s => MetricSummary.Of(s.Value.Select(v => (double?)v))!);
        var bytes = MetricSummary.Of(runs.Select(r => (double?)r.TransferredBytes))!.Median;
        var requests = MetricSummary.Of(runs.Select(r => (double?)r.Requests.Count))!.Median;
        return new MeasuredPage(page, metrics, runs.Count, timings.RunsThatShifted, (long)bytes, (int)requests)
        {
            Samples = samples.Where(s => s.Value.Count > 0).ToDictionary(s => s.Key, s => s.Value),
            ByType = ByType(runs),
        };
    }

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
