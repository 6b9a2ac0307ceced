using System.Text.Json;
using BundleBudget.Core.Timings;

namespace BundleBudget.Core.Tests.Timings;

/// <summary>The performance score against Lighthouse 13.5.0's own scoring code (testassets/lighthouse-scoring/scores.json).</summary>
public class PerformanceScoreTests
{
    private static readonly Dictionary<string, TimingMetric> Names = new()
    {
        ["fcp"] = TimingMetric.Fcp, ["lcp"] = TimingMetric.Lcp, ["tbt"] = TimingMetric.Tbt, ["cls"] = TimingMetric.Cls, ["si"] = TimingMetric.SpeedIndex, ["tti"] = TimingMetric.Tti,
    };

    private static JsonDocument Oracle() => JsonDocument.Parse(File.ReadAllText(Path.Combine(TestAssets.Folder, "lighthouse-scoring", "scores.json")));

    [Test]
    public void Every_metric_scores_as_Lighthouse_scores_it_on_mobile_and_desktop()
    {
        using var oracle = Oracle();
        var compared = 0;
        foreach (var metric in oracle.RootElement.GetProperty("metrics").EnumerateObject())
        {
            var name = Names[metric.Name];
            Assert.That(PerformanceScore.Weights[name], Is.EqualTo(metric.Value.GetProperty("weight").GetInt32()), metric.Name);
            foreach (var (device, key) in new[] { (TimingDevice.Mobile, "mobile"), (TimingDevice.Desktop, "desktop") })
            {
                var expected = metric.Value.GetProperty(key);
                Assert.That(PerformanceScore.Curve(name, device), Is.EqualTo(new ScoreCurve(expected.GetProperty("p10").GetDouble(), expected.GetProperty("median").GetDouble())), $"{metric.Name} {key}");
                foreach (var pair in expected.GetProperty("scores").EnumerateArray())
                {
                    var value = pair[0].GetDouble();
                    Assert.That(PerformanceScore.MetricScore(name, device, value), Is.EqualTo(pair[1].GetDouble()), $"{metric.Name} {key} at {value}");
                    compared++;
                }
            }
        }

        Assert.That(compared, Is.GreaterThan(300));
    }

    [Test]
    public void The_category_score_of_a_whole_set_of_metrics_is_Lighthouse_s()
    {
        using var oracle = Oracle();
        foreach (var category in oracle.RootElement.GetProperty("categories").EnumerateArray())
        {
            var device = category.GetProperty("device").GetString() == "mobile" ? TimingDevice.Mobile : TimingDevice.Desktop;
            var values = category.GetProperty("metrics").EnumerateObject().ToDictionary(m => Names[m.Name], m => m.Value.GetDouble());

            var score = PerformanceScore.CategoryScore(values, device, out var missing);

            Assert.That(score, Is.EqualTo(category.GetProperty("score").GetDouble()), category.ToString());
            Assert.That(missing, Is.Empty);
        }
    }

    [Test]
    public void Without_Speed_Index_its_weight_is_shared_out_and_it_is_named()
    {
        var values = new Dictionary<TimingMetric, double> { [TimingMetric.Fcp] = 1000, [TimingMetric.Lcp] = 5000, [TimingMetric.Tbt] = 0, [TimingMetric.Cls] = 0 };

        var score = PerformanceScore.CategoryScore(values, TimingDevice.Mobile, out var missing);

        Assert.That(missing, Is.EqualTo(new[] { TimingMetric.SpeedIndex }));
        var lcp = PerformanceScore.MetricScore(TimingMetric.Lcp, TimingDevice.Mobile, 5000);
        Assert.That(score, Is.EqualTo(Math.Round(((1 * 10) + (lcp * 25) + (1 * 30) + (1 * 25)) / 90.0 * 100, MidpointRounding.AwayFromZero) / 100));
        Assert.That(PerformanceScore.CategoryScore(new Dictionary<TimingMetric, double>(), TimingDevice.Mobile, out _), Is.Null);
    }
}
