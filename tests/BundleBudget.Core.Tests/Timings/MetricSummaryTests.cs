using BundleBudget.Core.Timings;

namespace BundleBudget.Core.Tests.Timings;

public class MetricSummaryTests
{
    [Test]
    public void Five_runs_give_the_middle_one_and_their_range()
    {
        var summary = MetricSummary.Of([1500, 1400, null, 1700, 1450, 1600])!;

        Assert.That(summary, Is.EqualTo(new MetricSummary(1500, 1400, 1700, 5)), "a run without the metric is left out, and counted out");
        Assert.That(summary.Spread, Is.EqualTo(0.2).Within(1e-12));
    }

    [Test]
    public void An_even_count_takes_the_mean_of_the_middle_two_and_no_value_gives_no_summary()
    {
        Assert.That(MetricSummary.Of([0.1, 0.3, 0.2, 0.4])!.Median, Is.EqualTo(0.25).Within(1e-12));
        Assert.That(MetricSummary.Of([null, null]), Is.Null);
        Assert.That(MetricSummary.Of([0.0, 0.0])!.Spread, Is.Zero);
    }
}
