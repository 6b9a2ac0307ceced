using System.Text.Json;
using BundleBudget.Core.Diagnostics;
using BundleBudget.Core.Evaluation;

namespace BundleBudget.Core.Tests.Evaluation;

/// <summary>The "initial" budget type on the real ts-app build: what each page loads before it is usable.</summary>
public class InitialBudgetTests
{
    private TemporaryFolder _folder = null!;

    [SetUp]
    public void SetUp() => _folder = new TemporaryFolder();

    [TearDown]
    public void TearDown() => _folder.Dispose();

    private CheckResult Check(string budgets, string extra = "")
    {
        var dist = JsonSerializer.Serialize(Path.Combine(TestAssets.Folder, "ts-app", "dist"));
        var path = _folder.Write("budget.json", $$"""{ "outputPath": {{dist}}, {{extra}} "budgets": [ {{budgets}} ], "imports": { "rules": "none" } }""");
        return BudgetCheck.Run(new CheckOptions(path));
    }

    private static long InitialGzip(CheckResult result, string page) => result.Pages.Find(page)!.Initial
        .Sum(f => result.Sizes[f.Path] is var s && f.Path.EndsWith(".png", StringComparison.Ordinal) ? s.Raw : s.Gzip!.Value);

    [Test]
    public void Without_an_entry_every_page_is_limited_on_its_own_and_each_offending_page_is_named()
    {
        var result = Check("""{ "type": "initial", "maximumError": "34KB" }""");
        var budget = result.Budgets.Single();
        Assert.That(budget.MatchedFiles, Is.EqualTo(2), "two entry pages");
        Assert.That(budget.Actual, Is.EqualTo(Math.Max(InitialGzip(result, "index.html"), InitialGzip(result, "admin.html"))));
        Assert.That(budget.Offenders.Select(o => o.Asset.Path), Is.EqualTo(new[] { "index.html" }));

        var error = result.Diagnostics.Single();
        Assert.That(error.Code, Is.EqualTo("BB1001"));
        Assert.That(error.File, Is.EqualTo(Path.Combine(TestAssets.Folder, "ts-app", "dist", "index.html")));
        Assert.That(error.Message, Does.Contain("Budget 'initial (each page)' exceeded: index.html loads 4 files before it is usable, 35.8 kB gzip"));
    }

    [Test]
    public void With_an_entry_only_that_page_counts_and_brotli_is_computed_for_its_files_only()
    {
        var result = Check("""{ "type": "initial", "entry": "admin.html", "maximumError": "20KB", "compression": "brotli" }""");
        var budget = result.Budgets.Single();
        var admin = result.Pages.Find("admin.html")!;
        Assert.That(budget.Actual, Is.EqualTo(admin.Initial.Sum(f => result.Sizes[f.Path].Brotli!.Value)));
        Assert.That(result.Sizes.Where(s => s.Value.Brotli is not null).Select(s => s.Key), Is.EquivalentTo(admin.Initial.Select(f => f.Path)));
        Assert.That(result.Diagnostics.Single().Message, Does.Contain("admin.html loads 4 files before it is usable"));
    }

    [Test]
    public void With_files_an_initial_budget_counts_only_what_of_the_first_load_they_take()
    {
        var result = Check("""{ "type": "initial", "entry": "index.html", "files": "**/*.js", "maximumError": "1KB" }""");

        var index = result.Pages.Find("index.html")!;
        var scripts = index.Initial.Where(f => f.Path.EndsWith(".js", StringComparison.Ordinal)).ToList();
        Assert.That(scripts, Is.Not.Empty);
        Assert.That(scripts, Has.Count.LessThan(index.Initial.Count), "the page loads more than scripts");
        var budget = result.Budgets.Single();
        Assert.That(budget.Actual, Is.EqualTo(scripts.Sum(f => result.Sizes[f.Path].Gzip!.Value)));
        Assert.That(budget.Budget.Label, Is.EqualTo("initial '**/*.js' of 'index.html'"));
        Assert.That(result.Diagnostics.Single().Message, Does.Contain($"index.html loads {scripts.Count} file"));
    }

    [Test]
    public void The_lazy_chunk_with_moment_is_not_part_of_the_initial_load()
    {
        var result = Check("""{ "type": "initial", "entry": "index.html", "maximumError": "1MB", "compression": "raw" }""");
        var index = result.Pages.Find("index.html")!;
        Assert.That(result.Budgets.Single().Actual, Is.EqualTo(index.Initial.Sum(f => result.Sizes[f.Path].Raw)));
        Assert.That(index.Initial.Select(f => f.Path), Has.None.Contains("reports"));
    }

    [Test]
    public void An_entry_that_is_no_page_makes_its_budget_incomplete_never_a_pass_on_nothing()
    {
        var result = Check("""{ "type": "initial", "entry": "nope.html", "maximumError": "1KB" }""");
        var warning = result.Diagnostics.Single();
        Assert.That(warning.Code, Is.EqualTo("BB1007"));
        Assert.That(warning.Message, Does.Contain("nope.html: the entry page is not in the output folder"));
        Assert.That(result.Budgets.Single().Status, Is.EqualTo(BudgetStatus.Incomplete));
    }

