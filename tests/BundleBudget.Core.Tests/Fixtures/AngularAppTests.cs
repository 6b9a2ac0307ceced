using System.Text.Json;
using BundleBudget.Core.Assets;
using BundleBudget.Core.Diagnostics;
using BundleBudget.Core.Evaluation;

namespace BundleBudget.Core.Tests.Fixtures;

/// <summary>
/// The real Angular 21 build of testassets/angular-app (application builder, SSR): budget.json points at dist/angular-app,
/// whose pages are served from browser/ (with &lt;base href="/"&gt;) and whose server/ is never sent to a browser.
/// The reference is the Angular CLI's own table of initial and lazy files (expected-initial.json).
/// </summary>
public class AngularAppTests
{
    private static readonly string App = Path.Combine(TestAssets.Folder, "angular-app");
    private static readonly string Dist = Path.Combine(App, "dist", "angular-app");

    private TemporaryFolder _folder = null!;

    [SetUp]
    public void SetUp() => _folder = new TemporaryFolder();

    [TearDown]
    public void TearDown() => _folder.Dispose();

    private CheckResult Check(string extra = "", string? outputPath = null, string budgets = """{ "type": "initial", "maximumError": "500KB" }, { "type": "script", "maximumError": "1MB" }""", bool strict = false)
    {
        var path = _folder.Write("budget.json", $$"""
            {
              "outputPath": {{JsonSerializer.Serialize(outputPath ?? Dist)}},
              "imports": { "rules": "none" },
              {{extra}}
              "budgets": [ {{budgets}} ]
            }
            """);
        return BudgetCheck.Run(new CheckOptions(path, Strict: strict));
    }

    private static (IReadOnlyList<(string File, long Raw, long Transfer)> Initial, IReadOnlyList<string> Lazy) Reference()
    {
        using var expected = JsonDocument.Parse(File.ReadAllText(Path.Combine(App, "expected-initial.json")));
        var initial = expected.RootElement.GetProperty("initial").EnumerateArray()
            .Select(f => (f.GetProperty("file").GetString()!, f.GetProperty("raw").GetInt64(), f.GetProperty("transfer").GetInt64())).ToList();
        var lazy = expected.RootElement.GetProperty("lazy").EnumerateArray().Select(f => f.GetProperty("file").GetString()!).ToList();
        return (initial, lazy);
    }

    [Test]
    public void The_pages_are_served_from_browser_and_the_initial_load_is_the_one_the_Angular_CLI_lists()
    {
        var result = Check();

        Assert.That(result.SiteRoot, Is.EqualTo("browser"));
        var note = result.Diagnostics.Single(d => d.Code == DiagnosticCodes.ServedFromSubfolder);
        Assert.That(note.Severity, Is.EqualTo(Severity.Info));
        Assert.That(result.Diagnostics.Where(d => d.Code is DiagnosticCodes.MissingPageFile or DiagnosticCodes.BudgetIncomplete), Is.Empty);

        var (initial, lazy) = Reference();
        var page = result.Pages.Find("browser/index.html")!;
        Assert.That(page.Gaps, Is.Empty);
        Assert.That(page.Initial.Skip(1).Select(f => f.Path), Is.EquivalentTo(initial.Select(f => f.File)), "the CLI's initial chunk files, each once");
        Assert.That(page.Initial.Select(f => f.Path), Is.Unique);
        foreach (var (file, raw, _) in initial)
        {
            Assert.That(result.Sizes[file].Raw, Is.EqualTo(raw), file);
        }

        Assert.That(page.Lazy.Select(f => f.Path), Is.EquivalentTo(lazy), "the CLI's lazy chunk files: the router's loadComponent of the about route");
        var about = result.Pages.Find("browser/about/index.html")!;
        Assert.That(about.Initial.Select(f => f.Path), Is.SupersetOf(lazy), "the prerendered about page modulepreloads its lazy chunk");

        var budget = result.Budgets[0];
        Assert.That(budget.Status, Is.EqualTo(BudgetStatus.Pass));
        Assert.That(budget.MatchedFiles, Is.EqualTo(3), "index.html, index.csr.html and about/index.html");
    }

