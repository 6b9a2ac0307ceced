using System.Text.Json;
using BundleBudget.Core.Budgets;
using BundleBudget.Core.Diagnostics;
using BundleBudget.Core.Evaluation;
using BundleBudget.Core.Reports;
using BundleBudget.Core.Timings;

namespace BundleBudget.Core.Tests.Timings;

/// <summary>Timing budgets in budget.json, evaluated from what a measurer reports, and reported.</summary>
public class TimingBudgetTests
{
    private TemporaryFolder _folder = null!;

    [SetUp]
    public void SetUp()
    {
        _folder = new TemporaryFolder();
        _folder.Write("dist/index.html", "<!DOCTYPE html><html><head><script type=\"module\" src=\"/app.js\"></script></head><body>Home</body></html>");
        _folder.Write("dist/about/index.html", "<!DOCTYPE html><html><body>About</body></html>");
        _folder.Write("dist/app.js", "console.log('app');");
    }

    [TearDown]
    public void TearDown() => _folder.Dispose();

    private CheckResult Check(string budgets, IPageMeasurer? measurer, string extra = "", int? runs = null, CancellationToken cancellation = default)
    {
        var path = _folder.Write("budget.json", $$"""{ "outputPath": "dist", {{extra}} "budgets": [ {{budgets}} ], "imports": { "rules": "none" } }""");
        return BudgetCheck.Run(new CheckOptions(path) { Measure = measurer is null ? null : new MeasureOptions(measurer) { Runs = runs, Cancellation = cancellation } });
    }

    private static FakeMeasurer Medians(double lcp, double score = 95, double cls = 0.02) =>
        new(page => new Dictionary<BudgetMetric, double> { [BudgetMetric.Fcp] = lcp / 2, [BudgetMetric.Lcp] = page.Page == "index.html" ? lcp : 800, [BudgetMetric.Cls] = cls, [BudgetMetric.Tbt] = 120, [BudgetMetric.Tti] = lcp + 500, [BudgetMetric.Load] = lcp, [BudgetMetric.Score] = score });

    [Test]
    public void A_timing_budget_reads_its_metric_and_limits_in_the_metrics_unit()
    {
        var read = BudgetFileReader.Parse(_folder.Combine("budget.json"), """
            { "budgets": [
              { "type": "timing", "metric": "lcp", "entry": "index.html", "maximumWarning": "2s", "maximumError": "2.5s" },
              { "type": "timing", "metric": "cls", "maximumError": 0.1 },
              { "type": "timing", "metric": "score", "minimumWarning": 95, "minimumError": 90 } ] }
            """u8);

        Assert.That(read.Diagnostics, Is.Empty);
        var (lcp, cls, score) = (read.File!.Budgets[0], read.File.Budgets[1], read.File.Budgets[2]);
        Assert.That((lcp.IsTiming, lcp.Metric, lcp.Entry, lcp.MaximumError!.Value, lcp.MaximumError.Unit), Is.EqualTo((true, BudgetMetric.Lcp, "index.html", 2500L, LimitUnit.Milliseconds)));
        Assert.That((cls.MaximumError!.Value, cls.MaximumError.Unit, cls.Label), Is.EqualTo((100L, LimitUnit.Shift, "cls (each page)")));
        Assert.That((score.MaximumError!.Value, score.MaximumError.Text, score.MaximumError.IsExceededBy(89), score.MaximumError.IsExceededBy(90)), Is.EqualTo((90L, "below 90", true, false)), "a score's limit is a minimum");
    }

    [TestCase("""{ "type": "timing", "metric": "inp", "maximumError": "200ms" }""", "BB9003", "tbt is their proxy")]
    [TestCase("""{ "type": "timing", "metric": "score", "maximumError": 90 }""", "BB9003", "A score is a minimum: use \"minimumError\"")]
    [TestCase("""{ "type": "timing", "metric": "lcp", "minimumError": "2s" }""", "BB9003", "is a maximum")]
    [TestCase("""{ "type": "timing", "metric": "lcp", "maximumError": "500KB" }""", "BB9004", "a time such as")]
    [TestCase("""{ "type": "timing", "metric": "cls", "maximumError": "0.1s" }""", "BB9004", "a number such as 0.1")]
    [TestCase("""{ "type": "timing", "maximumError": "2s" }""", "BB9005", "needs a \"metric\"")]
    [TestCase("""{ "type": "timing", "metric": "tbt" }""", "BB9005", "no limit")]
    [TestCase("""{ "type": "timing", "metric": "lcp", "files": "*.js", "maximumError": "2s" }""", "BB9002", "files")]
    [TestCase("""{ "type": ["timing", "script"], "metric": "lcp", "maximumError": "2s" }""", "BB9003", "cannot share a budget")]
    [TestCase("""{ "type": ["timing"], "maximumError": "1MB" }""", "BB9005", "needs a \"metric\"")]
    public void A_timing_budget_that_cannot_be_read_is_a_coded_error_at_its_line(string budget, string code, string message)
    {
        var read = BudgetFileReader.Parse(_folder.Combine("budget.json"), System.Text.Encoding.UTF8.GetBytes($$"""{ "budgets": [ {{budget}} ] }"""));

        var error = read.Diagnostics.First(d => d.Severity == Severity.Error);
        Assert.That((error.Code, error.Line), Is.EqualTo((code, 1)));
        Assert.That(error.Message, Does.Contain(message));
    }

