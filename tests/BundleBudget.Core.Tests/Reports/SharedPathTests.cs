using BundleBudget.Core.Diagnostics;
using BundleBudget.Core.Reports;

namespace BundleBudget.Core.Tests.Reports;

/// <summary>Two projects that write one report and cache path (a BundleBudgetReportPath set in Directory.Build.props).</summary>
public class SharedPathTests
{
    private string _root = null!;

    [SetUp]
    public void CreateProjects()
    {
        _root = Path.Combine(Path.GetTempPath(), "bundlebudget-tests", "shared-" + Guid.NewGuid().ToString("N")[..12]);
        foreach (var project in new[] { "one", "two" })
        {
            Directory.CreateDirectory(Path.Combine(_root, project, "wwwroot"));
            File.WriteAllText(Path.Combine(_root, project, "wwwroot", "app.js"), "console.log('" + project + "');");
            File.WriteAllText(Path.Combine(_root, project, "budget.json"), """{ "budgets": [ { "type": "script", "maximumError": "10kB" } ], "imports": { "rules": "none" } }""");
        }
    }

    [TearDown]
    public void Delete() => Directory.Delete(_root, recursive: true);

    private CheckResult Check(string project, string report, string cache) => BudgetCheck.Run(
        new CheckOptions(Path.Combine(_root, project, "budget.json"), DefaultOutputPath: Path.Combine(_root, project, "wwwroot"), CachePath: cache) { Reports = new ReportOptions(Json: report) });

    [Test]
    public void The_second_project_to_write_a_shared_report_and_cache_names_both_budget_files()
    {
        var report = Path.Combine(_root, "artifacts", "bundle-budget.json");
        var cache = Path.Combine(_root, "artifacts", "cache.bin");

        var first = Check("one", report, cache);
        var second = Check("two", report, cache);

        Assert.That(first.Diagnostics.Concat(first.Reports.Problems).Where(d => d.Code == DiagnosticCodes.SharedOutputPath), Is.Empty);
        var shared = second.Diagnostics.Concat(second.Reports.Problems).Where(d => d.Code == DiagnosticCodes.SharedOutputPath).ToList();
        Assert.That(shared, Has.Count.EqualTo(2), "the report and the cache");
        Assert.That(shared, Has.All.Matches<Diagnostic>(d => d.Message.Contains(Path.Combine(_root, "one", "budget.json")) && d.Message.Contains(Path.Combine(_root, "two", "budget.json"))));
    }

    [Test]
    public void One_project_checking_again_is_no_warning()
    {
        var report = Path.Combine(_root, "one", "obj", "bundle-budget.json");
        var cache = Path.Combine(_root, "one", "obj", "cache.bin");

        Check("one", report, cache);
        var again = Check("one", report, cache);

        Assert.That(again.Diagnostics.Concat(again.Reports.Problems).Where(d => d.Code == DiagnosticCodes.SharedOutputPath), Is.Empty);
    }

    [TestCase("")]
    [TestCase("not json at all")]
    [TestCase("[1, 2, 3]")]
    [TestCase("{ \"assets\": [], \"budgetFile\": \"/elsewhere/budget.json\" }")]
    public void A_file_at_the_report_path_that_is_no_report_of_this_tool_is_overwritten_without_a_word(string text)
    {
        var report = Path.Combine(_root, "one", "report.json");
        File.WriteAllText(report, text);

        var result = Check("one", report, Path.Combine(_root, "one", "cache.bin"));

        Assert.That(result.Reports.Problems.Where(d => d.Code == DiagnosticCodes.SharedOutputPath), Is.Empty);
    }

    [Test]
    public void A_report_path_that_is_a_pipe_or_a_device_is_never_read_for_its_owner()
    {
        var fifo = Path.Combine(_root, "report.fifo");
        using (var mkfifo = System.Diagnostics.Process.Start("mkfifo", [fifo]))
        {
            mkfifo.WaitForExit();
            Assert.That(mkfifo.ExitCode, Is.Zero, "mkfifo (coreutils) makes the pipe");
        }

        var read = Task.Run(() => (SharedPath.ReportOwner(fifo), SharedPath.ReportOwner("/dev/stdout"), SharedPath.ReportOwner("/dev/null")));

        Assert.That(read.Wait(TimeSpan.FromSeconds(10)), Is.True, "a read of a pipe nobody writes would block");
        Assert.That(read.Result, Is.EqualTo((null as string, null as string, null as string)));
    }
}
