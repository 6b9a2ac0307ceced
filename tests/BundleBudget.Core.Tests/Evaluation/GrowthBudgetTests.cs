using System.Text.Json;
using BundleBudget.Core.Budgets;
using BundleBudget.Core.Diagnostics;
using BundleBudget.Core.Evaluation;
using BundleBudget.Core.Reports;

namespace BundleBudget.Core.Tests.Evaluation;

/// <summary>maximumGrowth against the base branch's report, on the real vite-app (base) and vite-app-head (a pull request that adds dayjs).</summary>
public class GrowthBudgetTests
{
    private static readonly string Base = Path.Combine(TestAssets.Folder, "vite-app", "dist");
    private static readonly string Head = Path.Combine(TestAssets.Folder, "vite-app-head", "dist");
    private TemporaryFolder _folder = null!;

    [SetUp]
    public void SetUp() => _folder = new TemporaryFolder();

    [TearDown]
    public void TearDown() => _folder.Dispose();

    private CheckResult Check(string output, string budgets, string? baseline = null, string? report = null)
    {
        var path = _folder.Write("budget.json", $$"""{ "outputPath": {{JsonSerializer.Serialize(output)}}, "budgets": [ {{budgets}} ], "imports": { "rules": "none" } }""");
        return BudgetCheck.Run(new CheckOptions(path) { Reports = new ReportOptions(Json: report, Baseline: baseline) });
    }

    private string BaseReport(string budgets)
    {
        var report = _folder.Combine("base-report.json");
        Check(Base, budgets, report: report);
        return report;
    }

    [Test]
    public void Growth_beyond_the_percentage_of_the_base_is_an_error_with_both_values()
    {
        const string Budget = """{ "type": "script", "maximumGrowth": "5%" }""";
        var baseline = BaseReport(Budget);
        var baseScripts = Check(Base, Budget).Budgets.Single().Actual;

        var result = Check(Head, Budget, baseline);

        var budget = result.Budgets.Single();
        var change = budget.Actual - baseScripts;
        Assert.That(change, Is.GreaterThan(baseScripts * 5 / 100), "dayjs adds more than 5% of the base's scripts");
        Assert.That(budget.Status, Is.EqualTo(BudgetStatus.Error));
        Assert.That(budget.Growth, Is.EqualTo(new BudgetGrowth(budget.Budget.MaximumGrowth!, baseScripts, change, null, BudgetStatus.Error)));
        var error = result.Diagnostics.Single(d => d.Code == DiagnosticCodes.BudgetErrorExceeded);
        Assert.That(error.Message, Does.StartWith($"Budget 'script' grew by {ByteSize.Format(change)} (+").And.Contain($"since the base report ({ByteSize.Format(baseScripts)} to {ByteSize.Format(budget.Actual)}), limit 5% (maximumGrowth), over by {ByteSize.Format(change - (baseScripts * 5 / 100))}."));
        Assert.That(error.Line, Is.EqualTo(1));
    }

    [Test]
    public void Growth_within_an_amount_passes_and_the_reports_show_it()
    {
        const string Budget = """{ "type": "script", "maximumGrowth": "100kB" }""";
        var baseline = BaseReport(Budget);
        var report = _folder.Combine("head-report.json");

        var result = Check(Head, Budget, baseline, report);

        Assert.That(result.Budgets.Single().Status, Is.EqualTo(BudgetStatus.Pass));
        Assert.That(result.Diagnostics.Where(d => d.Code.StartsWith("BB1", StringComparison.Ordinal) && d.Severity != Severity.Info), Is.Empty);
        using var json = JsonDocument.Parse(File.ReadAllText(report));
        var growth = json.RootElement.GetProperty("budgets")[0].GetProperty("growth");
        Assert.That(growth.GetProperty("limit").GetString(), Is.EqualTo("100.0 kB"));
        Assert.That(growth.GetProperty("status").GetString(), Is.EqualTo("pass"));
        Assert.That(growth.GetProperty("change").GetInt64(), Is.EqualTo(result.Budgets.Single().Growth!.Change));
        Assert.That(MarkdownReportWriter.Render(result), Does.Contain("| &nbsp;&nbsp;growth since the base | +").And.Contain("| | 100.0 kB |"));
    }

    [Test]
    public void The_report_a_check_replaces_is_its_base_and_no_change_is_no_growth()
    {
        const string Budget = """{ "type": "total", "maximumGrowth": "0%" }""";
        var report = BaseReport(Budget);

        var result = Check(Base, Budget, baseline: report, report: report);

        Assert.That(result.Budgets.Single().Growth!.Change, Is.Zero);
        Assert.That(result.Budgets.Single().Status, Is.EqualTo(BudgetStatus.Pass));
    }

