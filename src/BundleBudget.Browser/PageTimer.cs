using System.Text.Json;
using PuppeteerSharp;

namespace BundleBudget.Browser;

/// <summary>
/// Loads pages in an installed browser, one run after another (never in parallel), each in a fresh context with the
/// cache disabled and the throttling applied, and reads what the page observed. One browser process for all runs.
/// </summary>
public sealed class PageTimer : IAsyncDisposable
{
    /// <summary>How long a run waits after the load event for the page to go quiet, at most.</summary>
    private static readonly TimeSpan MaxSettle = TimeSpan.FromSeconds(15);

    private readonly IBrowser _browser;

    private PageTimer(IBrowser browser) => _browser = browser;

    /// <summary>Starts the browser: headless, without a sandbox only when running as root (which Chromium requires).</summary>
    public static async Task<PageTimer> StartAsync(string executable)
    {
        var arguments = new List<string> { "--headless=new", "--disable-dev-shm-usage", "--no-first-run", "--no-default-browser-check", "--disable-extensions" };
        if (!OperatingSystem.IsWindows() && Environment.UserName == "root")
        {
            arguments.Add("--no-sandbox");
        }

        var browser = await Puppeteer.LaunchAsync(new LaunchOptions { ExecutablePath = executable, Headless = true, Args = [.. arguments], Timeout = 60_000 }).ConfigureAwait(false);
        return new PageTimer(browser);
    }

    public async Task<PageRun> RunAsync(Uri url, Throttling throttling, CancellationToken cancellation = default)
    {
        await using var context = await _browser.CreateBrowserContextAsync().ConfigureAwait(false);
        var page = await context.NewPageAsync().ConfigureAwait(false);
        await page.SetCacheEnabledAsync(false).ConfigureAwait(false);
        await page.SetViewportAsync(new ViewPortOptions { Width = throttling.Width, Height = throttling.Height, DeviceScaleFactor = throttling.DeviceScaleFactor, IsMobile = throttling.Mobile, HasTouch = throttling.Mobile }).ConfigureAwait(false);
        var session = await page.CreateCDPSessionAsync().ConfigureAwait(false);
        if (throttling.RoundTripMilliseconds > 0 || throttling.DownKbps > 0)
        {
            await session.SendAsync("Network.enable").ConfigureAwait(false);
            await session.SendAsync("Network.emulateNetworkConditions", new Dictionary<string, object>
            {
                ["offline"] = false,
                ["latency"] = throttling.RoundTripMilliseconds,
                ["downloadThroughput"] = throttling.DownKbps * 1024 / 8,
                ["uploadThroughput"] = throttling.UpKbps * 1024 / 8,
            }).ConfigureAwait(false);
        }

        if (throttling.CpuSlowdown > 1)
        {
            await session.SendAsync("Emulation.setCPUThrottlingRate", new Dictionary<string, object> { ["rate"] = throttling.CpuSlowdown }).ConfigureAwait(false);
        }

        await page.EvaluateExpressionOnNewDocumentAsync(ObserverScript.Source).ConfigureAwait(false);
        var failed = new List<string>();
        var origin = url.GetLeftPart(UriPartial.Authority);
        void Answered(object? sender, ResponseCreatedEventArgs e)
        {
            if ((int)e.Response.Status >= 400 && e.Response.Url.StartsWith(origin, StringComparison.Ordinal) && !e.Response.Url.EndsWith("/favicon.ico", StringComparison.Ordinal))
            {
                lock (failed)
                {
                    failed.Add($"{new Uri(e.Response.Url).AbsolutePath} ({(int)e.Response.Status})");
                }
            }
        }

        page.Response += Answered;
        var document = await page.GoToAsync(url.AbsoluteUri, new NavigationOptions { WaitUntil = [WaitUntilNavigation.Load], Timeout = 120_000 }).ConfigureAwait(false);
        if (document is null || !document.Ok)
        {
            throw new PageLoadFailedException($"the page itself answered {(document is null ? "nothing" : ((int)document.Status).ToString(System.Globalization.CultureInfo.InvariantCulture))}");
        }

        await SettleAsync(page, cancellation).ConfigureAwait(false);
        page.Response -= Answered;
        lock (failed)
        {
            if (failed.Count > 0)
            {
                // What the output does not have is not measured: timings without it would be better than the real page's.
                throw new PageLoadFailedException($"{failed.Count} of its requests to the output failed: {string.Join(", ", failed.Distinct().Take(3))}");
            }
        }

        var json = await page.EvaluateExpressionAsync<string>(ObserverScript.Collect).ConfigureAwait(false);
        return Parse(json);
    }

