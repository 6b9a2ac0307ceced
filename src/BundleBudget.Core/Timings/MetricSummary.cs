namespace BundleBudget.Core.Timings;

/// <summary>
/// One metric over a page's runs: the median (the mean of the middle two for an even count), the smallest and the
/// largest, and how many runs reported it. A metric no run reported has no summary.
/// </summary>
public sealed record MetricSummary(double Median, double Min, double Max, int Runs)
{
    /// <summary>(max - min) / median: how much the runs disagree; 0 when the median is 0.</summary>
    public double Spread => Median == 0 ? 0 : (Max - Min) / Median;

    public static MetricSummary? Of(IEnumerable<double?> runs)
    {
        var values = runs.OfType<double>().Order().ToList();
        if (values.Count == 0)
        {
            return null;
        }

        var middle = values.Count / 2;
        var median = values.Count % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2;
        return new MetricSummary(median, values[0], values[^1], values.Count);
    }
}
