using System.Text.Json;
using BundleBudget.Core.Budgets;
using BundleBudget.Core.Evaluation;
using BundleBudget.Core.Peers;

namespace BundleBudget.Core.Tests.Peers;

/// <summary>
/// Lighthouse's budget.json read with its meaning there, checked against what Lighthouse 11.7.1 itself decided for the
/// same file on the same build (testassets/lighthouse-budgets, made by its scripts/run-lighthouse.mjs).
/// </summary>
public class LighthouseBudgetTests
{
    private static readonly string Fixture = Path.Combine(TestAssets.Folder, "lighthouse-budgets");
    private static readonly string ViteDist = Path.Combine(TestAssets.Folder, "vite-app", "dist");
    private TemporaryFolder _folder = null!;

    [SetUp]
    public void SetUp() => _folder = new TemporaryFolder();

    [TearDown]
    public void TearDown() => _folder.Dispose();

    private static CheckResult Check(string config) =>
        BudgetCheck.Run(new CheckOptions(config, OutputPath: ViteDist) { FromPeerConfig = true });

    /// <summary>What Lighthouse decided: for each page and resource type, whether its size and its count were over.</summary>
    private static IEnumerable<(string Page, string Type, bool SizeOver, bool CountOver)> LighthouseVerdicts()
    {
        using var verdicts = JsonDocument.Parse(File.ReadAllText(Path.Combine(Fixture, "results", "verdicts.json")));
        foreach (var page in verdicts.RootElement.GetProperty("pages").EnumerateObject())
        {
            foreach (var item in page.Value.GetProperty("resources").EnumerateArray())
            {
                yield return (page.Name, item.GetProperty("resourceType").GetString()!,
                    item.GetProperty("sizeOverBudget").ValueKind != JsonValueKind.Null, item.GetProperty("countOverBudget").ValueKind != JsonValueKind.Null);
            }
        }
    }

    /// <summary>Our verdict on one page for one budget: over (an error at the page), incomplete, or within.</summary>
    private static string VerdictOn(CheckResult result, string pageFile, string type, bool count)
    {
        var page = result.Pages.Pages.Single(p => p.Path == pageFile);
        var budget = result.Budgets.Where(b => b.Budget.IsInitial && BudgetEvaluator.PagesOf(b.Budget, result.Pages).Contains(page)
            && b.Budget.Label.StartsWith($"{type} {(count ? "requests" : "size")} (", StringComparison.Ordinal)).ToList();
        if (budget.Count == 0)
        {
            return "no budget";
        }

        var only = budget.Single();
        return only.Offenders.Any(o => o.Asset.Path == pageFile && o.Status == BudgetStatus.Error) ? "over"
            : only.Unmeasured.Any(u => u.Path == pageFile) ? "incomplete"
            : "within";
    }

    [Test]
    public void Scripts_stylesheets_and_documents_get_Lighthouses_own_verdicts_and_what_only_a_browser_sees_never_passes_here()
    {
        var result = Check(Path.Combine(Fixture, "lighthouse-budget.json"));
        Assert.That(result.Diagnostics.Where(d => d.Severity == Diagnostics.Severity.Error && d.Code.StartsWith("BB9", StringComparison.Ordinal)), Is.Empty);

        var compared = 0;
        foreach (var (url, type, sizeOver, countOver) in LighthouseVerdicts())
        {
            var pageFile = url == "/" ? "index.html" : url.TrimStart('/');
            foreach (var (count, over) in new[] { (false, sizeOver), (true, countOver) })
            {
                var ours = VerdictOn(result, pageFile, type, count);
                if (ours == "no budget")
                {
                    Assert.That(over, Is.False, $"{url} {type} {(count ? "count" : "size")}: Lighthouse failed a budget we do not have");
                    continue;
                }

                compared++;
                if (type is "script" or "stylesheet" or "document")
                {
                    // Exact, unless the page loads files of the type later by import(), which Lighthouse sees when they run at load.
                    var page = result.Pages.Pages.Single(p => p.Path == pageFile);
                    var extension = type switch { "script" => ".js", "stylesheet" => ".css", _ => ".html" };
                    var loadsLater = page.Lazy.Any(f => f.Path.EndsWith(extension, StringComparison.Ordinal));
                    Assert.That(ours, over ? Is.EqualTo("over") : loadsLater ? Is.EqualTo("incomplete") : Is.EqualTo("within"), $"{url} {type} {(count ? "count" : "size")}");
                }
                else
                {
                    // Images, fonts and the total are what scripts and styles load while the page renders: never a pass here.
                    Assert.That(ours, over ? Is.AnyOf("over", "incomplete") : Is.EqualTo("incomplete"), $"{url} {type} {(count ? "count" : "size")}");
                }
            }
        }

        Assert.That(compared, Is.GreaterThanOrEqualTo(12), "every budget Lighthouse decided");
    }

