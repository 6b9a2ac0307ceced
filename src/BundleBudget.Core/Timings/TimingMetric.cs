namespace BundleBudget.Core.Timings;

/// <summary>A lab metric of a page load, as Lighthouse defines it (milliseconds, but CLS, which is unitless).</summary>
public enum TimingMetric
{
    /// <summary>First Contentful Paint.</summary>
    Fcp,

    /// <summary>Largest Contentful Paint.</summary>
    Lcp,

    /// <summary>Total Blocking Time: the sum of (task - 50 ms) over the long tasks between FCP and TTI.</summary>
    Tbt,

    /// <summary>Cumulative Layout Shift: the largest session window of layout shifts.</summary>
    Cls,

    /// <summary>Speed Index.</summary>
    SpeedIndex,

    /// <summary>Time to Interactive (Lighthouse's <c>interactive</c>).</summary>
    Tti,
}

/// <summary>The device a run emulates: it picks the throttling and the score's curves.</summary>
public enum TimingDevice
{
    Mobile,
    Desktop,
}