    [Test]
    public void A_misspelled_entry_makes_every_initial_budget_incomplete()
    {
        var result = Check("""{ "type": "initial", "maximumError": "1MB" }""", """ "entries": ["index.htm"], """);
        Assert.That(result.Diagnostics.Select(d => d.Code), Is.EquivalentTo(new[] { "BB1005", "BB1007" }));
        Assert.That(result.Budgets.Single().Status, Is.EqualTo(BudgetStatus.Incomplete));
        Assert.That(result.Budgets.Single().Unmeasured.Single().Reason, Does.Contain("is not in the output folder"));
    }

    [Test]
    public void Entries_name_the_pages_that_count()
    {
        var result = Check("""{ "type": "initial", "maximumError": "1MB" }""", """ "entries": ["admin.html"], """);
        Assert.That(result.Pages.Pages.Select(p => p.Path), Is.EqualTo(new[] { "admin.html" }));
        Assert.That(result.Budgets.Single().MatchedFiles, Is.EqualTo(1));
    }

    [TestCase("""{ "type": ["initial", "script"], "maximumError": "1KB" }""")]
    [TestCase("""{ "type": "initial", "mustMatch": true, "maximumError": "1KB" }""")]
    [TestCase("""{ "type": "initial", "scope": "each", "maximumError": "1KB" }""")]
    [TestCase("""{ "type": "script", "entry": "index.html", "maximumError": "1KB" }""")]
    public void An_initial_budget_takes_an_entry_and_files_but_no_other_type_scope_or_mustMatch(string budget)
    {
        var result = Check(budget);
        Assert.That(result.Diagnostics.Single().Code, Is.EqualTo(DiagnosticCodes.InvalidValue));
    }

    [Test]
    public void The_report_lists_each_page_with_its_initial_and_lazy_files_and_their_sizes()
    {
        var result = Check("""{ "type": "initial", "maximumError": "1MB" }""");
        using var stream = new MemoryStream();
        BundleBudget.Core.Reports.JsonReportWriter.Write(result, stream);
        using var report = JsonDocument.Parse(stream.ToArray());
        var index = report.RootElement.GetProperty("pages").EnumerateArray().Single(p => p.GetProperty("path").GetString() == "index.html");
        Assert.That(index.GetProperty("initial").EnumerateArray().Select(f => f.GetProperty("reason").GetString()), Is.EqualTo(new[] { "document", "module-script", "modulepreload", "stylesheet" }));
        Assert.That(index.GetProperty("lazy").EnumerateArray().Select(f => f.GetProperty("path").GetString()), Is.EqualTo(new[] { "assets/reports-3-a6-wP2.js", "assets/jsx-ouXJQYg0.js" }));
        Assert.That(index.GetProperty("initialTotal").GetProperty("gzip").GetInt64(), Is.EqualTo(InitialGzip(result, "index.html")));
        Assert.That(index.GetProperty("lazyTotal").GetProperty("files").GetInt32(), Is.EqualTo(2));
    }

    [Test]
    public void A_load_time_budget_estimates_each_page_on_its_network()
    {
        var result = Check("""{ "type": "initial", "network": "slow-3g", "maximumError": "3s" }, { "type": "initial", "network": "slow-4g", "maximumError": "3s" }""");
        var index = result.Pages.Find("index.html")!;
        Assert.That(BudgetEvaluator.DiscoveryLevels(index), Is.EqualTo(2), "the HTML, then what it names");

        // 3 round trips to connect, 2 of discovery, and the bytes over the downlink.
        var expected = (long)Math.Round(2000 * 5 + (InitialGzip(result, "index.html") * 8.0 * 1000 / 400_000));
        var slow3G = result.Budgets[0];
        Assert.That(slow3G.Actual, Is.EqualTo(expected));
        Assert.That(slow3G.Status, Is.EqualTo(BudgetStatus.Error));
        Assert.That(result.Budgets[1].Status, Is.EqualTo(BudgetStatus.Pass));
        var error = result.SizeDiagnostics().First(d => d.File!.EndsWith("index.html", StringComparison.Ordinal));
        Assert.That(error.Message, Does.Contain("index.html loads in about 10.7 s on slow 3G (Chrome DevTools: 400 kbit/s, 2000 ms round trip): 4 files, 35.8 kB gzip, discovered in 2 rounds of requests after connecting, limit 3.0 s (maximumError), over by 7.7 s"));
    }

    [Test]
    public void Discovery_levels_follow_imports_of_imports()
    {
        var page = new BundleBudget.Core.Pages.EntryPage("index.html",
        [
            new("index.html", BundleBudget.Core.Pages.LoadReason.Document, "index.html"),
            new("a.js", BundleBudget.Core.Pages.LoadReason.ModuleScript, "index.html"),
            new("b.js", BundleBudget.Core.Pages.LoadReason.StaticImport, "a.js"),
            new("c.js", BundleBudget.Core.Pages.LoadReason.StaticImport, "b.js"),
            new("d.js", BundleBudget.Core.Pages.LoadReason.ModulePreload, "index.html"),
        ], [], []);
        Assert.That(BudgetEvaluator.DiscoveryLevels(page), Is.EqualTo(4));
    }
}