    [Test]
    public void Without_measuring_a_timing_budget_is_incomplete_and_BB4003_says_how_to_measure()
    {
        var result = Check("""{ "type": "timing", "metric": "lcp", "maximumError": "2.5s" }""", measurer: null);

        var budget = result.Budgets.Single();
        Assert.That(budget.Status, Is.EqualTo(BudgetStatus.Incomplete), "never a pass on nothing measured");
        Assert.That(budget.Unmeasured.Select(u => u.Reason), Has.All.Contains("--measure"));
        var off = result.Diagnostics.Single(d => d.Code == TimingsDiagnostics.MeasuringOff);
        Assert.That((off.Severity, off.Line), Is.EqualTo((Severity.Warning, 1)));
        Assert.That(off.Message, Does.Contain("--measure").And.Contain("BundleBudgetMeasure=true"));
        Assert.That(SummaryTable.ActualText(budget), Does.StartWith("not measured"));
    }

    [Test]
    public void Each_page_s_median_is_compared_and_the_one_over_is_an_error_naming_its_runs()
    {
        var measurer = Medians(lcp: 3100);
        var result = Check("""{ "type": "timing", "metric": "lcp", "maximumWarning": "2s", "maximumError": "2.5s" }""", measurer, runs: 3);

        Assert.That(measurer.Requests.Single().Pages.Select(p => (p.Page, p.UrlPath)), Is.EquivalentTo(new[] { ("index.html", "index.html"), ("about/index.html", "about/index.html") }));
        Assert.That(measurer.Requests.Single().Runs, Is.EqualTo(3), "the host's runs override budget.json's");
        var budget = result.Budgets.Single();
        Assert.That((budget.Status, budget.Actual, budget.MatchedFiles), Is.EqualTo((BudgetStatus.Error, 3100L, 2)));
        Assert.That(budget.Offenders.Select(o => o.Asset.Path), Is.EqualTo(new[] { "index.html" }));
        var error = result.Diagnostics.Single(d => d.Code == DiagnosticCodes.BudgetErrorExceeded);
        Assert.That(error.Message, Is.EqualTo("Budget 'lcp (each page)' exceeded: index.html's Largest Contentful Paint is 3.1 s (median of 3 runs, 2.8 s to 3.4 s, mobile), limit 2.5 s (maximumError), over by 600 ms (+24.0%)."));
        Assert.That(error.File, Is.EqualTo(_folder.Combine("dist", "index.html")));
    }

    [Test]
    public void A_score_under_its_minimum_is_not_met_and_one_above_passes()
    {
        var low = Check("""{ "type": "timing", "metric": "score", "entry": "index.html", "minimumError": 90 }""", Medians(lcp: 1000, score: 72));
        Assert.That(low.Budgets.Single().Status, Is.EqualTo(BudgetStatus.Error));
        Assert.That(low.Diagnostics.Single(d => d.Code == DiagnosticCodes.BudgetErrorExceeded).Message, Does.Contain("performance score is 72").And.Contain("below 90 (minimumError) by 18"));

        var high = Check("""{ "type": "timing", "metric": "score", "entry": "index.html", "minimumError": 90 }""", Medians(lcp: 1000, score: 96));
        Assert.That((high.Budgets.Single().Status, high.Budgets.Single().Actual), Is.EqualTo((BudgetStatus.Pass, 96L)));
    }

    [Test]
    public void CLS_is_compared_unitless()
    {
        var result = Check("""{ "type": "timing", "metric": "cls", "entry": "index.html", "maximumError": 0.1 }""", Medians(lcp: 1000, cls: 0.25));

        Assert.That((result.Budgets.Single().Status, result.Budgets.Single().Actual), Is.EqualTo((BudgetStatus.Error, 250L)));
        Assert.That(result.Diagnostics.Single(d => d.Code == DiagnosticCodes.BudgetErrorExceeded).Message, Does.Contain("Cumulative Layout Shift is 0.250").And.Contain("limit 0.1"));
    }