    [TestCase(null, "no base report was given: pass the base branch's JSON report with --baseline")]
    [TestCase("missing.json", "does not exist yet (the first build of a branch has none)")]
    public void Without_a_base_report_growth_is_not_evaluated_and_never_fails(string? baseline, string why)
    {
        var result = Check(Head, """{ "type": "script", "maximumGrowth": "1%" }""", baseline is null ? null : _folder.Combine(baseline));

        var budget = result.Budgets.Single();
        Assert.That(budget.Status, Is.EqualTo(BudgetStatus.Pass));
        Assert.That(budget.Growth!.NotEvaluated, Does.Contain(why));
        var info = result.Diagnostics.Single(d => d.Code == DiagnosticCodes.GrowthNotEvaluated);
        Assert.That(info.Severity, Is.EqualTo(Severity.Info));
        Assert.That(info.Message, Does.StartWith("Budget 'script': its growth (at most 1%, maximumGrowth) is not evaluated: "));
    }

    [Test]
    public void A_budget_the_base_report_does_not_have_is_not_evaluated()
    {
        var baseline = BaseReport("""{ "type": "stylesheet", "maximumError": "1MB" }""");

        var result = Check(Head, """{ "name": "scripts", "type": "script", "maximumGrowth": "1%", "maximumError": "1MB" }""", baseline);

        Assert.That(result.Budgets.Single().Growth!.NotEvaluated, Is.EqualTo("the base report has no budget 'scripts' (a new budget, or one redefined since)"));
        Assert.That(result.Budgets.Single().Status, Is.EqualTo(BudgetStatus.Pass));
    }

    [Test]
    public void Two_budgets_alike_leave_growth_not_evaluated_rather_than_compare_with_the_wrong_base()
    {
        const string Budgets = """{ "type": "script", "maximumError": "1MB" }, { "type": "script", "loaded": true, "maximumGrowth": "1%" }""";
        var baseline = BaseReport(Budgets);

        var result = Check(Head, Budgets, baseline);

        Assert.That(result.Budgets[1].Growth!.NotEvaluated, Does.StartWith("more than one budget is 'script' of the same type, files, scope and compression"));
    }

    [Test]
    public void A_load_time_budget_with_only_a_growth_limit_is_in_milliseconds()
    {
        var read = BudgetFileReader.Parse(_folder.Combine("budget.json"), System.Text.Encoding.UTF8.GetBytes("""{ "budgets": [{ "type": "initial", "network": "slow-4g", "maximumGrowth": "200ms" }] }"""));

        Assert.That(read.File!.Budgets.Single().Unit, Is.EqualTo(LimitUnit.Milliseconds));
    }

    [TestCase("\"12%\"", 12.0, null)]
    [TestCase("\"0.5%\"", 0.5, null)]
    [TestCase("\"10kB\"", null, 10_000L)]
    [TestCase("2048", null, 2048L)]
    public void MaximumGrowth_is_a_percentage_or_a_size(string written, double? percent, long? amount)
    {
        var read = BudgetFileReader.Parse(_folder.Combine("budget.json"), System.Text.Encoding.UTF8.GetBytes($$"""{ "budgets": [{ "type": "script", "maximumGrowth": {{written}} }] }"""));

        Assert.That(read.Diagnostics, Is.Empty);
        var growth = read.File!.Budgets.Single().MaximumGrowth!;
        Assert.That((growth.Percent, growth.Amount), Is.EqualTo((percent, amount)));
    }

    [Test]
    public void A_load_time_budget_grows_by_a_time_and_a_bad_percentage_is_an_error_at_its_line()
    {
        var read = BudgetFileReader.Parse(_folder.Combine("budget.json"), System.Text.Encoding.UTF8.GetBytes("""
            { "budgets": [
              { "type": "initial", "network": "slow-4g", "maximumError": "3s", "maximumGrowth": "200ms" },
              { "type": "script", "maximumGrowth": "lots%" } ] }
            """));

        Assert.That(read.File!.Budgets.Single().MaximumGrowth!.Amount, Is.EqualTo(200));
        var error = read.Diagnostics.Single();
        Assert.That(error.Code, Is.EqualTo(DiagnosticCodes.InvalidValue));
        Assert.That(error.Line, Is.EqualTo(3));
        Assert.That(error.Message, Does.Contain("\"lots%\" is not a percentage"));
    }
}
