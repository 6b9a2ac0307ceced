namespace BundleBudget.Browser;

/// <summary>
/// Injected before any script of the page: buffered PerformanceObservers that keep the paints, largest contentful
/// paints (until the first input), layout shifts (with whether Chrome saw recent input) and long tasks, for <see cref="PageTimer"/> to read.
/// </summary>
internal static class ObserverScript
{
    public const string Source = """
        (() => {
          const state = { fcp: null, lcp: null, shifts: [], longTasks: [], input: false };
          Object.defineProperty(window, '__bundleBudget', { value: state, enumerable: false });
          const observe = (type, onEntry) => {
            try { new PerformanceObserver(list => list.getEntries().forEach(onEntry)).observe({ type, buffered: true }); } catch (e) { }
          };
          observe('paint', e => { if (e.name === 'first-contentful-paint') state.fcp = e.startTime; });
          observe('largest-contentful-paint', e => { if (!state.input) state.lcp = e.renderTime || e.loadTime || e.startTime; });
          observe('layout-shift', e => state.shifts.push([e.startTime, e.value, e.hadRecentInput ? 1 : 0]));
          observe('longtask', e => state.longTasks.push([e.startTime, e.duration]));
          ['keydown', 'pointerdown'].forEach(t => addEventListener(t, () => { state.input = true; }, { capture: true, once: true }));
        })();
        """;

    /// <summary>Read after the run: the metrics, the requests (from resource timing, on the page's clock) and the bytes transferred.</summary>
    public const string Collect = """
        (() => {
          const state = window.__bundleBudget;
          const nav = performance.getEntriesByType('navigation')[0];
          const resources = performance.getEntriesByType('resource');
          const requests = [[nav ? nav.startTime : 0, nav ? nav.responseEnd : 0]].concat(resources.map(r => [r.startTime, r.responseEnd]));
          const transferred = (nav ? nav.transferSize : 0) + resources.reduce((sum, r) => sum + (r.transferSize || 0), 0);
          return JSON.stringify({
            fcp: state.fcp, lcp: state.lcp, shifts: state.shifts, longTasks: state.longTasks,
            load: nav && nav.loadEventEnd > 0 ? nav.loadEventEnd : null, requests, transferred, now: performance.now(),
            resources: [[location.href, nav ? nav.transferSize : 0]].concat(resources.map(r => [r.name, r.transferSize || 0])),
          });
        })()
        """;
}