    [Test]
    public void Only_the_pages_the_budgets_name_are_measured()
    {
        var measurer = Medians(lcp: 1000);
        Check("""{ "type": "timing", "metric": "lcp", "entry": "about/index.html", "maximumError": "2.5s" }""", measurer);

        Assert.That(measurer.Requests.Single().Pages.Select(p => p.Page), Is.EqualTo(new[] { "about/index.html" }));
    }

    [Test]
    public void No_browser_is_error_BB4001_saying_what_to_install_and_every_timing_budget_is_incomplete()
    {
        var measurer = new FakeMeasurer(_ => new Dictionary<BudgetMetric, double>()) { Unavailable = "No Chromium, Chrome or Edge is installed. Install Chromium." };
        var result = Check("""{ "type": "timing", "metric": "lcp", "maximumError": "2.5s" }, { "type": "script", "maximumError": "10KB" }""", measurer);

        var error = result.Diagnostics.Single(d => d.Code == TimingsDiagnostics.CannotMeasure);
        Assert.That((error.Severity, error.Message), Is.EqualTo((Severity.Error, "Pages cannot be measured: No Chromium, Chrome or Edge is installed. Install Chromium. Every timing budget is incomplete.")));
        Assert.That(result.Budgets[0].Status, Is.EqualTo(BudgetStatus.Incomplete));
        Assert.That(result.Budgets[1].Status, Is.EqualTo(BudgetStatus.Pass), "the size budgets are still checked");
    }

    [Test]
    public void The_report_holds_each_pages_metrics_and_the_markdown_a_table_of_them()
    {
        var result = Check("""{ "type": "timing", "metric": "lcp", "maximumError": "2.5s" }""", Medians(lcp: 1500), extra: """ "timings": { "runs": 2, "device": "desktop" }, """);

        using var stream = new MemoryStream();
        JsonReportWriter.Write(result, stream);
        using var report = JsonDocument.Parse(stream.ToArray());
        var timings = report.RootElement.GetProperty("timings");
        Assert.That((timings.GetProperty("device").GetString(), timings.GetProperty("runs").GetInt32()), Is.EqualTo(("desktop", 2)));
        var home = timings.GetProperty("pages").EnumerateArray().Single(p => p.GetProperty("page").GetString() == "index.html");
        Assert.That(home.GetProperty("metrics").GetProperty("lcp").GetProperty("median").GetDouble(), Is.EqualTo(1500));
        Assert.That(report.RootElement.GetProperty("budgets")[0].GetProperty("unit").GetString(), Is.EqualTo("ms"));

        var markdown = MarkdownReportWriter.Render(result);
        Assert.That(markdown, Does.Contain("**Page timings** (desktop, median of 2 runs"));
        Assert.That(markdown, Does.Contain("| index.html | 750 ms<br><sub>675 ms to 825 ms</sub> | 1.5 s<br><sub>1.4 s to 1.7 s</sub> |"));

        var withoutMeasuring = Check("""{ "type": "script", "maximumError": "10KB" }""", measurer: null);
        using var plain = new MemoryStream();
        JsonReportWriter.Write(withoutMeasuring, plain);
        Assert.That(JsonDocument.Parse(plain.ToArray()).RootElement.TryGetProperty("timings", out _), Is.False, "a check that measures nothing says nothing of timings");
    }

    [Test]
    public void A_median_between_whole_values_is_rounded_toward_failing()
    {
        var score = Check("""{ "type": "timing", "metric": "score", "entry": "index.html", "minimumError": 90 }""", Medians(lcp: 1000, score: 89.5));
        Assert.That((score.Budgets.Single().Status, score.Budgets.Single().Actual), Is.EqualTo((BudgetStatus.Error, 89L)), "runs of 89 and 90 are not a 90");

        var cls = Check("""{ "type": "timing", "metric": "cls", "entry": "index.html", "maximumError": 0.1 }""", Medians(lcp: 1000, cls: 0.1004));
        Assert.That(cls.Budgets.Single().Status, Is.EqualTo(BudgetStatus.Error), "0.1004 is over 0.1");

        var lcp = Check("""{ "type": "timing", "metric": "lcp", "entry": "index.html", "maximumError": "2.5s" }""", Medians(lcp: 2500.4));
        Assert.That(lcp.Budgets.Single().Status, Is.EqualTo(BudgetStatus.Error));
    }

    [Test]
    public void A_metric_only_some_runs_reported_leaves_its_budget_incomplete()
    {
        var measurer = new PartialMeasurer();
        var result = Check("""{ "type": "timing", "metric": "lcp", "entry": "index.html", "maximumError": "2.5s" }""", measurer);

        Assert.That(result.Budgets.Single().Status, Is.EqualTo(BudgetStatus.Incomplete), "the one run that saw an LCP is not the page's median");
        Assert.That(result.Budgets.Single().Unmeasured.Single().Reason, Is.EqualTo("only 1 of 5 runs reported its Largest Contentful Paint"));
    }

