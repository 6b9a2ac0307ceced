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
            Uri UrlOf(PageToMeasure page) => new(servers[page.ServedFolder].Origin, string.Join('/', page.UrlPath.Split('/').Select(Uri.EscapeDataString)));
            foreach (var page in request.Pages)
            {
                await timer.WarmUpAsync(UrlOf(page), cancellation).ConfigureAwait(false);
            }

            var order = request.Interleave
                ? Enumerable.Range(0, request.Runs).SelectMany(_ => request.Pages)
                : request.Pages.SelectMany(p => Enumerable.Repeat(p, request.Runs));
            foreach (var page in order)
            {
                if (failures.ContainsKey(page))
                {
                    continue;
                }

                var url = UrlOf(page);
                try
                {
                    runs[page].Add(await timer.RunAsync(url, throttling, request.Interactivity, cancellation).ConfigureAwait(false));
                }
                catch (Exception e) when (e is not (OperationCanceledException or OutOfMemoryException))
                {
                    failures[page] = $"run {runs[page].Count + 1} of {request.Runs} failed: {e.Message}";
                }
            }

            return request.Pages.Select(p => failures.TryGetValue(p, out var failure)
                ? new MeasuredPage(p.Page, new Dictionary<BudgetMetric, MetricSummary>(), runs[p].Count, 0, 0, 0) { Failure = failure }
                : PageTimings.Summarise(p.Page, runs[p], request.Device)).ToList();
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
}
