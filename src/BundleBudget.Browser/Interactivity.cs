namespace BundleBudget.Browser;

/// <summary>Time to Interactive and Total Blocking Time, as Lighthouse computes them from long tasks and network requests.</summary>
public static class Interactivity
{
    /// <summary>The quiet window TTI waits for: no long task and at most two requests in flight.</summary>
    public const double QuietWindow = 5000;

    private const double BlockingThreshold = 50;

    /// <summary>
    /// The start of the first quiet window after FCP (5 s with no long task and at most two requests in flight), moved
    /// back to the end of the last long task before it; FCP when no long task comes after it.
    /// </summary>
    public static double TimeToInteractive(double fcp, IReadOnlyList<LongTask> longTasks, IReadOnlyList<RequestSpan> requests)
    {
        var tasks = longTasks.Where(t => t.End > fcp).OrderBy(t => t.Start).ToList();

        // Candidate starts: FCP and the end of each long task; the window must hold no task start and keep the
        // network at two requests or fewer throughout.
        var candidates = new[] { fcp }.Concat(tasks.Select(t => t.End)).Where(c => c >= fcp).Order();
        foreach (var start in candidates)
        {
            var end = start + QuietWindow;
            if (tasks.Any(t => t.Start < end && t.End > start))
            {
                continue;
            }

            var busyUntil = NetworkBusyUntil(start, end, requests);
            if (busyUntil is null)
            {
                var lastTask = tasks.LastOrDefault(t => t.End <= start);
                return Math.Max(fcp, lastTask?.End ?? fcp);
            }
        }

        // Never quiet while observed: the end of the last long task (the run's end bounds what was seen).
        return Math.Max(fcp, tasks.LastOrDefault()?.End ?? fcp);
    }

    /// <summary>
    /// Whether the run saw five quiet seconds (no long task starting, at most two requests in flight) from TTI on, before
    /// it stopped observing at <paramref name="observedUntil"/>: without them TTI is not known (a page that kept
    /// polling until the run gave up), as Lighthouse reports no TTI without a network-quiet period.
    /// </summary>
    public static bool QuietSeenAfter(double tti, IReadOnlyList<LongTask> longTasks, IReadOnlyList<RequestSpan> requests, double observedUntil)
    {
        var starts = new[] { tti }.Concat(requests.Select(r => r.End)).Concat(longTasks.Select(t => t.End)).Where(s => s >= tti).Order();
        foreach (var start in starts)
        {
            var end = start + QuietWindow;
            if (end > observedUntil)
            {
                return false;
            }

            if (!longTasks.Any(t => t.Start < end && t.End > start) && NetworkBusyUntil(start, end, requests) is null)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether more than two requests are in flight at some moment of [start, end); null when never.</summary>
    private static double? NetworkBusyUntil(double start, double end, IReadOnlyList<RequestSpan> requests)
    {
        var events = requests.Where(r => r.End > start && r.Start < end)
            .SelectMany(r => new[] { (Time: Math.Max(r.Start, start), Delta: 1), (Time: Math.Min(r.End, end), Delta: -1) })
            .OrderBy(e => e.Time).ThenBy(e => e.Delta)
            .ToList();
        var inFlight = 0;
        foreach (var (time, delta) in events)
        {
            inFlight += delta;
            if (inFlight > 2)
            {
                return time;
            }
        }

        return null;
    }

    /// <summary>
    /// The sum over long tasks between FCP and TTI of their time beyond 50 ms, each clipped to that span first, as
    /// Lighthouse's TBT utilities compute it (nothing when TTI is FCP).
    /// </summary>
    public static double TotalBlockingTime(double fcp, double tti, IReadOnlyList<LongTask> longTasks)
    {
        if (tti <= fcp)
        {
            return 0;
        }

        return longTasks.Sum(task =>
        {
            if (task.Duration < BlockingThreshold || task.End < fcp || task.Start > tti)
            {
                return 0;
            }

            var clipped = Math.Min(task.End, tti) - Math.Max(task.Start, fcp);
            return clipped < BlockingThreshold ? 0 : clipped - BlockingThreshold;
        });
    }
}