    [Test]
    public void Measuring_that_breaks_unexpectedly_is_BB4001_with_the_reason_never_measuring_is_off()
    {
        var result = Check("""{ "type": "timing", "metric": "lcp", "entry": "index.html", "maximumError": "2.5s" }""", new ThrowingMeasurer());

        var error = result.Diagnostics.Single(d => d.Code == TimingsDiagnostics.CannotMeasure);
        Assert.That(error.Message, Does.Contain("measuring failed unexpectedly (InvalidOperationException: the browser went away)"));
        Assert.That(result.Budgets.Single().Status, Is.EqualTo(BudgetStatus.Incomplete));
        Assert.That(result.Budgets.Single().Unmeasured.Single().Reason, Does.Not.Contain("measuring is off"));
        Assert.That(result.Diagnostics.Where(d => d.Code == DiagnosticCodes.InternalError), Is.Empty);
    }

    [TestCase("lcp", false)]
    [TestCase("cls", false)]
    [TestCase("load", false)]
    [TestCase("fcp", false)]
    [TestCase("tti", true)]
    [TestCase("tbt", true)]
    [TestCase("score", true)]
    public void Runs_wait_for_TTIs_quiet_window_only_when_a_budget_needs_TTI(string metric, bool waits)
    {
        var measurer = Medians(lcp: 1000);
        var limit = metric == "score" ? "\"minimumError\": 90" : metric == "cls" ? "\"maximumError\": 0.1" : "\"maximumError\": \"5s\"";
        Check($$"""{ "type": "timing", "metric": "lcp", "maximumError": "2.5s" }, { "type": "timing", "metric": "{{metric}}", {{limit}} }""", measurer);

        Assert.That(measurer.Requests.Single().Interactivity, Is.EqualTo(waits));
    }

    [Test]
    public void Measuring_with_no_timing_budget_measures_every_metric()
    {
        var measurer = Medians(lcp: 1000);
        Check("""{ "type": "script", "maximumError": "10KB" }""", measurer);

        Assert.That(measurer.Requests.Single().Interactivity, Is.True, "the report shows TTI, TBT and the score too");
    }

    [Test]
    public void A_cancelled_measurement_is_BB4001_and_leaves_the_budgets_incomplete()
    {
        using var cancellation = new CancellationTokenSource();
        cancellation.Cancel();
        var result = Check("""{ "type": "timing", "metric": "lcp", "entry": "index.html", "maximumError": "2.5s" }""", new CancelledMeasurer(), cancellation: cancellation.Token);

        Assert.That(result.Diagnostics.Single(d => d.Code == TimingsDiagnostics.CannotMeasure).Message, Does.Contain("measuring was cancelled"));
        Assert.That(result.Budgets.Single().Status, Is.EqualTo(BudgetStatus.Incomplete));
    }

    private sealed class CancelledMeasurer : IPageMeasurer
    {
        public IReadOnlyList<MeasuredPage> Measure(MeasureRequest request, CancellationToken cancellation = default)
        {
            cancellation.ThrowIfCancellationRequested();
            throw new AssertionException("the measurer was not given the host's cancellation");
        }
    }

    private sealed class PartialMeasurer : IPageMeasurer
    {
        public IReadOnlyList<MeasuredPage> Measure(MeasureRequest request, CancellationToken cancellation = default) =>
            request.Pages.Select(p => new MeasuredPage(p.Page, new Dictionary<BudgetMetric, MetricSummary> { [BudgetMetric.Lcp] = new(900, 900, 900, 1) }, 5, 0, 100, 1)).ToList();
    }

    private sealed class ThrowingMeasurer : IPageMeasurer
    {
        public IReadOnlyList<MeasuredPage> Measure(MeasureRequest request, CancellationToken cancellation = default) =>
            throw new InvalidOperationException("the browser went away");
    }

    [Test]
    public void Compare_shows_a_score_budgets_limit_as_the_minimum_it_is()
    {
        var reports = new[] { 96.0, 88.0 }.Select((score, i) =>
        {
            var result = Check("""{ "type": "timing", "metric": "score", "entry": "index.html", "minimumError": 90 }""", Medians(lcp: 1000, score: score));
            var path = _folder.Combine($"report{i}.json");
            JsonReportWriter.Write(result, path);
            return Core.Compare.ReportSnapshot.Read(path);
        }).ToList();

        var comparison = Core.Compare.ReportComparer.Compare(reports[0], reports[1], new Core.Compare.NoiseThreshold());
        var markdown = Core.Compare.ComparisonMarkdownWriter.Render(comparison, new Core.Compare.NoiseThreshold());

        Assert.That(markdown, Does.Contain("| score 'index.html' | :white_check_mark: → :x: | 88 | -8 (-8.3%) | below 90 |"));
    }
}
