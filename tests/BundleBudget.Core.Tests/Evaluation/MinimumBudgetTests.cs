using System.Text.Json;
using BundleBudget.Core.Diagnostics;
using BundleBudget.Core.Evaluation;

namespace BundleBudget.Core.Tests.Evaluation;

/// <summary>minimumWarning and minimumError: sizes a budget must reach (the vite-app build: main 8,527 B gzip, about 351 B).</summary>
public class MinimumBudgetTests
{
    private static readonly string Dist = Path.Combine(TestAssets.Folder, "vite-app", "dist");
    private TemporaryFolder _folder = null!;

    [SetUp]
    public void SetUp() => _folder = new TemporaryFolder();

    [TearDown]
    public void TearDown() => _folder.Dispose();

    private CheckResult Check(string budgets, string? output = null)
    {
        var path = _folder.Write("budget.json", $$"""{ "outputPath": {{JsonSerializer.Serialize(output ?? Dist)}}, "budgets": [ {{budgets}} ], "imports": { "rules": "none" } }""");
        return BudgetCheck.Run(new CheckOptions(path));
    }

    [Test]
    public void A_total_under_its_minimum_is_not_reached_and_one_above_passes()
    {
        var result = Check("""{ "files": "assets/main-*.js", "minimumError": "9kB" }, { "files": "assets/main-*.js", "minimumError": "8kB" }""");

        Assert.That(result.Budgets.Select(b => b.Status), Is.EqualTo(new[] { BudgetStatus.Error, BudgetStatus.Pass }));
        var error = result.Diagnostics.Single(d => d.Severity == Severity.Error);
        Assert.That(error.Code, Is.EqualTo(DiagnosticCodes.BudgetErrorExceeded));
        Assert.That(error.Message, Does.StartWith("Budget 'files 'assets/main-*.js'' not reached: 1 file total 8.5 kB gzip").And.EndWith("minimum 9.0 kB (minimumError), under by 473 B (-5.3%)."));
    }

    [Test]
    public void Each_file_under_a_minimum_warning_is_named()
    {
        var result = Check("""{ "type": "script", "scope": "each", "minimumWarning": "500B" }""");

        var budget = result.Budgets.Single();
        Assert.That(budget.Status, Is.EqualTo(BudgetStatus.Warning));
        Assert.That(budget.Offenders.Select(o => o.Asset.Path), Does.Contain("assets/about-BoausPsS.js").And.Not.Contain("assets/main-C17BpASX.js"));
        Assert.That(result.Diagnostics.Where(d => d.Code == DiagnosticCodes.BudgetWarningExceeded).Select(d => d.Message), Has.All.Contains("(minimumWarning)"));
    }

    [Test]
    public void A_total_that_could_not_be_fully_measured_is_never_failed_for_being_small()
    {
        var output = _folder.Combine("dist");
        Directory.CreateDirectory(Path.Combine(output, "assets"));
        File.WriteAllText(Path.Combine(output, "assets", "main-1.js"), "console.log(1);");
        Directory.CreateSymbolicLink(Path.Combine(output, "assets", "main-2.js"), Path.Combine(output, "missing.js"));

        var result = Check("""{ "files": "assets/main-*.js", "minimumError": "9kB" }""", output);

        var budget = result.Budgets.Single();
        Assert.That(budget.IsIncomplete, Is.True, "the dangling link is not measured");
        Assert.That(budget.Status, Is.EqualTo(BudgetStatus.Incomplete), "not an error: the file not measured could make up the rest");
    }

    [Test]
    public void The_report_and_the_table_show_the_minimums()
    {
        var result = Check("""{ "files": "assets/main-*.js", "minimumWarning": "8kB", "maximumError": "20kB" }""");

        var report = Core.Reports.ReportParts.Budgets(result).Single();
        Assert.That((report.MinimumWarning, report.MinimumError), Is.EqualTo(((long?)8000, (long?)null)));
        Assert.That(Core.Reports.SummaryTable.LimitText(result.Budgets[0].Budget, warning: true), Is.EqualTo("at least 8.0 kB"));
    }
}
