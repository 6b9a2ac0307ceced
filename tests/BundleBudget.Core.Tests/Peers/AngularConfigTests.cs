using System.Text.Json;
using BundleBudget.Core.Budgets;
using BundleBudget.Core.Evaluation;
using BundleBudget.Core.Peers;

namespace BundleBudget.Core.Tests.Peers;

/// <summary>angular.json budgets, read as Angular's application builder checks them, on the real angular-app build (testassets/angular-app).</summary>
public class AngularConfigTests
{
    private static readonly string App = Path.Combine(TestAssets.Folder, "angular-app");
    private TemporaryFolder _folder = null!;

    [SetUp]
    public void SetUp() => _folder = new TemporaryFolder();

    [TearDown]
    public void TearDown() => _folder.Dispose();

    /// <summary>A workspace beside a copy of the app's browser output, with these production budgets.</summary>
    private CheckResult Check(string budgets, string outputPath = "\"outputPath\": \"dist/angular-app\",", string? extra = null)
    {
        foreach (var file in Directory.EnumerateFiles(Path.Combine(App, "dist", "angular-app", "browser"), "*", SearchOption.AllDirectories))
        {
            var target = _folder.Combine("dist", "angular-app", "browser", Path.GetRelativePath(Path.Combine(App, "dist", "angular-app", "browser"), file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        var workspace = _folder.Write("angular.json", $$"""
            { "projects": { "shop": { "projectType": "application", "architect": { "build": {
                "builder": "@angular/build:application",
                "options": { {{outputPath}} "browser": "src/main.ts" },
                "configurations": { "production": { "budgets": [ {{budgets}} ] } },
                "defaultConfiguration": "production" } } } } }
            """);
        return extra is null
            ? BudgetCheck.Run(new CheckOptions(workspace) { FromPeerConfig = true })
            : BudgetCheck.Run(new CheckOptions(_folder.Write("budget.json", extra)));
    }

    /// <summary>
    /// Every budget of the configurations Angular 21's own build checked (testassets/angular-app/budgets): each one
    /// read here gives the verdict of its limits, maximum and minimum, that ng build gave (component styles and
    /// unreadable values are said, not checked; a lazy chunk's bundle is incomplete).
    /// </summary>
    [TestCase("production")]
    [TestCase("budgets-pass")]
    [TestCase("budgets-warn")]
    [TestCase("budgets-fail")]
    [TestCase("budgets-edge")]
    public void Each_budget_gets_the_verdict_ng_build_gave_it(string configuration)
    {
        using var verdicts = JsonDocument.Parse(File.ReadAllText(Path.Combine(App, "budgets", "verdicts.json")));
        var angular = verdicts.RootElement.GetProperty("configurations").GetProperty(configuration).GetProperty("budgets").EnumerateArray().ToList();

        // One budget a line, from line 5 on, so that each result's line says which budget of Angular's it is.
        var result = Check("\n" + string.Join(",\n", angular.Select(b => b.GetProperty("budget").GetRawText().ReplaceLineEndings(" "))));

        var compared = 0;
        foreach (var budget in result.Budgets)
        {
            var checks = angular[budget.Budget.Location.Line - 5].GetProperty("checks").EnumerateArray().ToList();
            var failed = checks.Where(c => c.GetProperty("verdict").GetString() != "pass").Select(c => c.GetProperty("severity").GetString()).ToList();
            var expected = failed.Contains("error") ? BudgetStatus.Error : failed.Count > 0 ? BudgetStatus.Warning : BudgetStatus.Pass;
            if (budget.Status == BudgetStatus.Incomplete)
            {
                Assert.That(budget.Budget.Label, Does.StartWith("angular: bundle '"), "only a bundle found by another name is incomplete");
                continue;
            }

            Assert.That(budget.Status, Is.EqualTo(expected), $"{budget.Budget.Label} (line {budget.Budget.Location.Line}): {string.Join("; ", checks.Select(c => c.GetRawText()))}");
            compared++;
        }

        Assert.That(compared, Is.GreaterThan(0));
    }

    [Test]
    public void The_default_initial_budget_counts_the_initial_chunks_raw_as_the_CLIs_initial_total()
    {
        using var expected = JsonDocument.Parse(File.ReadAllText(Path.Combine(App, "expected-initial.json")));
        var total = expected.RootElement.GetProperty("initial").EnumerateArray().Sum(f => f.GetProperty("raw").GetInt64());

        var result = Check("""{ "type": "initial", "maximumWarning": "500kB", "maximumError": "1MB" }""", "\"outputPath\": \"dist/angular-app\",");

        var budget = result.Budgets.Single();
        Assert.That(budget.Actual, Is.EqualTo(total), "Angular's 'Initial total' (267.55 kB raw): scripts and styles, not the page");
        Assert.That(budget.Status, Is.EqualTo(BudgetStatus.Pass));
        Assert.That(budget.Budget.Label, Is.EqualTo("angular: initial"));
    }

    [TestCase("\"maximumError\": \"267kB\"", BudgetStatus.Error)]
    [TestCase("\"maximumError\": \"268kB\"", BudgetStatus.Pass)]
    [TestCase("\"maximumWarning\": \"0.26MB\"", BudgetStatus.Warning)]
    [TestCase("\"baseline\": \"260kB\", \"maximumError\": \"2%\"", BudgetStatus.Error)]
    [TestCase("\"baseline\": \"260kB\", \"maximumError\": \"3%\"", BudgetStatus.Pass)]
    [TestCase("\"baseline\": \"260kB\", \"maximumError\": \"8kb\"", BudgetStatus.Pass)]
    [TestCase("\"maximumError\": \"267546\"", BudgetStatus.Pass)]
    [TestCase("\"maximumError\": \"267545b\"", BudgetStatus.Error)]
    public void Limits_are_read_as_Angular_reads_them_kB_1000_bytes_and_baselines(string limits, BudgetStatus status)
    {
        // The initial chunks are 267,546 bytes raw: 1000-byte kB (267 kB fails, 268 kB passes), a baseline plus 2% (265.2 kB) fails, plus 3% (267.8 kB) passes.
        var result = Check($$"""{ "type": "initial", {{limits}} }""");

        Assert.That(result.Budgets.Single().Status, Is.EqualTo(status));
    }

    [Test]
    public void Script_budgets_count_scripts_and_any_counts_each_script_and_stylesheet()
    {
        var result = Check("""
            { "type": "allScript", "maximumError": "267kB" },
            { "type": "anyScript", "maximumError": "169kB" },
            { "type": "any", "maximumWarning": "500b" },
            { "type": "all", "maximumError": "300kB" },
            { "type": "bundle", "name": "main", "maximumError": "97kB" },
            { "type": "bundle", "name": "styles", "maximumError": "1kB" }
            """);

        Assert.That(result.Budgets.Select(b => (b.Budget.Label, b.Status)), Is.EqualTo(new[]
        {
            ("angular: allScript", BudgetStatus.Error), // 267,501 B of scripts, the lazy chunk too
            ("angular: anyScript", BudgetStatus.Error), // the shared chunk, 169,276 B
            ("angular: any", BudgetStatus.Warning),     // every file but the 541-byte lazy chunk... and over 500 B
            ("angular: all", BudgetStatus.Pass),
            ("angular: bundle 'main'", BudgetStatus.Error),
            ("angular: bundle 'styles'", BudgetStatus.Pass),
        }));
        Assert.That(result.Budgets[0].Actual, Is.EqualTo(169_276 + 97_684 + 541));
        Assert.That(result.Budgets[0].Budget.Compression, Is.EqualTo(Compression.Raw));
    }

    [Test]
    public void AnyComponentStyle_is_named_minimums_are_checked_and_the_rest_is_read()
    {
        var result = Check("""
            { "type": "anyComponentStyle", "maximumWarning": "4kB", "maximumError": "8kB" },
            { "type": "initial", "minimumWarning": "300kB", "maximumError": "1MB" },
            { "type": "bundle", "name": "about", "maximumError": "1kB", "minimumError": "1b" }
            """);

        var notes = result.Diagnostics.Where(d => d.Code == PeerDiagnostics.OptionNotImported).Select(d => d.Message).ToList();
        Assert.That(notes, Has.Count.EqualTo(2));
        Assert.That(notes[0], Does.StartWith("\"anyComponentStyle\" limits each component's own styles"));
        Assert.That(notes[1], Does.StartWith("The bundle 'about' is found by its file name"));
        Assert.That(result.Budgets.Select(b => (b.Budget.Label, b.Status)), Is.EqualTo(new[] { ("angular: initial", BudgetStatus.Warning), ("angular: bundle 'about'", BudgetStatus.Incomplete) }),
            "the initial 267.5 kB under its 300 kB minimum; the lazy 'about' chunk is chunk-*.js here, and a bundle not found is not under its minimum");
        Assert.That(result.Diagnostics.Single(d => d.Code == Diagnostics.DiagnosticCodes.BudgetWarningExceeded).Message,
            Does.StartWith("Budget 'angular: initial' not reached: ").And.Contains("minimum 300kB (300.0 kB) (minimumWarning), under by 32.5 kB (-10.8%)."));
    }

    [Test]
    public void Import_writes_the_angular_budgets_as_a_budget_json_with_the_same_verdicts()
    {
        var direct = Check("""{ "type": "initial", "maximumWarning": "260kB", "maximumError": "1MB" }, { "type": "anyScript", "maximumError": "100kB" }""");
        var from = BudgetFileReader.ReadFrom(_folder.Combine("angular.json"));
        var target = _folder.Combine("budget.json");

        File.WriteAllText(target, BudgetFileWriter.Write(from.File!, target));
        var imported = BudgetCheck.Run(new CheckOptions(target));

        Assert.That(imported.Budgets.Select(b => (b.Budget.Label, b.Status, b.Actual)), Is.EqualTo(direct.Budgets.Select(b => (b.Budget.Label, b.Status, b.Actual))));
        Assert.That(File.ReadAllText(target), Does.Contain("\"entry\": \"index.html\"").And.Contain("\"compression\": \"raw\""));
    }

    [Test]
    public void Angular_budgets_pasted_into_budget_json_point_to_extends()
    {
        var read = BudgetFileReader.Parse(_folder.Combine("budget.json"), System.Text.Encoding.UTF8.GetBytes("""{ "budgets": [{ "type": "anyComponentStyle", "maximumError": "8kB" }] }"""));

        var error = read.Diagnostics.First();
        Assert.That(error.Code, Is.EqualTo(Diagnostics.DiagnosticCodes.InvalidValue));
        Assert.That(error.Message, Does.StartWith("\"anyComponentStyle\" is an Angular budget type: read angular.json's budgets where they are with \"extends\": \"angular.json\""));
    }

    [Test]
    public void A_budget_json_extending_angular_json_checks_the_browser_files_of_its_output_folder()
    {
        var result = Check(
            """{ "type": "initial", "maximumError": "1MB" }, { "type": "anyScript", "maximumError": "100kB" }""",
            extra: """{ "outputPath": "dist/angular-app", "extends": "angular.json" }""");

        Assert.That(result.Budgets.Select(b => b.Budget.Files!.Pattern), Is.EqualTo(new[] { "browser/**/*.{js,css}", "browser/**/*.js" }));
        Assert.That(result.Budgets.Select(b => b.Status), Is.EqualTo(new[] { BudgetStatus.Pass, BudgetStatus.Error }));
        Assert.That(result.Budgets[0].Actual, Is.EqualTo(267_546));
    }
}
