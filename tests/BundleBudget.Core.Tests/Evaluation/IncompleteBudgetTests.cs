using BundleBudget.Core.Assets;
using BundleBudget.Core.Budgets;
using BundleBudget.Core.Diagnostics;
using BundleBudget.Core.Evaluation;
using BundleBudget.Core.Measurement;
using BundleBudget.Core.Pages;

namespace BundleBudget.Core.Tests.Evaluation;

/// <summary>What could not be measured keeps every budget that would count it from passing.</summary>
public class IncompleteBudgetTests
{
    private static BudgetFile Budgets(string budgets) =>
        BudgetFileReader.Parse("/p/budget.json", System.Text.Encoding.UTF8.GetBytes($$"""{ "budgets": [ {{budgets}} ] }""")).File!;

    private static readonly Asset App = new("assets/app.js", "/out/assets/app.js", AssetType.Script, 3000);
    private static readonly Asset Locked = new("assets/locked.js", "/out/assets/locked.js", AssetType.Script, 3000);

    [Test]
    public void A_folder_that_could_not_be_listed_makes_every_budget_that_could_reach_it_incomplete()
    {
        var file = Budgets("""
            { "type": "script", "maximumError": "500KB" },
            { "files": "private/**/*.js", "maximumError": "500KB" },
            { "files": "assets/*.js", "maximumError": "500KB" },
            { "type": "initial", "maximumError": "500KB" }
            """);
        var gaps = new MeasurementGaps(new Dictionary<string, string>(), [new UnreadablePath("private", IsFolder: true, "Permission denied")]);
        var sizes = new Dictionary<string, AssetSizes> { [App.Path] = new(3000, 1000, null) };

        var (results, diagnostics) = BudgetEvaluator.Evaluate(file, [App], sizes, PageGraph.None, gaps, strict: false);

        Assert.That(results.Select(r => r.Status), Is.EqualTo(new[] { BudgetStatus.Incomplete, BudgetStatus.Incomplete, BudgetStatus.Pass, BudgetStatus.Incomplete }));
        Assert.That(results[0].Unmeasured.Single().Path, Is.EqualTo("private/"));
        Assert.That(results[0].Actual, Is.EqualTo(1000), "what could be measured is still reported");
        Assert.That(results[3].Unmeasured.Single().Reason, Does.Contain("its pages are unknown"), "no page found is not 'nothing to limit' when a folder could not be listed");
        var incomplete = diagnostics.Where(d => d.Code == DiagnosticCodes.BudgetIncomplete).ToList();
        Assert.That(incomplete, Has.Count.EqualTo(3));
        Assert.That(incomplete, Has.All.Matches<Diagnostic>(d => d.Severity == Severity.Warning && d.File == "/p/budget.json" && d.Line > 0));
    }

    [Test]
    public void An_unreadable_file_makes_its_budgets_incomplete_and_strict_makes_that_an_error()
    {
        var file = Budgets("""{ "type": "script", "maximumError": "500KB" }, { "files": "assets/app.js", "maximumError": "500KB" }""");
        var gaps = new MeasurementGaps(new Dictionary<string, string> { [Locked.Path] = "it could not be read (Permission denied)" }, []);
        var sizes = new Dictionary<string, AssetSizes> { [App.Path] = new(3000, 1000, null) };

        var (results, diagnostics) = BudgetEvaluator.Evaluate(file, [App, Locked], sizes, PageGraph.None, gaps, strict: true);

        Assert.That(results[0].Status, Is.EqualTo(BudgetStatus.Incomplete));
        Assert.That(results[0].Unmeasured.Single(), Is.EqualTo(new Unmeasured("assets/locked.js", "it could not be read (Permission denied)")));
        Assert.That(results[1].Status, Is.EqualTo(BudgetStatus.Pass));
        var error = diagnostics.Single(d => d.Code == DiagnosticCodes.BudgetIncomplete);
        Assert.That(error.Severity, Is.EqualTo(Severity.Error));
        Assert.That(error.Message, Does.Contain("assets/locked.js: it could not be read").And.Contain("the 1 file measured total 1.0 kB"));
    }

    [Test]
    public void An_exceeded_budget_stays_an_error_and_still_says_what_it_could_not_measure()
    {
        var file = Budgets("""{ "type": "script", "maximumError": "500B" }""");
        var gaps = new MeasurementGaps(new Dictionary<string, string> { [Locked.Path] = "it could not be read" }, []);
        var sizes = new Dictionary<string, AssetSizes> { [App.Path] = new(3000, 1000, null) };

        var (results, diagnostics) = BudgetEvaluator.Evaluate(file, [App, Locked], sizes, PageGraph.None, gaps, strict: false);

        Assert.That(results.Single().Status, Is.EqualTo(BudgetStatus.Error));
        Assert.That(results.Single().IsIncomplete, Is.True);
        Assert.That(diagnostics.Select(d => d.Code), Is.EquivalentTo(new[] { DiagnosticCodes.BudgetErrorExceeded, DiagnosticCodes.BudgetIncomplete }));
    }
}
