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

    /// <summary>How often a settling run looks at the page at most.</summary>
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(100);

    /// <summary>Lighthouse's default quiet after the load event and FCP (pauseAfterLoadMs, networkQuietThresholdMs, cpuQuietThresholdMs).</summary>
    private const double LoadQuiet = 1000;

    private readonly IBrowser _browser;

    private PageTimer(IBrowser browser) => _browser = browser;

    /// <summary>Starts the browser: headless, without a sandbox only when running as root (which Chromium requires).</summary>
    public static async Task<PageTimer> StartAsync(string executable)
    {
        var browser = await Puppeteer.LaunchAsync(HeadlessOptions(executable)).ConfigureAwait(false);
        return new PageTimer(browser);
    }

    /// <summary>How BundleBudget starts an installed Chromium, Chrome or Edge: headless, its own profile, no sandbox only as root.</summary>
    public static LaunchOptions HeadlessOptions(string executable)
    {
        var arguments = new List<string> { "--headless=new", "--disable-dev-shm-usage", "--no-first-run", "--no-default-browser-check", "--disable-extensions" };
        if (!OperatingSystem.IsWindows() && Environment.UserName == "root")
        {
            arguments.Add("--no-sandbox");
        }

        return new LaunchOptions { ExecutablePath = executable, Headless = true, Args = [.. arguments], Timeout = 60_000 };
    }

    /// <summary>
    /// Loads the page once, unthrottled and unmeasured: the first load from a just-started server and browser pays for
    /// compiling their code (a tenth of a second and more here), which would otherwise fall on the first measured run
    /// alone and widen the spread. A page that fails to load is left for its measured runs to report.
    /// </summary>
    public async Task WarmUpAsync(Uri url, CancellationToken cancellation = default)
    {
        await using var context = await _browser.CreateBrowserContextAsync().ConfigureAwait(false);
        var page = await context.NewPageAsync().ConfigureAwait(false);
        try
        {
            await page.GoToAsync(url.AbsoluteUri, new NavigationOptions { WaitUntil = [WaitUntilNavigation.Load], Timeout = 30_000 }).WaitAsync(cancellation).ConfigureAwait(false);
        }
        catch (Exception e) when (e is PuppeteerException or TimeoutException)
        {
        }
    }

    /// <summary>Loads the page once and watches it until it has seen what the metrics need (see <see cref="SettleAsync"/>).</summary>
    /// <param name="interactivity">Whether TTI is measured (and TBT and the score, which need it): the run then waits for five quiet seconds after it.</param>
    public async Task<PageRun> RunAsync(Uri url, Throttling throttling, bool interactivity = true, CancellationToken cancellation = default)
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

        var inFlight = 0;
        page.Request += (_, _) => Interlocked.Increment(ref inFlight);
        page.RequestFinished += (_, _) => Interlocked.Decrement(ref inFlight);
        page.RequestFailed += (_, _) => Interlocked.Decrement(ref inFlight);
        page.Response += Answered;
        var document = await page.GoToAsync(url.AbsoluteUri, new NavigationOptions { WaitUntil = [WaitUntilNavigation.Load], Timeout = 120_000 }).WaitAsync(cancellation).ConfigureAwait(false);
        if (document is null || !document.Ok)
        {
            throw new PageLoadFailedException($"the page itself answered {(document is null ? "nothing" : ((int)document.Status).ToString(System.Globalization.CultureInfo.InvariantCulture))}");
        }

        var run = await SettleAsync(page, () => Volatile.Read(ref inFlight), interactivity, cancellation).ConfigureAwait(false);
        page.Response -= Answered;
        lock (failed)
        {
            if (failed.Count > 0)
            {
                // What the output does not have is not measured: timings without it would be better than the real page's.
                throw new PageLoadFailedException($"{failed.Count} of its requests to the output failed: {string.Join(", ", failed.Distinct().Take(3))}");
            }
        }

        return run;
    }

    /// <summary>
    /// Watches the page after its load event until it has seen what the metrics need, or <see cref="MaxSettle"/>, and
    /// returns what the page observed then. With <paramref name="interactivity"/>, that is TTI's five quiet seconds (no
    /// long task, at most two requests in flight) after it; without, Lighthouse's default wait: a second after the load
    /// event and FCP with the network and the main thread quiet.
    /// </summary>
    private static async Task<PageRun> SettleAsync(IPage page, Func<int> inFlight, bool interactivity, CancellationToken cancellation)
    {
        var deadline = DateTime.UtcNow + MaxSettle;
        while (true)
        {
            var run = Parse(await page.EvaluateExpressionAsync<string>(ObserverScript.Collect).ConfigureAwait(false));

            // Requests still in flight are not in the page's resource timing yet: more than two is never quiet.
            var stillNeeded = inFlight() > 2 ? Poll.TotalMilliseconds : StillNeeded(run, interactivity);
            if (stillNeeded is null || DateTime.UtcNow >= deadline)
            {
                return run;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(Math.Clamp(stillNeeded.Value, Poll.TotalMilliseconds, 1000)), cancellation).ConfigureAwait(false);
        }
    }

    /// <summary>How long the run must still watch, on the page's clock, if nothing else happens; null when it has seen enough.</summary>
    internal static double? StillNeeded(PageRun run, bool interactivity)
    {
        if (run.ObservedUntil is not { } now || run.Load is not { } load)
        {
            return Poll.TotalMilliseconds;
        }

        if (interactivity && run.Fcp is { } fcp)
        {
            return run.Tti is not null ? null : Math.Max(Interactivity.TimeToInteractive(fcp, run.LongTasks, run.Requests) + Interactivity.QuietWindow - now, Poll.TotalMilliseconds);
        }

        // Without FCP there is no TTI to wait for: quiet as long as it would need, then the run ends without one.
        var quiet = interactivity ? Interactivity.QuietWindow : LoadQuiet;
        var lastActivity = new[] { load, run.Fcp ?? 0 }.Concat(run.Requests.Select(r => r.End)).Concat(run.LongTasks.Select(t => t.End)).Max();
        var needed = lastActivity + quiet - now;
        return needed > 0 ? needed : null;
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