    /// <summary>Waits until the network and the main thread have been quiet for the window TTI needs, or <see cref="MaxSettle"/>.</summary>
    private static async Task SettleAsync(IPage page, CancellationToken cancellation)
    {
        var inFlight = 0;
        var lastBusy = DateTime.UtcNow;
        void Started(object? sender, RequestEventArgs e) { Interlocked.Increment(ref inFlight); lastBusy = DateTime.UtcNow; }
        void Ended(object? sender, RequestEventArgs e) { Interlocked.Decrement(ref inFlight); lastBusy = DateTime.UtcNow; }
        page.Request += Started;
        page.RequestFinished += Ended;
        page.RequestFailed += Ended;
        try
        {
            // Quiet on the network, then on the main thread too: TTI needs five seconds of both after the last long task.
            var quiet = TimeSpan.FromMilliseconds(Interactivity.QuietWindow + 250);
            var deadline = DateTime.UtcNow + MaxSettle;
            while (DateTime.UtcNow < deadline)
            {
                if (DateTime.UtcNow - lastBusy < quiet)
                {
                    await Task.Delay(100, cancellation).ConfigureAwait(false);
                    continue;
                }

                var stillNeeded = await page.EvaluateExpressionAsync<double>(
                    $"(() => {{ const t = window.__bundleBudget ? window.__bundleBudget.longTasks : []; const end = t.length ? t[t.length - 1][0] + t[t.length - 1][1] : 0; return end + {quiet.TotalMilliseconds} - performance.now(); }})()").ConfigureAwait(false);
                if (stillNeeded <= 0)
                {
                    return;
                }

                await Task.Delay(TimeSpan.FromMilliseconds(Math.Min(stillNeeded, 500)), cancellation).ConfigureAwait(false);
            }
        }
        finally
        {
            page.Request -= Started;
            page.RequestFinished -= Ended;
            page.RequestFailed -= Ended;
        }
    }

    internal static PageRun Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        double? Number(string name) => root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetDouble() : null;
        IEnumerable<(double, double)> Pairs(string name) => root.GetProperty(name).EnumerateArray().Select(p => (p[0].GetDouble(), p[1].GetDouble()));
        return new PageRun(
            Number("fcp"),
            Number("lcp"),
            LayoutShifts.Cumulative(root.GetProperty("shifts").EnumerateArray().Select(p => (p[0].GetDouble(), p[1].GetDouble(), p.GetArrayLength() > 2 && p[2].GetDouble() != 0))),
            Number("load"),
            Pairs("longTasks").Select(t => new LongTask(t.Item1, t.Item2)).ToList(),
            Pairs("requests").Select(r => new RequestSpan(r.Item1, r.Item2)).ToList(),
            (long)(Number("transferred") ?? 0))
        {
            ObservedUntil = Number("now"),
            Resources = root.TryGetProperty("resources", out var resources)
                ? resources.EnumerateArray().Select(r => (r[0].GetString() ?? string.Empty, (long)r[1].GetDouble())).ToList()
                : [],
        };
    }

    public async ValueTask DisposeAsync()
    {
        await _browser.CloseAsync().ConfigureAwait(false);
        await _browser.DisposeAsync().ConfigureAwait(false);
    }
}

/// <summary>A run whose page, or a file it loads from the output, did not load: its timings would not be the page's.</summary>
public sealed class PageLoadFailedException(string message) : Exception(message);