    [Test]
    public void The_stylesheet_Angular_loads_late_and_again_in_noscript_counts_once()
    {
        var result = Check();
        var page = result.Pages.Find("browser/index.html")!;
        Assert.That(File.ReadAllText(Path.Combine(Dist, "browser", "index.html")), Does.Contain("media=\"print\"").And.Contain("<noscript><link rel=\"stylesheet\" href=\"styles-TUBMZHBH.css\">"));
        Assert.That(page.Initial.Count(f => f.Path == "browser/styles-TUBMZHBH.css"), Is.EqualTo(1));

        var (initial, _) = Reference();
        var expectedRaw = initial.Sum(f => f.Raw) + new FileInfo(Path.Combine(Dist, "browser", "index.html")).Length;
        var raw = Check(budgets: """{ "type": "initial", "entry": "browser/index.html", "compression": "raw", "maximumError": "1MB" }""");
        Assert.That(raw.Budgets.Single().Actual, Is.EqualTo(expectedRaw), "the CLI's initial total (267,546 bytes) plus the page");
    }

    [Test]
    public void Brotli_sizes_of_the_initial_files_equal_the_transfer_sizes_the_Angular_CLI_prints()
    {
        var result = Check(budgets: """{ "type": "initial", "entry": "browser/index.html", "compression": "brotli", "maximumError": "1MB" }""");
        foreach (var (file, raw, transfer) in Reference().Initial.Where(f => f.Raw >= 1024))
        {
            Assert.That(result.Sizes[file].Brotli, Is.EqualTo(transfer), $"{file}: the CLI compresses with Node's brotli at quality 11");
        }
    }

    [Test]
    public void Server_files_and_the_licence_file_are_listed_but_never_counted()
    {
        var result = Check();
        var notServed = result.Assets.Where(a => a.Exclusion == AssetExclusion.NotServed).Select(a => a.Path).ToList();
        Assert.That(notServed, Does.Contain("server/main.server.mjs").And.Contain("server/server.mjs").And.Contain("3rdpartylicenses.txt"));
        Assert.That(notServed.Where(p => p.StartsWith("browser/", StringComparison.Ordinal)), Is.Empty);

        var script = result.Budgets[1];
        Assert.That(script.MatchedFiles, Is.EqualTo(3), "main, the shared chunk and the lazy about chunk; no server chunk");
        Assert.That(script.Actual, Is.EqualTo(new[] { "browser/main-EWCNKD7M.js", "browser/chunk-VS2WHN2I.js", "browser/chunk-IUFFJXD3.js" }.Sum(p => result.Sizes[p].Gzip!.Value)));
    }

    [Test]
    public void An_explicit_site_root_and_one_per_entry_give_the_same_initial_load_without_the_note()
    {
        var detected = Check().Pages.Find("browser/index.html")!.Initial.Select(f => f.Path).ToList();

        var named = Check("\"siteRoot\": \"browser\",");
        Assert.That(named.Diagnostics.Any(d => d.Code == DiagnosticCodes.ServedFromSubfolder), Is.False);
        Assert.That(named.Pages.Find("browser/index.html")!.Initial.Select(f => f.Path), Is.EqualTo(detected));

        var perEntry = Check("\"entries\": [{ \"path\": \"browser/index.html\", \"siteRoot\": \"browser\" }],");
        Assert.That(perEntry.Pages.Pages.Single().Initial.Select(f => f.Path), Is.EqualTo(detected));
        Assert.That(perEntry.Budgets[0].Status, Is.EqualTo(BudgetStatus.Pass));
    }

    [Test]
    public void Entries_with_their_own_site_root_still_leave_the_server_bundle_uncounted()
    {
        var result = Check("\"entries\": [{ \"path\": \"browser/index.html\", \"siteRoot\": \"browser\" }],");
        Assert.That(result.Budgets[1].MatchedFiles, Is.EqualTo(3), "main, the shared chunk and the lazy about chunk; not server/*.mjs");
        Assert.That(result.Assets.Single(a => a.Path == "server/server.mjs").Exclusion, Is.EqualTo(AssetExclusion.NotServed));
    }

