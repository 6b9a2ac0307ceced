using System.Text.Json;
using BundleBudget.Core.Compare;
using BundleBudget.Core.Diagnostics;
using BundleBudget.Core.Reports;

namespace BundleBudget.Core.Tests.Reports;

/// <summary>
/// One report model: the JSON report is written from it, compare reads it back into it, and a baseline comparison takes
/// the head from the check in memory. Whichever way a comparison gets a report, it sees the same.
/// </summary>
public class ReportModelTests
{
    private TemporaryFolder _folder = null!;

    [SetUp]
    public void SetUp() => _folder = new TemporaryFolder();

    [TearDown]
    public void TearDown() => _folder.Dispose();

    private static string Canonical(ReportSnapshot snapshot) => JsonSerializer.Serialize(new
    {
        snapshot.Status,
        snapshot.Errors,
        snapshot.Warnings,
        snapshot.Assets,
        Budgets = snapshot.Budgets.Select(b => new { b, b.LimitUnit, b.Key }),
        snapshot.Imports,
        snapshot.TotalTransfer,
    });

    [TestCase("vite-app")]
    [TestCase("ts-app")]
    [TestCase("webpack-dashboard")]
    [TestCase("angular-app")]
    public void A_report_read_back_is_the_snapshot_of_the_check_in_memory(string fixture)
    {
        var result = BudgetCheck.Run(new CheckOptions(Path.Combine(TestAssets.Folder, fixture, "budget.json")));
        var path = _folder.Combine("report.json");
        JsonReportWriter.Write(result, path);

        var read = ReportSnapshot.Read(path);
        var inMemory = ReportSnapshot.From(result);

        Assert.That(read.Assets, Is.Not.Empty);
        Assert.That(Canonical(read), Is.EqualTo(Canonical(inMemory)));
    }

    [Test]
    public void Every_report_asked_for_is_written_and_a_baseline_is_compared_in_memory()
    {
        var result = BudgetCheck.Run(new CheckOptions(Path.Combine(TestAssets.Folder, "vite-app-head", "budget.json")));
        var baseline = _folder.Combine("base.json");
        JsonReportWriter.Write(BudgetCheck.Run(new CheckOptions(Path.Combine(TestAssets.Folder, "vite-app", "budget.json"))), baseline);
        var options = new ReportOptions(_folder.Combine("r.json"), _folder.Combine("r.md"), _folder.Combine("r.sarif"), baseline);

        var written = ReportOutputs.Write(result, options);

        Assert.That(written.Problems, Is.Empty);
        Assert.That(new[] { options.Json, options.Markdown, options.Sarif }.Where(p => !File.Exists(p)), Is.Empty);
        var comparison = written.Comparison!;
        Assert.That(comparison.HasBase, Is.True);
        Assert.That(comparison.HeadTotal, Is.EqualTo(ReportSnapshot.Read(options.Json!).TotalTransfer));
        Assert.That(comparison.BaseTotal, Is.EqualTo(ReportSnapshot.Read(baseline).TotalTransfer));
        Assert.That(comparison.Assets.Select(a => a.Path), Does.Contain("assets/settings-BqGBjycH.js"));
    }

    [Test]
    public void A_baseline_that_is_the_report_itself_compares_with_the_report_it_replaces()
    {
        var report = _folder.Combine("report.json");
        var options = new ReportOptions(Json: report, Baseline: report);
        var first = ReportOutputs.Write(BudgetCheck.Run(new CheckOptions(Path.Combine(TestAssets.Folder, "vite-app", "budget.json"))), options);
        Assert.That(first.Comparison!.HasBase, Is.False, "no report yet: the first build has nothing to compare with");

        var second = ReportOutputs.Write(BudgetCheck.Run(new CheckOptions(Path.Combine(TestAssets.Folder, "vite-app-head", "budget.json"))), options);

        Assert.That(second.Comparison!.HasBase, Is.True);
        Assert.That(second.Comparison.TotalDelta, Is.Not.Zero);
        Assert.That(ReportSnapshot.Read(report).TotalTransfer, Is.EqualTo(second.Comparison.HeadTotal), "the report was written after the baseline was read");
    }

