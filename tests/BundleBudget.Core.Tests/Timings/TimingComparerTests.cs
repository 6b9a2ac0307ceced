using BundleBudget.Core.Budgets;
using BundleBudget.Core.Diagnostics;
using BundleBudget.Core.Evaluation;
using BundleBudget.Core.Timings;

namespace BundleBudget.Core.Tests.Timings;

/// <summary>compare --measure's statistics and verdicts, from runs a fake measurer gives (the browser's are tested in BundleBudget.Browser.Tests and through the CLI).</summary>
public class TimingComparerTests
{
    private TemporaryFolder _folder = null!;

    [SetUp]
    public void SetUp()
    {
        _folder = new TemporaryFolder();
        foreach (var side in new[] { "base", "head" })
        {
            _folder.Write($"{side}/index.html", "<!DOCTYPE html><html><body>Home</body></html>");
        }

        _folder.Write("head/new.html", "<!DOCTYPE html><html><body>New</body></html>");
    }

    [TearDown]
    public void TearDown() => _folder.Dispose();

    private TimingComparison Compare(string budgets, Func<PageToMeasure, IReadOnlyDictionary<BudgetMetric, double>> medians, out FakeMeasurer measurer)
    {
        var path = _folder.Write("budget.json", $$"""{ "timings": { "runs": 6 }, "budgets": [ {{budgets}} ], "imports": { "rules": "none" } }""");
        measurer = new FakeMeasurer(medians);
        return TimingComparer.Compare(new TimingCompareOptions(path, _folder.Combine("base"), _folder.Combine("head"), measurer));
    }

    private static Dictionary<BudgetMetric, double> Lcp(PageToMeasure page, double head, double base_) =>
        new() { [BudgetMetric.Lcp] = page.Page.StartsWith("head|", StringComparison.Ordinal) ? head : base_, [BudgetMetric.Score] = page.Page.StartsWith("head|", StringComparison.Ordinal) ? 80 : 95 };

    [Test]
    public void The_interval_of_a_clear_shift_excludes_zero_and_that_of_the_same_runs_holds_it()
    {
        var shifted = MedianChange.Of([1000, 1010, 990, 1005, 995], [1500, 1490, 1510, 1505, 1495], 0.95)!;
        Assert.That((shifted.BaseMedian, shifted.HeadMedian, shifted.Difference), Is.EqualTo((1000.0, 1500.0, 500.0)));
        Assert.That(shifted.Low, Is.GreaterThan(0).And.LessThanOrEqualTo(500));
        Assert.That(shifted.High, Is.GreaterThanOrEqualTo(500));

        var same = MedianChange.Of([1000, 1200, 900, 1100, 950], [1050, 1150, 920, 1000, 1180], 0.95)!;
        Assert.That(same.Low, Is.LessThan(0));
        Assert.That(same.High, Is.GreaterThan(0));
        Assert.That(MedianChange.Of([1000, 1200, 900, 1100, 950], [1050, 1150, 920, 1000, 1180], 0.95), Is.EqualTo(same), "the same runs give the same interval");
        Assert.That(MedianChange.Of([], [1], 0.95), Is.Null);
    }

    [Test]
    public void Both_builds_are_measured_interleaved_and_a_regression_beyond_its_budget_is_BB4005()
    {
        var comparison = Compare("""{ "type": "timing", "metric": "lcp", "entry": "index.html", "maximumRegression": "20%" }""", p => Lcp(p, head: 1500, base_: 1000), out var measurer);

        var request = measurer.Requests.Single();
        Assert.That(request.Interleave, Is.True);
        Assert.That(request.Runs, Is.EqualTo(6));
        Assert.That(request.Pages.Select(p => (p.Page, p.ServedFolder)), Is.EqualTo(new[] { ("base|index.html", _folder.Combine("base")), ("head|index.html", _folder.Combine("head")) }));
        var verdict = comparison.Verdicts.Single();
        Assert.That(verdict.Status, Is.EqualTo(BudgetStatus.Error));
        Assert.That(verdict.Message, Does.StartWith("Budget 'lcp 'index.html'' regressed: index.html's lcp went from 1.0 s to 1.5 s (median of 6 interleaved runs each, +500 ms; 95% interval"));
        Assert.That(comparison.Diagnostics.Single().Code, Is.EqualTo(TimingsDiagnostics.Regressed));
        Assert.That(comparison.Regressed, Is.True);
    }

