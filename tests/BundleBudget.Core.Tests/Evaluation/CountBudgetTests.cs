using System.Text.Json;
using BundleBudget.Core.Diagnostics;
using BundleBudget.Core.Evaluation;
using BundleBudget.Core.Reports;

namespace BundleBudget.Core.Tests.Evaluation;

/// <summary>maximumCount and maximumCountWarning: how many files a total counts, how many requests a page makes first (the real ts-app build).</summary>
public class CountBudgetTests
{
    private static readonly string Dist = Path.Combine(TestAssets.Folder, "ts-app", "dist");
    private TemporaryFolder _folder = null!;

    [SetUp]
    public void SetUp() => _folder = new TemporaryFolder();

    [TearDown]
    public void TearDown() => _folder.Dispose();

    private CheckResult Check(string budgets)
    {
        var path = _folder.Write("budget.json", $$"""{ "outputPath": {{JsonSerializer.Serialize(Dist)}}, "budgets": [ {{budgets}} ], "imports": { "rules": "none" } }""");
        return BudgetCheck.Run(new CheckOptions(path));
    }

    private static int Scripts => Directory.EnumerateFiles(Dist, "*.js", SearchOption.AllDirectories).Count();

    [Test]
    public void A_total_with_more_files_than_maximumCount_is_an_error_that_counts_them()
    {
        Assume.That(Scripts, Is.GreaterThan(2), "the fixture has several scripts");
        var result = Check("""{ "type": "script", "maximumCount": 2 }""");

        var budget = result.Budgets.Single();
        Assert.That(budget.Status, Is.EqualTo(BudgetStatus.Error));
        Assert.That(budget.Count, Is.EqualTo(Scripts));
        var error = result.Diagnostics.Single(d => d.Severity == Severity.Error);
        Assert.That(error.Code, Is.EqualTo(DiagnosticCodes.BudgetErrorExceeded));
        Assert.That(error.Message, Does.StartWith($"Budget 'script' exceeded: it counts {Scripts} files (").And.EndWith($"limit 2 (maximumCount), over by {Scripts - 2}."));
    }

    [Test]
    public void Within_its_count_and_over_its_count_warning_is_a_warning_and_sizes_still_count()
    {
        var result = Check($$"""{ "type": "script", "maximumCountWarning": {{Scripts - 1}}, "maximumCount": {{Scripts}}, "maximumError": "1MB" }""");

        Assert.That(result.Budgets.Single().Status, Is.EqualTo(BudgetStatus.Warning));
        Assert.That(result.Diagnostics.Single(d => d.Code == DiagnosticCodes.BudgetWarningExceeded).Message, Does.Contain("(maximumCountWarning), over by 1."));
        Assert.That(result.Diagnostics.Where(d => d.Code == DiagnosticCodes.BudgetErrorExceeded), Is.Empty);
    }

    [Test]
    public void An_initial_budget_counts_each_pages_requests_before_it_is_usable_the_page_included()
    {
        var result = Check("""{ "type": "initial", "entry": "index.html", "maximumCount": 2 }""");

        var page = result.Pages.Find("index.html")!;
        var requests = BudgetEvaluator.InitialAssets(page, result.Assets.ToDictionary(a => a.Path)).Count;
        Assert.That(requests, Is.GreaterThan(2));
        Assert.That(result.Budgets.Single().Count, Is.EqualTo(requests));
        Assert.That(result.Budgets.Single().Offenders.Single().Asset.Path, Is.EqualTo("index.html"));
        var error = result.Diagnostics.Single(d => d.Code == DiagnosticCodes.BudgetErrorExceeded);
        Assert.That(error.File, Is.EqualTo(Path.Combine(Dist, "index.html")));
        Assert.That(error.Message, Does.Contain($"index.html makes {requests} requests before it is usable (").And.Contain("1 document").And.Contain("limit 2 (maximumCount)"));
    }

    [Test]
    public void Requests_to_other_hosts_count_as_Lighthouse_counts_them()
    {
        _folder.Write("site/index.html", """<!DOCTYPE html><html><head><script src="https://cdn.example.com/lib.js"></script><script src="//cdn.example.com/other.js"></script><script src="app.js"></script></head><body></body></html>""");
        _folder.Write("site/app.js", "console.log(1)");
        var budget = _folder.Write("budget.json", """{ "outputPath": "site", "budgets": [{ "type": "initial", "maximumCount": 3 }], "imports": { "rules": "none" } }""");

        var result = BudgetCheck.Run(new CheckOptions(budget));

        Assert.That(result.Budgets.Single().Count, Is.EqualTo(4), "the page, app.js and two scripts of another host");
        Assert.That(result.Diagnostics.Single(d => d.Code == DiagnosticCodes.BudgetErrorExceeded).Message, Does.Contain("makes 4 requests before it is usable (1 script, 1 document, 2 from other hosts)"));
    }

    [Test]
    public void The_reports_show_the_count_and_its_limits()
    {
        var result = Check("""{ "type": "initial", "maximumError": "1MB", "maximumCountWarning": 2, "maximumCount": 40 }""");
        var reportPath = _folder.Combine("report.json");
        JsonReportWriter.Write(result, reportPath);

        using var report = JsonDocument.Parse(File.ReadAllText(reportPath));
        var budget = report.RootElement.GetProperty("budgets")[0];
        Assert.That(budget.GetProperty("count").GetInt32(), Is.EqualTo(result.Budgets.Single().Count));
        Assert.That(budget.GetProperty("maximumCountWarning").GetInt32(), Is.EqualTo(2));
        Assert.That(budget.GetProperty("maximumCount").GetInt32(), Is.EqualTo(40));
        Assert.That(MarkdownReportWriter.Render(result), Does.Contain("| 1.00 MB, 40 requests |").And.Contain("| 2 requests |"));
    }

    [Test]
    public void A_count_limit_on_scope_each_is_a_configuration_error_naming_the_key()
    {
        var result = Check("""{ "type": "script", "scope": "each", "maximumCount": 3 }""");

        var error = result.Diagnostics.Single(d => d.Severity == Severity.Error);
        Assert.That(error.Code, Is.EqualTo(DiagnosticCodes.InvalidValue));
        Assert.That(error.Message, Does.StartWith("\"maximumCount\" limits how many files a budget counts"));
        Assert.That(error.Line, Is.EqualTo(1));
    }
}
