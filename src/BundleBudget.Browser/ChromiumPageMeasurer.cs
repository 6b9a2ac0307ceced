using BundleBudget.Core.Timings;
using PuppeteerSharp;

namespace BundleBudget.Browser;

/// <summary>
/// The engine's <see cref="IPageMeasurer"/> in an installed Chromium, Chrome or Edge: one browser for all pages, each
/// output folder served over loopback as production serves it, each page loaded the number of runs asked, one run after
/// another, with the device's throttling.
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

        try
        {
            var throttling = request.Device == TimingDevice.Desktop ? Throttling.Desktop : Throttling.MobileDevTools;
            var measured = new List<MeasuredPage>();
            foreach (var group in request.Pages.GroupBy(p => p.ServedFolder, StringComparer.Ordinal))
            {
                LoopbackServer server;
                try
                {
                    server = LoopbackServer.Start(group.Key, request.SpaFallback);
                }
                catch (Exception e) when (e is System.Net.HttpListenerException or IOException or InvalidOperationException)
                {
                    throw new MeasurementUnavailableException($"The output could not be served on a loopback port ({e.Message}).", e);
                }

                await using var served = server;
                foreach (var page in group)
                {
                    measured.Add(await MeasurePageAsync(timer, server, page, throttling, request, cancellation).ConfigureAwait(false));
                }
            }

            return measured;
        }
        finally
        {
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

    private static async Task<MeasuredPage> MeasurePageAsync(PageTimer timer, LoopbackServer server, PageToMeasure page, Throttling throttling, MeasureRequest request, CancellationToken cancellation)
    {
        var url = new Uri(server.Origin, string.Join('/', page.UrlPath.Split('/').Select(Uri.EscapeDataString)));
        var runs = new List<PageRun>();
        try
        {
            for (var run = 0; run < request.Runs; run++)
            {
                runs.Add(await timer.RunAsync(url, throttling, cancellation).ConfigureAwait(false));
            }
        }
        catch (Exception e) when (e is not (OperationCanceledException or OutOfMemoryException))
        {
            return new MeasuredPage(page.Page, new Dictionary<BudgetMetric, MetricSummary>(), runs.Count, 0, 0, 0) { Failure = $"run {runs.Count + 1} of {request.Runs} failed: {e.Message}" };
        }

        var timings = new PageTimings(page.Page, runs);
        var metrics = new Dictionary<BudgetMetric, MetricSummary>();
        void Add(BudgetMetric metric, MetricSummary? summary)
        {
            if (summary is not null)
            {
                metrics[metric] = summary;
            }
        }

        Add(BudgetMetric.Fcp, timings.Fcp);
        Add(BudgetMetric.Lcp, timings.Lcp);
        Add(BudgetMetric.Cls, timings.Cls);
        Add(BudgetMetric.Tbt, timings.Tbt);
        Add(BudgetMetric.Tti, timings.Tti);
        Add(BudgetMetric.Load, timings.Load);
        Add(BudgetMetric.Score, timings.Score(request.Device));
        var bytes = MetricSummary.Of(runs.Select(r => (double?)r.TransferredBytes))!.Median;
        var requests = MetricSummary.Of(runs.Select(r => (double?)r.Requests.Count))!.Median;
        return new MeasuredPage(page.Page, metrics, runs.Count, timings.RunsThatShifted, (long)bytes, (int)requests);
    }
}