    [Test]
    public void The_last_budget_whose_path_matches_a_page_is_its_budget()
    {
        var result = Check(Path.Combine(Fixture, "lighthouse-budget.json"));
        var about = result.Pages.Pages.Single(p => p.Path == "about.html");
        var index = result.Pages.Pages.Single(p => p.Path == "index.html");
        List<string> Limiting(Core.Pages.EntryPage page) => result.Budgets.Where(b => BudgetEvaluator.PagesOf(b.Budget, result.Pages).Contains(page)).Select(b => b.Budget.Label).ToList();

        Assert.Multiple(() =>
        {
            Assert.That(Limiting(about), Has.All.EndsWith("(pages at '/about')"), "'/about' comes after '/*'");
            Assert.That(Limiting(index), Has.All.EndsWith("(pages at '/*')").And.Some.StartsWith("first-contentful-paint"));
            Assert.That(result.Budgets.Single(b => b.Budget.Label == "stylesheet requests (pages at '/*')").Status, Is.EqualTo(BudgetStatus.Error), "index.html's one stylesheet, over 0, as in Lighthouse");
        });
    }

    [Test]
    public void What_BundleBudget_does_not_measure_is_named_and_sizes_are_KiB_of_gzip()
    {
        var result = Check(Path.Combine(Fixture, "lighthouse-budget.json"));

        var notImported = result.Diagnostics.Where(d => d.Code == PeerDiagnostics.OptionNotImported).Select(d => d.Message).ToList();
        Assert.That(notImported, Has.Some.Contains("speed-index").And.Some.Contains("third-party"));
        var script = result.Budgets.Single(b => b.Budget.Label == "script size (pages at '/*')").Budget;
        Assert.Multiple(() =>
        {
            Assert.That(script.MaximumError!.Value, Is.EqualTo(8 * 1024));
            Assert.That(script.MaximumError.Text, Is.EqualTo("8 KiB"));
            Assert.That(script.Compression, Is.EqualTo(Compression.Gzip), "Lighthouse sizes what is transferred");
            Assert.That(result.Budgets.Single(b => b.Budget.Label == "first-contentful-paint (pages at '/*')").Budget.MaximumError!.Value, Is.EqualTo(2000));
        });
    }

