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
}