    [Test]
    public void A_change_within_the_allowance_or_the_noise_passes()
    {
        var small = Compare("""{ "type": "timing", "metric": "lcp", "entry": "index.html", "maximumRegression": "200ms" }""", p => Lcp(p, head: 1100, base_: 1000), out _);
        Assert.That(small.Verdicts.Single().Status, Is.EqualTo(BudgetStatus.Pass));
        Assert.That(small.Verdicts.Single().Message, Does.Contain("worse, but not surely by more than 200 ms"));

        var none = Compare("""{ "type": "timing", "metric": "lcp", "entry": "index.html", "maximumRegression": "1ms" }""", p => Lcp(p, head: 1000, base_: 1000), out _);
        Assert.That(none.Verdicts.Single().Status, Is.EqualTo(BudgetStatus.Pass), "the same page is no regression, however small the allowance");
        Assert.That(none.Regressed, Is.False);
    }

    [Test]
    public void A_score_regresses_downwards_and_a_page_the_base_lacks_is_not_judged_never_passed()
    {
        var comparison = Compare("""{ "type": "timing", "metric": "score", "maximumRegression": 5 }""", p => Lcp(p, head: 1000, base_: 1000), out var measurer);

        Assert.That(measurer.Requests.Single().Pages.Select(p => p.Page), Does.Not.Contain("head|new.html"));
        var verdicts = comparison.Verdicts.ToDictionary(v => v.Page);
        Assert.That(verdicts["index.html"].Status, Is.EqualTo(BudgetStatus.Error), "95 to 80 is a drop of 15 points, over 5");
        Assert.That(verdicts["new.html"].Status, Is.EqualTo(BudgetStatus.Incomplete));
        Assert.That(verdicts["new.html"].Message, Does.Contain("the base build has no such page"));
        Assert.That(TimingComparisonWriter.Markdown(comparison), Does.Contain("| index.html | :x: score | 95 | 80 | -15 |").And.Contain("| new.html | | | | | not compared: the base build has no such page |"));
    }

    [Test]
    public void Without_a_browser_the_comparison_is_BB4001()
    {
        var path = _folder.Write("budget.json", """{ "budgets": [ { "type": "timing", "metric": "lcp", "maximumRegression": "10%" } ], "imports": { "rules": "none" } }""");
        var comparison = TimingComparer.Compare(new TimingCompareOptions(path, _folder.Combine("base"), _folder.Combine("head"), new FakeMeasurer(_ => new Dictionary<BudgetMetric, double>()) { Unavailable = "No Chromium." }));

        Assert.That(comparison.Diagnostics.Single().Code, Is.EqualTo(TimingsDiagnostics.CannotMeasure));
        Assert.That(comparison.HasInputErrors, Is.True);
    }

    [Test]
    public void A_regression_budget_reads_a_percentage_or_an_amount_and_a_check_of_one_build_leaves_it_to_compare()
    {
        var read = BudgetFileReader.Parse(_folder.Combine("budget.json"), """
            { "budgets": [
              { "type": "timing", "metric": "lcp", "maximumRegression": "10%" },
              { "type": "timing", "metric": "tbt", "maximumRegression": "50ms" },
              { "type": "timing", "metric": "cls", "maximumRegression": 0.02 },
              { "type": "timing", "metric": "score", "minimumError": 80, "maximumRegression": 5 } ] }
            """u8);
        Assert.That(read.Diagnostics, Is.Empty);
        Assert.That(read.File!.Budgets.Select(b => (b.MaximumRegression!.Value, b.MaximumRegression.IsPercent, b.IsRegressionOnly)), Is.EqualTo(new[] { (10.0, true, true), (50.0, false, true), (0.02, false, true), (5.0, false, false) }));

        var bad = BudgetFileReader.Parse(_folder.Combine("budget.json"), """{ "budgets": [ { "type": "timing", "metric": "lcp", "maximumRegression": 200 } ] }"""u8);
        Assert.That(bad.Diagnostics.Single().Message, Does.Contain("\"10%\"").And.Contain("\"200ms\""));

        var path = _folder.Write("budget.json", """{ "outputPath": "head", "budgets": [ { "type": "timing", "metric": "lcp", "maximumRegression": "10%" }, { "type": "script", "maximumError": "1MB" } ], "imports": { "rules": "none" } }""");
        var check = BudgetCheck.Run(new CheckOptions(path));
        Assert.That(check.Budgets.Select(b => b.Budget.Label), Is.EqualTo(new[] { "script" }), "judged against the base only");
        var info = check.Diagnostics.Single(d => d.Code == TimingsDiagnostics.RegressionNotJudged);
        Assert.That((info.Severity, info.Message), Is.EqualTo((Severity.Info, "1 budget is on a regression against the base branch only (\"maximumRegression\"): it is judged by bundle-budget compare --measure BASE_DIR HEAD_DIR, not by a check of one build.")));
    }
}