    [Test]
    public void A_baseline_that_cannot_be_read_and_a_report_that_cannot_be_written_are_warnings_and_the_rest_is_written()
    {
        var result = BudgetCheck.Run(new CheckOptions(Path.Combine(TestAssets.Folder, "vite-app", "budget.json")));
        var baseline = _folder.Write("base.json", "{ not json");
        var blocked = _folder.Write("blocked", "a file where a folder should be");
        var options = new ReportOptions(_folder.Combine("r.json"), Path.Combine(blocked, "r.md"), _folder.Combine("r.sarif"), baseline);

        var written = ReportOutputs.Write(result, options);

        Assert.That(written.Problems.Select(p => (p.Code, p.Severity, p.File)), Is.EquivalentTo(new[]
        {
            (DiagnosticCodes.BudgetFileNotFound, Severity.Warning, baseline),
            (DiagnosticCodes.ReportNotWritten, Severity.Warning, Path.Combine(blocked, "r.md")),
        }));
        Assert.That(written.Problems[0].Message, Does.Contain("baseline report cannot be read"));
        Assert.That(written.Comparison, Is.Null);
        Assert.That(File.Exists(options.Json) && File.Exists(options.Sarif), Is.True);
    }

    [Test]
    public void The_engine_writes_the_reports_its_options_ask_for_and_runs_once()
    {
        var json = _folder.Combine("report.json");
        var check = new BudgetCheck(new CheckOptions(Path.Combine(TestAssets.Folder, "vite-app", "budget.json")) { Reports = new ReportOptions(Json: json) });

        var result = check.Run();

        Assert.That(ReportSnapshot.Read(json).TotalTransfer, Is.EqualTo(ReportSnapshot.From(result).TotalTransfer));
        Assert.That(result.Reports.Problems, Is.Empty);
        Assert.That(() => check.Run(), Throws.InvalidOperationException, "its state is one run's");
    }

    [Test]
    public void An_SVG_has_its_viewBox_even_when_null_and_a_raster_image_has_none()
    {
        _folder.Write("site/index.html", "<!doctype html><img src=a.svg><img src=b.svg>");
        _folder.Write("site/a.svg", """<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"></svg>""");
        _folder.Write("site/b.svg", """<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 4 4"></svg>""");
        File.Copy(Path.Combine(TestAssets.Folder, "media-site", "site", "images", "photo.png"), _folder.Combine("site/c.png"));
        var budget = _folder.Write("budget.json", """{ "outputPath": "site", "imports": { "rules": "none" }, "budgets": [ { "type": "image", "maximumError": "1MB" } ] }""");
        var report = _folder.Combine("report.json");
        BudgetCheck.Run(new CheckOptions(budget) { Reports = new ReportOptions(Json: report) });

        using var json = JsonDocument.Parse(File.ReadAllText(report));
        var images = json.RootElement.GetProperty("images").EnumerateArray().ToDictionary(i => i.GetProperty("path").GetString()!);
        Assert.That(images["a.svg"].GetProperty("viewBox").ValueKind, Is.EqualTo(JsonValueKind.Null));
        Assert.That(images["b.svg"].GetProperty("viewBox").GetString(), Is.EqualTo("0 0 4 4"));
        Assert.That(images["b.svg"].GetProperty("embeddedRasterBytes").GetInt64(), Is.Zero);
        Assert.That(images["c.png"].TryGetProperty("viewBox", out _) || images["c.png"].TryGetProperty("embeddedRasterBytes", out _), Is.False);
    }

    [Test]
    public void A_forged_baseline_whose_sizes_overflow_a_total_is_a_warning_and_the_check_stands()
    {
        var asset = """{"path":"a{0}.js","type":"script","counted":true,"raw":1000000000000000,"gzip":1000000000000000,"brotli":null}""";
        var assets = string.Join(",", Enumerable.Range(0, 9300).Select(i => asset.Replace("{0}", i.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)));
        var baseline = _folder.Write("base.json", $$"""{ "schemaVersion": 1, "summary": { "status": "pass", "errors": 0, "warnings": 0 }, "assets": [ {{assets}} ], "budgets": [] }""");

        var result = BudgetCheck.Run(new CheckOptions(Path.Combine(TestAssets.Folder, "vite-app", "budget.json")) { Reports = new ReportOptions(Baseline: baseline) });

        Assert.That(result.Budgets, Is.Not.Empty);
        Assert.That(result.Reports.Comparison, Is.Null);
        Assert.That(result.Reports.Problems.Single().Message, Does.Contain("baseline report cannot be read").And.Contain("more than any output"));
    }

    [Test]
    public void A_report_of_another_schema_version_is_named_for_what_it_is()
    {
        var path = _folder.Write("v2.json", """{ "assets": { "new": "shape" }, "schemaVersion": 2 }""");
        Assert.That(() => ReportSnapshot.Read(path), Throws.TypeOf<InvalidDataException>().With.Message.Contains("not a BundleBudget report of schema version 1"));
    }
}