    [TestCase("""[ { "path": "blog", "resourceSizes": [ { "resourceType": "script", "budget": 1 } ] } ]""", "Invalid path blog. Path should start with '/'.")]
    [TestCase("""[ { "path": "/a*b*", "resourceSizes": [ { "resourceType": "script", "budget": 1 } ] } ]""", "Invalid path /a*b*. Path should only contain one '*'.")]
    [TestCase("""[ { "path": "/a$b", "resourceSizes": [ { "resourceType": "script", "budget": 1 } ] } ]""", "Invalid path /a$b. '$' character should only occur at end of path.")]
    [TestCase("""[ { "resourceSizes": [ { "resourceType": "scripts", "budget": 1 } ] } ]""", "Invalid resource type: scripts. Valid resource types are: total, document, script, stylesheet, image, media, font, other, third-party")]
    [TestCase("""[ { "resourceSizes": [ { "resourceType": "script", "budget": "1" } ] } ]""", "Invalid budget: 1")]
    [TestCase("""[ { "resourceSizes": [ { "resourceType": "script", "budget": 1, "max": 2 } ] } ]""", "Resource Budget has unrecognized properties: [max]")]
    [TestCase("""[ { "timings": [ { "metric": "fcp", "budget": 1 } ] } ]""", "Invalid timing metric: fcp. Valid timing metrics are: first-contentful-paint, interactive")]
    [TestCase("""[ { "resourceCounts": [ { "resourceType": "font", "budget": 1 }, { "resourceType": "font", "budget": 2 } ] } ]""", "budgets[0].resourceCounts has duplicate entry of type 'font'")]
    [TestCase("""[ { "paths": "/", "timings": [ { "metric": "interactive", "budget": 1 } ] } ]""", "Budget has unrecognized properties: [paths]")]
    [TestCase("""[ { "resourceSizes": { "script": 1 } } ]""", "Invalid resourceSizes entry in budget at index 0")]
    public void Lighthouses_validation_messages_at_the_line_of_the_problem(string config, string message)
    {
        var path = _folder.Write("budget.json", config);
        var result = Check(path);

        var error = result.Diagnostics.First(d => d.Code == PeerDiagnostics.NotRead);
        Assert.That(error.Message, Does.StartWith(message));
        Assert.That(error.File, Is.EqualTo(path));
        Assert.That(error.Line, Is.EqualTo(1));
    }

    [Test]
    public void A_budget_json_extends_it_and_checks_its_own_output_folder()
    {
        File.Copy(Path.Combine(Fixture, "lighthouse-budget.json"), _folder.Combine("lighthouse-budget.json"));
        var budget = _folder.Write("budget.json", $$"""{ "outputPath": {{JsonSerializer.Serialize(ViteDist)}}, "extends": "lighthouse-budget.json", "budgets": [ { "type": "script", "maximumError": "500KB" } ] }""");

        var result = BudgetCheck.Run(new CheckOptions(budget));

        Assert.That(result.Diagnostics.Where(d => d.Code == PeerDiagnostics.NotRead), Is.Empty);
        Assert.That(result.Budgets.Select(b => b.Budget.Label), Has.Some.EqualTo("script size (pages at '/about')").And.Some.EqualTo("script"));
        Assert.That(result.Budgets.Single(b => b.Budget.Label == "script size (pages at '/about')").Status, Is.EqualTo(BudgetStatus.Error), "about.html's scripts, 1.1 kB gzip over 1 KiB, as Lighthouse decided");
    }

    [Test]
    public void Given_as_a_budget_json_it_is_named_for_what_it_is()
    {
        var path = _folder.Write("budget.json", File.ReadAllText(Path.Combine(Fixture, "lighthouse-budget.json")));

        var read = BudgetFileReader.Read(path);

        Assert.That(read.Diagnostics.Single().Message, Does.StartWith("This is Lighthouse's budget.json").And.Contains("--from budget.json"));
    }

    [TestCase("""{ "budgets": [ { "type": "script", "path": "/", "maximumError": "1kB" } ] }""", "\"path\" and \"excludePaths\" choose the pages of a \"type\": \"initial\" budget")]
    [TestCase("""{ "budgets": [ { "type": "initial", "entry": "index.html", "excludePaths": "/a", "maximumError": "1kB" } ] }""", "\"path\" and \"excludePaths\" choose the pages of a \"type\": \"initial\" budget")]
    [TestCase("""{ "budgets": [ { "type": "initial", "path": ["/a"], "maximumError": "1kB" } ] }""", "\"path\" must be one URL path")]
    [TestCase("""{ "budgets": [ { "type": "script", "renderLoads": true, "maximumError": "1kB" } ] }""", "\"renderLoads\" applies to \"type\": \"initial\" budgets")]
    [TestCase("""{ "budgets": [ { "type": "timing", "metric": "lcp", "entry": "index.html", "path": "/", "maximumError": "2s" } ] }""", "A timing budget limits one \"entry\", or the pages")]
    public void In_a_budget_json_page_paths_are_for_initial_and_timing_budgets(string json, string message)
    {
        var read = BudgetFileReader.Read(_folder.Write("budget.json", json));

        Assert.That(read.Diagnostics.Where(d => d.Severity == Diagnostics.Severity.Error).Select(d => d.Message), Has.Some.StartsWith(message));
    }

