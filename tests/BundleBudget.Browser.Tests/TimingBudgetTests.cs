using System.Text.Json;
using BundleBudget.Core;
using BundleBudget.Core.Diagnostics;
using BundleBudget.Core.Evaluation;
using BundleBudget.Core.Reports;
using BundleBudget.Core.Timings;

namespace BundleBudget.Browser.Tests;

/// <summary>Timing budgets checked by the engine with the browser measurer, in the installed Chromium, on pages made to have known timings.</summary>
[NonParallelizable]
public class TimingBudgetTests
{
    private static readonly string Pages = Path.Combine(TestAssets.Folder, "timing-pages");

    private static CheckResult Check(TemporaryFolder folder, string budgets, string? browser = null)
    {
        var path = folder.Write("budget.json", $$"""
            { "outputPath": {{JsonSerializer.Serialize(Pages)}}, "entries": ["long-task/index.html", "layout-shift/index.html"],
              "timings": { "runs": 2, "device": "desktop" }, "budgets": [ {{budgets}} ], "imports": { "rules": "none" } }
            """);
        return BudgetCheck.Run(new CheckOptions(path) { Measure = new MeasureOptions(new ChromiumPageMeasurer(browser)) });
    }

    [Test]
    public void The_blocking_task_and_the_banners_shift_fail_their_budgets_and_the_report_holds_every_metric()
    {
        using var folder = new TemporaryFolder();

        var result = Check(folder, """
            { "type": "timing", "metric": "tbt", "entry": "long-task/index.html", "maximumError": "100ms" },
            { "type": "timing", "metric": "cls", "maximumError": 0.1 },
            { "type": "timing", "metric": "lcp", "maximumError": "10s" }
            """);

        Assert.That(result.Diagnostics.Where(d => d.Code.StartsWith("BB4", StringComparison.Ordinal) || d.Code.StartsWith("BB9", StringComparison.Ordinal)), Is.Empty);
        var (tbt, cls, lcp) = (result.Budgets[0], result.Budgets[1], result.Budgets[2]);
        Assert.That(tbt.Status, Is.EqualTo(BudgetStatus.Error));
        Assert.That(tbt.Actual, Is.InRange(200, 400), "300 ms of work after the first paint blocks for about 250 ms");
        Assert.That(cls.Status, Is.EqualTo(BudgetStatus.Error));
        Assert.That(cls.Offenders.Select(o => o.Asset.Path), Is.EqualTo(new[] { "layout-shift/index.html" }), "the banner's page, not the other");
        Assert.That(lcp.Status, Is.EqualTo(BudgetStatus.Pass));
        Assert.That(result.Diagnostics.Where(d => d.Code == DiagnosticCodes.BudgetErrorExceeded).Select(d => d.Message), Has.Some.Contains("long-task/index.html's Total Blocking Time is").And.Some.Contains("median of 2 runs"));

        using var stream = new MemoryStream();
        JsonReportWriter.Write(result, stream);
        using var report = JsonDocument.Parse(stream.ToArray());
        var pages = report.RootElement.GetProperty("timings").GetProperty("pages").EnumerateArray().ToDictionary(p => p.GetProperty("page").GetString()!);
        Assert.That(pages.Keys, Is.EquivalentTo(new[] { "long-task/index.html", "layout-shift/index.html" }));
        Assert.That(pages["layout-shift/index.html"].GetProperty("runsThatShifted").GetInt32(), Is.EqualTo(2));
        Assert.That(pages["long-task/index.html"].GetProperty("metrics").EnumerateObject().Select(m => m.Name), Is.SupersetOf(new[] { "fcp", "lcp", "cls", "tbt", "tti", "load", "score" }));
        Assert.That(pages["long-task/index.html"].GetProperty("transferredBytes").GetInt64(), Is.GreaterThan(0));
        var document = pages["long-task/index.html"].GetProperty("byType").GetProperty("document");
        Assert.That(document.GetProperty("requests").GetInt32(), Is.EqualTo(1), "the page alone: it loads nothing else");
        Assert.That(document.GetProperty("transferredBytes").GetInt64(), Is.GreaterThan(new FileInfo(Path.Combine(Pages, "long-task", "index.html")).Length / 4), "its HTML, compressed on the way");
    }

