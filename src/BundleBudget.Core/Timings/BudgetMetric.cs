using BundleBudget.Core.Budgets;

namespace BundleBudget.Core.Timings;

/// <summary>What a timing budget limits: a lab metric of a page load, measured in a real browser, or the score from them.</summary>
public enum BudgetMetric
{
    /// <summary>First Contentful Paint.</summary>
    Fcp,

    /// <summary>Largest Contentful Paint.</summary>
    Lcp,

    /// <summary>Cumulative Layout Shift (unitless).</summary>
    Cls,

    /// <summary>Total Blocking Time.</summary>
    Tbt,

    /// <summary>Time to Interactive (Lighthouse's <c>interactive</c>).</summary>
    Tti,

    /// <summary>The load event.</summary>
    Load,

    /// <summary>The performance score (0 to 100) from FCP, LCP, TBT and CLS with Lighthouse's curves and weights.</summary>
    Score,
}

public static class BudgetMetrics
{
    public static string WireName(this BudgetMetric metric) => metric.ToString().ToLowerInvariant();

    public static bool TryParse(string text, out BudgetMetric metric)
    {
        foreach (var candidate in Enum.GetValues<BudgetMetric>())
        {
            if (candidate.WireName() == text)
            {
                metric = candidate;
                return true;
            }
        }

        metric = default;
        return false;
    }

    /// <summary>How a limit on the metric is written and compared: durations, a layout shift (thousandths), or a score (a minimum).</summary>
    public static LimitUnit Unit(this BudgetMetric metric) => metric switch
    {
        BudgetMetric.Cls => LimitUnit.Shift,
        BudgetMetric.Score => LimitUnit.Score,
        _ => LimitUnit.Milliseconds,
    };

    /// <summary>
    /// A measured value as its limit compares it: rounded toward failing (up for a time or a shift, down for the score),
    /// so that 0.1004 is over a CLS limit of 0.1 and a median score of 89.5 is under 90.
    /// </summary>
    public static long ToComparedValue(this BudgetMetric metric, double value) => metric switch
    {
        BudgetMetric.Cls => (long)Math.Ceiling(Math.Round(value * 1000, 6)),
        BudgetMetric.Score => (long)Math.Floor(Math.Round(value, 6)),
        _ => (long)Math.Ceiling(Math.Round(value, 6)),
    };

    /// <summary>
    /// Whether measuring the metrics of these budgets needs TTI (TTI itself, TBT up to it, the score from TBT), for
    /// which each run waits five quiet seconds. No budget (a report of every metric) needs it; so does a budget on no metric.
    /// </summary>
    public static bool NeedInteractivity(IReadOnlyCollection<Budget> budgets) =>
        budgets.Count == 0 || budgets.Any(b => b.Metric is not (BudgetMetric.Fcp or BudgetMetric.Lcp or BudgetMetric.Cls or BudgetMetric.Load));

    /// <summary>The order reports show the metrics in: paints, blocking, shifting, interactivity, load, then the score.</summary>
    public static IReadOnlyList<BudgetMetric> ReportOrder { get; } = [BudgetMetric.Fcp, BudgetMetric.Lcp, BudgetMetric.Tbt, BudgetMetric.Cls, BudgetMetric.Tti, BudgetMetric.Load, BudgetMetric.Score];

    /// <summary>A value (or a change, with its sign) as messages and reports show it: "2.5 s", "740 ms", "0.083", "95".</summary>
    public static string Format(this BudgetMetric metric, double value) =>
        value < 0 ? "-" + metric.Format(-value) : Limit.Format(metric.ToLimitValue(value), metric.Unit());

    /// <summary>A measured value in the unit its limits compare: whole milliseconds, thousandths of a shift, a whole score.</summary>
    public static long ToLimitValue(this BudgetMetric metric, double value) => metric switch
    {
        BudgetMetric.Cls => (long)Math.Round(value * 1000, MidpointRounding.AwayFromZero),
        _ => (long)Math.Round(value, MidpointRounding.AwayFromZero),
    };
}