    [Test]
    public void Other_hosts_files_count_as_requests_of_the_first_load_and_leave_sizes_incomplete()
    {
        var output = _folder.Combine("site");
        Directory.CreateDirectory(output);
        File.WriteAllText(Path.Combine(output, "app.js"), "console.log('app');");
        File.WriteAllText(Path.Combine(output, "index.html"), """
            <!doctype html><script src="app.js"></script><script src="https://cdn.example.com/lib/react.min.js"></script>
            <img loading="lazy" src="https://images.example.com/hero.png"><p>hi</p>
            """);
        var config = _folder.Write("lh.json", """[ { "resourceSizes": [ { "resourceType": "script", "budget": 100 } ], "resourceCounts": [ { "resourceType": "script", "budget": 1 }, { "resourceType": "total", "budget": 3 } ] } ]""");

        var result = BudgetCheck.Run(new CheckOptions(config, OutputPath: output) { FromPeerConfig = true });

        var size = result.Budgets.Single(b => b.Budget.Label == "script size (every page)");
        Assert.That(size.Status, Is.EqualTo(BudgetStatus.Incomplete), "react from the CDN has a size only a browser sees");
        Assert.That(size.Unmeasured.Select(u => u.Path), Has.Some.EqualTo("index.html: https://cdn.example.com/lib/react.min.js"));
        Assert.That(result.Budgets.Single(b => b.Budget.Label == "script requests (every page)").Status, Is.EqualTo(BudgetStatus.Error), "app.js and react: 2 scripts");
        Assert.That(result.Budgets.Single(b => b.Budget.Label == "total requests (every page)").Count, Is.EqualTo(3), "the page, app.js and react; the lazy image is no first-load request");
    }

    [Test]
    public void Limits_are_whole_bytes_within_Lighthouses_and_its_accepted_values_are_accepted()
    {
        var config = _folder.Write("lh.json", """
            [ { "path": "/", "path": "/about",
                "options": { "firstPartyHostnames": ["*.example.com"] },
                "resourceSizes": [ { "resourceType": "document", "budget": 0.45 }, { "resourceType": "script", "budget": -1 }, { "resourceType": "total", "budget": 1e30 } ] } ]
            """);

        var result = Check(config);

        Assert.That(result.Diagnostics.Where(d => d.Code == PeerDiagnostics.NotRead), Is.Empty);
        Assert.Multiple(() =>
        {
            Assert.That(result.Budgets.Single(b => b.Budget.Label == "document size (pages at '/about')").Budget.MaximumError!.Value, Is.EqualTo(460), "0.45 KiB is 460.8 B: 461 B is over in Lighthouse");
            Assert.That(result.Budgets.Single(b => b.Budget.Label == "script size (pages at '/about')").Status, Is.EqualTo(BudgetStatus.Error), "a negative budget is always over, as in Lighthouse");
            Assert.That(result.Budgets.Single(b => b.Budget.Label == "total size (pages at '/about')").Budget.MaximumError!.Value, Is.EqualTo(1_000_000_000_000_000));
        });
    }

    [TestCase("""[ { "options": { "firstPartyHostnames": "example.com" }, "timings": [ { "metric": "interactive", "budget": 1 } ] } ]""", "firstPartyHostnames should be defined as an array of strings.")]
    [TestCase("""[ { "options": { "firstPartyHostnames": ["example.com:8080"] }, "timings": [ { "metric": "interactive", "budget": 1 } ] } ]""", "example.com:8080 is not a valid hostname.")]
    [TestCase("""[ { "options": { "firstPartyHostnames": ["a.*.com"] }, "timings": [ { "metric": "interactive", "budget": 1 } ] } ]""", "a.*.com is not a valid hostname.")]
    [TestCase("""[ { "path": 5, "timings": [ { "metric": "interactive", "budget": 1 } ] } ]""", "Invalid path 5. Path should be a string.")]
    public void Its_options_are_validated_as_Lighthouse_validates_them(string config, string message)
    {
        var result = Check(_folder.Write("lh.json", config));

        Assert.That(result.Diagnostics.Where(d => d.Code == PeerDiagnostics.NotRead).Select(d => d.Message), Has.Some.StartWith(message));
    }