    [Test]
    public void Measured_pages_give_Lighthouses_resource_budgets_what_scripts_and_styles_load_while_they_render()
    {
        using var folder = new TemporaryFolder();
        File.Copy(Path.Combine(TestAssets.Folder, "lighthouse-budgets", "lighthouse-budget.json"), folder.Combine("lighthouse-budget.json"));
        var path = folder.Write("budget.json", $$"""
            { "outputPath": {{JsonSerializer.Serialize(Path.Combine(TestAssets.Folder, "vite-app", "dist"))}}, "extends": "lighthouse-budget.json",
              "timings": { "runs": 1, "device": "desktop" }, "imports": { "rules": "none" } }
            """);

        var result = BudgetCheck.Run(new CheckOptions(path) { Measure = new MeasureOptions(new ChromiumPageMeasurer(null)) });

        var image = result.Budgets.Single(b => b.Budget.Label == "image size (pages at '/*')");
        Assert.That(image.Status, Is.EqualTo(BudgetStatus.Error), "the hero image main.js sets, 185 kB over 100 KiB, as Lighthouse 11 found it");
        Assert.That(image.Actual, Is.InRange(184_800, 200_000), "hero, icon and wave as transferred, headers included");
        var total = result.Budgets.Single(b => b.Budget.Label == "total requests (pages at '/*')");
        Assert.That(total.Status, Is.EqualTo(BudgetStatus.Pass), "Lighthouse 11: 9 requests, within 20");
        Assert.That(total.IsIncomplete, Is.False);
        Assert.That(total.Count, Is.InRange(8, 10), "the page, two scripts, the stylesheet, three images, the font (and the icon a browser may ask for)");
    }

    [Test]
    public void A_browser_that_is_not_there_is_error_BB4001_and_the_timing_budget_is_incomplete()
    {
        using var folder = new TemporaryFolder();

        var result = Check(folder, """{ "type": "timing", "metric": "lcp", "maximumError": "2.5s" }""", browser: "/nonexistent/chrome");

        var error = result.Diagnostics.Single(d => d.Code == TimingsDiagnostics.CannotMeasure);
        Assert.That(error.Severity, Is.EqualTo(Severity.Error));
        Assert.That(error.Message, Does.Contain("/nonexistent/chrome"));
        Assert.That(result.Budgets.Single().Status, Is.EqualTo(BudgetStatus.Incomplete));
    }

    [Test]
    public void A_page_whose_files_the_output_lacks_is_not_measured_and_one_that_ships_only_compressed_is()
    {
        using var folder = new TemporaryFolder();
        folder.Write("site/broken/index.html", "<!DOCTYPE html><html><body><p>Broken</p><script src=\"/missing.js\"></script></body></html>");
        folder.Write("site/compressed/index.html", "<!DOCTYPE html><html><body><p id=\"p\">Compressed</p><script src=\"/compressed/app.js\"></script></body></html>");
        using (var output = File.Create(folder.Combine("site/compressed/app.js.br")))
        using (var brotli = new System.IO.Compression.BrotliStream(output, System.IO.Compression.CompressionLevel.Optimal))
        {
            brotli.Write("document.getElementById('p').textContent = 'Loaded';"u8);
        }

        var path = folder.Write("budget.json", """
            { "outputPath": "site", "entries": ["broken/index.html", "compressed/index.html"], "timings": { "runs": 1, "device": "desktop" },
              "budgets": [ { "type": "timing", "metric": "fcp", "maximumError": "10s" } ], "imports": { "rules": "none" } }
            """);
        var result = BudgetCheck.Run(new CheckOptions(path) { Measure = new MeasureOptions(new ChromiumPageMeasurer()) });

        var notMeasured = result.Diagnostics.Single(d => d.Code == TimingsDiagnostics.PageNotMeasured);
        Assert.That(notMeasured.Message, Is.EqualTo("broken/index.html could not be measured: run 1 of 1 failed: 1 of its requests to the output failed: /missing.js (404)."));
        var budget = result.Budgets.Single();
        Assert.That(budget.Status, Is.EqualTo(BudgetStatus.Incomplete), "the broken page's timings are not the page's");
        Assert.That(budget.MatchedFiles, Is.EqualTo(1), "the page that ships app.js only as app.js.br loads it, as a server sends it");
    }
}
