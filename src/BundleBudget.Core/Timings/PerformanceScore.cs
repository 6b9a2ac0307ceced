namespace BundleBudget.Core.Timings;

/// <summary>A metric's scoring curve: the value that scores 0.9 (p10) and the one that scores 0.5 (median); log-normal between.</summary>
public sealed record ScoreCurve(double P10, double Median);

/// <summary>
/// Lighthouse's performance score computed from lab metrics, with its published curves and weights (Lighthouse 10 to 13):
/// each metric scores by the complementary log-normal distribution through its two control points (with Lighthouse's
/// error-function approximation, clamping and boost of scores over 0.9, floored to two decimals); the category score is
/// the weighted mean, rounded to two decimals. Checked against Lighthouse's own code (testassets/lighthouse-scoring).
/// </summary>
public static class PerformanceScore
{
    /// <summary>The weights of the performance category; Time to Interactive has none since Lighthouse 10.</summary>
    public static IReadOnlyDictionary<TimingMetric, int> Weights { get; } = new Dictionary<TimingMetric, int>
    {
        [TimingMetric.Fcp] = 10,
        [TimingMetric.Lcp] = 25,
        [TimingMetric.Tbt] = 30,
        [TimingMetric.Cls] = 25,
        [TimingMetric.SpeedIndex] = 10,
        [TimingMetric.Tti] = 0,
    };

    private static readonly Dictionary<(TimingMetric, TimingDevice), ScoreCurve> Curves = new()
    {
        [(TimingMetric.Fcp, TimingDevice.Mobile)] = new(1800, 3000),
        [(TimingMetric.Fcp, TimingDevice.Desktop)] = new(934, 1600),
        [(TimingMetric.Lcp, TimingDevice.Mobile)] = new(2500, 4000),
        [(TimingMetric.Lcp, TimingDevice.Desktop)] = new(1200, 2400),
        [(TimingMetric.Tbt, TimingDevice.Mobile)] = new(200, 600),
        [(TimingMetric.Tbt, TimingDevice.Desktop)] = new(150, 350),
        [(TimingMetric.Cls, TimingDevice.Mobile)] = new(0.1, 0.25),
        [(TimingMetric.Cls, TimingDevice.Desktop)] = new(0.1, 0.25),
        [(TimingMetric.SpeedIndex, TimingDevice.Mobile)] = new(3387, 5800),
        [(TimingMetric.SpeedIndex, TimingDevice.Desktop)] = new(1311, 2300),
        [(TimingMetric.Tti, TimingDevice.Mobile)] = new(3785, 7300),
        [(TimingMetric.Tti, TimingDevice.Desktop)] = new(2468, 4500),
    };

    // The exact doubles Lighthouse clamps each range to.
    private const double MinPassingScore = 0.90000000000000002220446049250313080847263336181640625;
    private const double MaxAverageScore = 0.899999999999999911182158029987476766109466552734375;
    private const double MinAverageScore = 0.5;
    private const double MaxFailingScore = 0.499999999999999944488848768742172978818416595458984375;

    /// <summary>The closest double to erfc⁻¹(1/5).</summary>
    private const double InverseErfcOneFifth = 0.9061938024368232;

    public static ScoreCurve Curve(TimingMetric metric, TimingDevice device) => Curves[(metric, device)];

    /// <summary>A metric's score from 0 to 1, as Lighthouse reports it (two decimals, rounded down).</summary>
    public static double MetricScore(TimingMetric metric, TimingDevice device, double value)
    {
        var percentile = LogNormalScore(Curve(metric, device), value);

        // Lighthouse's boost: scores over 0.9 gain up to half a point, so that more top scores floor to 1.
        if (percentile > 0.9)
        {
            percentile += 0.05 * (percentile - 0.9);
        }

        return Math.Floor(percentile * 100) / 100;
    }

    /// <summary>
    /// The category score from 0 to 1: the weighted mean of the weighted metrics given, rounded to two decimals. A
    /// weighted metric not given (Speed Index, which BundleBudget does not measure) is named in
    /// <paramref name="missing"/>, and its weight is shared out over the others; null when none is given.
    /// </summary>
    public static double? CategoryScore(IReadOnlyDictionary<TimingMetric, double> values, TimingDevice device, out IReadOnlyList<TimingMetric> missing)
    {
        missing = Weights.Where(w => w.Value > 0 && !values.ContainsKey(w.Key)).Select(w => w.Key).ToList();
        double sum = 0, weight = 0;
        foreach (var (metric, value) in values)
        {
            var metricWeight = Weights[metric];
            if (metricWeight > 0)
            {
                sum += MetricScore(metric, device, value) * metricWeight;
                weight += metricWeight;
            }
        }

        return weight == 0 ? null : Math.Round(sum / weight * 100, MidpointRounding.AwayFromZero) / 100;
    }

    /// <summary>Lighthouse's <c>getLogNormalScore</c>: the share of the distribution above <paramref name="value"/>, clamped to its range.</summary>
    private static double LogNormalScore(ScoreCurve curve, double value)
    {
        if (value <= 0)
        {
            return 1;
        }

        var xLogRatio = Math.Log(Math.Max(double.Epsilon, value / curve.Median));
        var p10LogRatio = -Math.Log(Math.Max(double.Epsilon, curve.P10 / curve.Median));
        var standardizedX = xLogRatio * InverseErfcOneFifth / p10LogRatio;
        var complementaryPercentile = (1 - Erf(standardizedX)) / 2;
        return value <= curve.P10 ? Math.Max(MinPassingScore, Math.Min(1, complementaryPercentile))
            : value <= curve.Median ? Math.Max(MinAverageScore, Math.Min(MaxAverageScore, complementaryPercentile))
            : Math.Max(0, Math.Min(MaxFailingScore, complementaryPercentile));
    }

    /// <summary>Lighthouse's approximation of the error function (Abramowitz and Stegun 7.1.26), kept so that scores match its own.</summary>
    private static double Erf(double x)
    {
        var sign = Math.Sign(x);
        x = Math.Abs(x);
        const double a1 = 0.254829592, a2 = -0.284496736, a3 = 1.421413741, a4 = -1.453152027, a5 = 1.061405429, p = 0.3275911;
        var t = 1 / (1 + (p * x));
        var y = t * (a1 + (t * (a2 + (t * (a3 + (t * (a4 + (t * a5))))))));
        return sign * (1 - (y * Math.Exp(-x * x)));
    }
}