    [Test]
    public void A_file_of_thousands_of_budgets_is_read_up_to_a_thousand()
    {
        var config = _folder.Write("lh.json", "[" + string.Join(",", Enumerable.Range(0, 1500).Select(i => $$"""{ "path": "/p{{i}}", "resourceCounts": [ { "resourceType": "total", "budget": 10 } ] }""")) + "]");

        var result = Check(config);

        Assert.That(result.Diagnostics.Single(d => d.Code == PeerDiagnostics.NotRead).Message, Is.EqualTo("The file holds 1,500 budgets; only the first 1,000 are read."));
        Assert.That(result.Budgets, Has.Count.EqualTo(1000));
    }

    [TestCase("/about$", "about.html", true)]
    [TestCase("/caf%C3%A9/", "café/index.html", true)]
    [TestCase("/a%20b", "a b.html", true)]
    [TestCase("/docs/$", "docs/index.html", true)]
    public void A_page_is_at_the_URL_paths_a_static_host_serves_it_at(string pattern, string page, bool matches)
    {
        var path = UrlPathPattern.TryParse(pattern, out _)!;
        Assert.That(UrlPathPattern.UrlPathsOf(page).Any(path.Matches), Is.EqualTo(matches), string.Join(", ", UrlPathPattern.UrlPathsOf(page)));
    }

    [Test]
    public void Import_writes_a_budget_json_that_reads_back_to_the_same_budgets()
    {
        var read = BudgetFileReader.ReadFrom(Path.Combine(Fixture, "lighthouse-budget.json"));
        var target = _folder.Combine("budget.json");
        File.WriteAllText(target, BudgetFileWriter.Write(read.File! with { OutputPath = ViteDist }, target));

        var back = BudgetFileReader.Read(target);
        Assert.That(back.Diagnostics.Where(d => d.Severity == Diagnostics.Severity.Error).Select(d => $"{d.Line}: {d.Message}"), Is.Empty);
        Assert.That(back.File!.Budgets.Select(Describe), Is.EqualTo(read.File.Budgets.Select(Describe)));
        var imported = BudgetCheck.Run(new CheckOptions(target));
        var direct = Check(Path.Combine(Fixture, "lighthouse-budget.json"));
        Assert.That(imported.Budgets.Select(b => (b.Budget.Label, b.Status, b.IsIncomplete, b.Actual)), Is.EqualTo(direct.Budgets.Select(b => (b.Budget.Label, b.Status, b.IsIncomplete, b.Actual))));
    }

    private static string Describe(Budget b) =>
        $"{b.Label}|{b.TypeName}|{b.Files}|{string.Join(',', b.Exclude)}|{b.Path}|{string.Join(',', b.ExcludePaths)}|{b.MaximumError?.Value}|{b.MaximumCount}|{b.Metric}|{b.CountsRenderLoads}|{b.Compression}";

    [TestCase("/", "/", true)]
    [TestCase("/", "/about.html", true)]
    [TestCase("/about", "/about.html", true)]
    [TestCase("/about$", "/about.html", false)]
    [TestCase("/*.html$", "/docs/a.html", true)]
    [TestCase("/*.html$", "/docs/a.htm", false)]
    [TestCase("/docs/*/", "/docs/x/", true)]
    [TestCase("/docs/*/", "/docs/", false)]
    public void Paths_match_as_Lighthouses_urlMatchesPattern_does(string pattern, string url, bool matches)
    {
        Assert.That(UrlPathPattern.TryParse(pattern, out _)!.Matches(url), Is.EqualTo(matches));
    }
}
