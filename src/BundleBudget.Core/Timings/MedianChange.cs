namespace BundleBudget.Core.Timings;

/// <summary>
/// How a metric's median moved from the base's runs to the head's, with a bootstrap confidence interval of the change:
/// each side resampled with replacement, the difference of the resamples' medians taken many times, and the interval
/// the middle <c>confidence</c> of those differences. A change whose interval holds 0 may be noise.
/// </summary>
/// <param name="Difference">Head's median minus base's.</param>
/// <param name="Low">The interval's lower end of the difference.</param>
/// <param name="High">The interval's upper end of the difference.</param>
public sealed record MedianChange(double BaseMedian, double HeadMedian, double Difference, double Low, double High, double Confidence)
{
    private const int Resamples = 4000;

    /// <summary>The change, or null when either side has no value. Deterministic: the same runs give the same interval.</summary>
    public static MedianChange? Of(IReadOnlyList<double> baseRuns, IReadOnlyList<double> headRuns, double confidence)
    {
        if (baseRuns.Count == 0 || headRuns.Count == 0)
        {
            return null;
        }

        var random = new Random(20_261_204);
        var differences = new double[Resamples];
        var baseSample = new double[baseRuns.Count];
        var headSample = new double[headRuns.Count];
        for (var i = 0; i < Resamples; i++)
        {
            differences[i] = Median(Resample(headRuns, headSample, random)) - Median(Resample(baseRuns, baseSample, random));
        }

        Array.Sort(differences);
        var tail = (1 - confidence) / 2;
        var low = differences[(int)Math.Floor(tail * (Resamples - 1))];
        var high = differences[(int)Math.Ceiling((1 - tail) * (Resamples - 1))];
        var baseMedian = Median(baseRuns.ToArray());
        var headMedian = Median(headRuns.ToArray());
        return new MedianChange(baseMedian, headMedian, headMedian - baseMedian, low, high, confidence);
    }

    private static double[] Resample(IReadOnlyList<double> runs, double[] into, Random random)
    {
        for (var i = 0; i < into.Length; i++)
        {
            into[i] = runs[random.Next(runs.Count)];
        }

        return into;
    }

    private static double Median(double[] values)
    {
        Array.Sort(values);
        var middle = values.Length / 2;
        return values.Length % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2;
    }
}