    [TestCase("browsr")]
    [TestCase("browser/nothing-here")]
    public void A_site_root_that_is_no_folder_is_an_error_and_no_file_is_left_uncounted(string root)
    {
        var result = Check($"\"siteRoot\": \"{root}\",");
        var error = result.Diagnostics.Single(d => d.Code == DiagnosticCodes.InvalidValue);
        Assert.That(error.Severity, Is.EqualTo(Severity.Error));
        Assert.That(error.Message, Does.Contain($"'{root}' is not a folder"));
        Assert.That(result.HasInputErrors, Is.True);
        Assert.That(result.Assets.Where(a => a.Exclusion == AssetExclusion.NotServed), Is.Empty);
        Assert.That(result.Budgets[1].MatchedFiles, Is.GreaterThan(3));
    }

    [Test]
    public void A_site_root_too_deep_says_so_for_each_file_and_a_type_budget_that_counts_nothing_says_why()
    {
        var result = Check("\"siteRoot\": \"browser/about\",", budgets: """{ "type": "script", "maximumError": "1MB" }, { "type": "initial", "entry": "browser/about/index.html", "maximumError": "1MB" }""");
        Assert.That(result.Diagnostics.Where(d => d.Code == DiagnosticCodes.MissingPageFile).Select(d => d.Message), Has.Some.Contains("which the server does not send from the site root 'browser/about/'").And.Some.Contains("is \"siteRoot\" right?"));
        var nothing = result.Diagnostics.Single(d => d.Code == DiagnosticCodes.BudgetMatchedNothing);
        Assert.That(nothing.Message, Does.Contain("Budget 'script' counts no file").And.Contain("outside the folder the pages are served from"));
        Assert.That(result.Budgets[1].Status, Is.EqualTo(BudgetStatus.Incomplete));
    }

    [Test]
    public void Served_from_the_wrong_root_the_initial_budget_is_incomplete_never_a_pass()
    {
        // siteRoot "." says the output folder itself is served: then "/main-X.js" names a file that is not there.
        var result = Check("\"siteRoot\": \".\",");

        var page = result.Pages.Find("browser/index.html")!;
        Assert.That(page.Gaps.Select(g => g.Target), Does.Contain("main-EWCNKD7M.js").And.Contain("styles-TUBMZHBH.css"));
        Assert.That(result.Diagnostics.Count(d => d.Code == DiagnosticCodes.MissingPageFile), Is.GreaterThanOrEqualTo(3));
        var initial = result.Budgets[0];
        Assert.That(initial.Status, Is.EqualTo(BudgetStatus.Incomplete), "the page itself is within 500 kB, but what it loads is not measured");
        Assert.That(initial.Unmeasured, Is.Not.Empty);
        Assert.That(result.Diagnostics.Single(d => d.Code == DiagnosticCodes.BudgetIncomplete).Severity, Is.EqualTo(Severity.Warning));
        Assert.That(result.Status, Is.Not.EqualTo(BudgetStatus.Pass));

        var strict = Check("\"siteRoot\": \".\",", strict: true);
        Assert.That(strict.Diagnostics.Single(d => d.Code == DiagnosticCodes.BudgetIncomplete).Severity, Is.EqualTo(Severity.Error));
        Assert.That(strict.Status, Is.EqualTo(BudgetStatus.Error));
    }

    [Test]
    public void A_missing_initial_chunk_makes_the_initial_budget_incomplete_and_the_rest_of_the_report_complete()
    {
        var copy = _folder.Combine("dist");
        TemporaryFolder.CopyDirectory(Dist, copy);
        File.Delete(Path.Combine(copy, "browser", "chunk-VS2WHN2I.js"));

        var result = Check(outputPath: copy);

        var missing = result.Diagnostics.Where(d => d.Code == DiagnosticCodes.MissingPageFile).ToList();
        Assert.That(missing.Select(d => d.Message), Has.Some.Contains("chunk-VS2WHN2I.js"));
        Assert.That(result.Budgets[0].Status, Is.EqualTo(BudgetStatus.Incomplete));
        Assert.That(result.Budgets[0].Unmeasured.Select(u => u.Path), Has.Some.Contains("chunk-VS2WHN2I.js"));
        Assert.That(result.Budgets[1].Status, Is.EqualTo(BudgetStatus.Pass), "the script budget measured every script that exists");
        Assert.That(result.Budgets[1].MatchedFiles, Is.EqualTo(2));
    }
}
