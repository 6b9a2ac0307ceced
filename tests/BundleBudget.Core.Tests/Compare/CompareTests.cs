using System.Text.Json;
using BundleBudget.Core.Compare;
using BundleBudget.Core.Reports;

namespace BundleBudget.Core.Tests.Compare;

/// <summary>Comparisons of two real builds of one app: testassets/vite-app (base) and vite-app-head (a pull request adding dayjs).</summary>
public class CompareTests
{
    private TemporaryFolder _folder = null!;

    [SetUp]
    public void SetUp() => _folder = new TemporaryFolder();

    [TearDown]
    public void TearDown() => _folder.Dispose();

    private ReportSnapshot Report(string fixture, string budgets = """{ "type": "script", "maximumError": "12KB" }, { "type": "total", "maximumError": "2MB" }""")
    {
        var dist = JsonSerializer.Serialize(Path.Combine(TestAssets.Folder, fixture, "dist"));
        var budget = _folder.Write($"{fixture}.budget.json", $$"""{ "outputPath": {{dist}}, "budgets": [ {{budgets}} ], "imports": { "rules": "none" } }""");
        var report = _folder.Combine($"{fixture}.report.json");
        JsonReportWriter.Write(BudgetCheck.Run(new CheckOptions(budget)), report);
        return ReportSnapshot.Read(report);
    }

    [Test]
    public void A_user_pattern_takes_out_what_no_bundler_hash_looks_like()
    {
        ReportAsset Asset(string path) => new(path, "script", true, null, null, 100, 100, null);
        var before = new[] { Asset("app.v2-release.js") };
        var after = new[] { Asset("app.v3-release.js") };

        Assert.That(AssetMatcher.Match(before, after).Pairs, Is.Empty);
        var (pairs, removed, added) = AssetMatcher.Match(before, after, Core.Compare.FileNamePattern.Parse(@"\.v\d+"));
        Assert.That(pairs.Select(p => (p.Base.Path, p.Head.Path)), Is.EqualTo(new[] { ("app.v2-release.js", "app.v3-release.js") }));
        Assert.That(removed.Concat(added), Is.Empty);
    }

    [Test]
    public void Chunks_renamed_by_their_content_hash_are_one_asset_and_added_and_removed_files_are_listed()
    {
        var comparison = ReportComparer.Compare(Report("vite-app"), Report("vite-app-head"), new NoiseThreshold());

        var main = comparison.Assets.Single(a => a.HeadPath == "assets/main-WZrq9pOn.js");
        Assert.That(main.BasePath, Is.EqualTo("assets/main-C17BpASX.js"));
        Assert.That(main.Renamed, Is.True);
        Assert.That(main.Delta, Is.GreaterThan(2500), "dayjs was added to the main chunk");
        Assert.That(comparison.Assets.Single(a => a.BasePath == "assets/team-VZtWTLTK.jpg").Head, Is.Null);
        Assert.That(comparison.Assets.Single(a => a.HeadPath == "assets/settings-BqGBjycH.js").Base, Is.Null);
        Assert.That(comparison.Assets.Select(a => a.Path), Has.None.EqualTo("assets/chart-CqPq92ej.js"), "same size under a new hash: no change to show");
        Assert.That(comparison.Assets[0].HeadPath, Is.EqualTo("assets/team-VZtWTLTK.jpg").Or.EqualTo("assets/main-WZrq9pOn.js").Or.Null, "biggest change first");
        Assert.That(comparison.TotalDelta, Is.EqualTo(comparison.HeadTotal - comparison.BaseTotal));
    }

    [Test]
    public void A_budget_that_flips_status_is_shown_with_its_change()
    {
        var comparison = ReportComparer.Compare(Report("vite-app"), Report("vite-app-head"), new NoiseThreshold());
        var script = comparison.Budgets.Single(b => b.Name == "script");
        Assert.That((script.BaseStatus, script.HeadStatus), Is.EqualTo(("pass", "error")));
        Assert.That(script.Delta, Is.GreaterThan(0));

        var markdown = ComparisonMarkdownWriter.Render(comparison, new NoiseThreshold());
        Assert.That(markdown, Does.StartWith(ComparisonMarkdownWriter.Marker));
        Assert.That(markdown, Does.Contain("## BundleBudget: :x: over budget (1 error) · total "));
        Assert.That(markdown, Does.Match(@"\| script \| :white_check_mark: → :x: \| [0-9.]+ kB \| \+[0-9.]+ kB \(\+[0-9.]+%\) \| 12\.0 kB \|"));
        Assert.That(markdown, Does.Contain("| assets/main-WZrq9pOn.js (was assets/main-C17BpASX.js) |"));
        Assert.That(markdown, Does.Contain("| assets/team-VZtWTLTK.jpg | 39.9 kB | removed | -39.9 kB |"));
        Assert.That(markdown, Does.Contain("<details><summary>All "));
    }

    [Test]
    public void Changes_below_the_noise_threshold_are_hidden_and_counted()
    {
        var quiet = ReportComparer.Compare(Report("vite-app"), Report("vite-app-head"), new NoiseThreshold(Percent: 50, Bytes: 5000));
        Assert.That(quiet.Assets.Where(a => a.Base is not null && a.Head is not null), Is.Empty);
        Assert.That(quiet.HiddenChanges, Is.GreaterThan(0));
        Assert.That(ComparisonMarkdownWriter.Render(quiet, new NoiseThreshold(50, 5000)), Does.Contain($"{quiet.HiddenChanges} change"));
    }

    [Test]
    public void Without_a_base_the_head_is_shown_alone_and_nothing_fails()
    {
        var comparison = ReportComparer.Compare(null, Report("vite-app-head"), new NoiseThreshold());
        Assert.That(comparison.HasBase, Is.False);
        var markdown = ComparisonMarkdownWriter.Render(comparison, new NoiseThreshold());
        Assert.That(markdown, Does.Contain("(first report: no base to compare with)"));
        Assert.That(markdown, Does.Contain("| script | :x: |"));
    }

    [Test]
    public void An_incomplete_head_is_never_shown_as_within_budget()
    {
        _folder.Write("dist/index.html", "<script src=\"/gone.js\"></script>");
        var budget = _folder.Write("budget.json", """{ "outputPath": "dist", "imports": { "rules": "none" }, "budgets": [ { "type": "initial", "maximumError": "170KB" } ] }""");
        var report = _folder.Combine("head.json");
        JsonReportWriter.Write(BudgetCheck.Run(new CheckOptions(budget)), report);

        var markdown = ComparisonMarkdownWriter.Render(ReportComparer.Compare(null, ReportSnapshot.Read(report), new NoiseThreshold()), new NoiseThreshold());

        Assert.That(markdown, Does.Contain("## BundleBudget: :grey_question: incomplete: 1 budget could not be fully measured"));
        Assert.That(markdown, Does.Contain(":grey_question: incomplete").And.Not.Contain("within budget"));
    }

    [Test]
    public void New_whole_library_imports_are_listed()
    {
        ReportSnapshot Imports(string allow)
        {
            var dist = JsonSerializer.Serialize(Path.Combine(TestAssets.Folder, "ts-app", "dist"));
            var sources = JsonSerializer.Serialize(Path.GetRelativePath(_folder.Path, Path.Combine(TestAssets.Folder, "ts-app", "src")).Replace('\\', '/') + "/**/*.{js,jsx,ts,tsx}");
            var budget = _folder.Write($"b{allow.Length}.json", $$"""{ "outputPath": {{dist}}, "budgets": [ { "type": "script", "maximumError": "1MB" } ], "imports": { "sources": [ {{sources}} ], "allow": [ {{allow}} ] } }""");
            var report = _folder.Combine($"r{allow.Length}.json");
            JsonReportWriter.Write(BudgetCheck.Run(new CheckOptions(budget)), report);
            return ReportSnapshot.Read(report);
        }

        var comparison = ReportComparer.Compare(Imports("\"moment\""), Imports(string.Empty), new NoiseThreshold());
        Assert.That(comparison.NewImports.Select(i => i.Module), Is.EqualTo(new[] { "moment" }));
        Assert.That(comparison.NewImports.Single().File, Does.EndWith("ts-app/src/reports.tsx"));
        Assert.That(ComparisonMarkdownWriter.Render(comparison, new NoiseThreshold()), Does.Contain("**New whole-library imports**").And.Contain("reports.tsx:4:20: moment (import-default)"));
    }

    [Test]
    public void Hostile_file_names_are_rendered_harmlessly()
    {
        string[] names = ["<img src=x onerror=alert(1)>.js", "a|b|c.js", "`tick` and **bold**.js", "[link](javascript:alert(1)).js"];
        foreach (var name in names)
        {
            _folder.Write(Path.Combine("dist", name), "console.log('" + new string('x', 300) + "');");
        }

        var budget = _folder.Write("hostile.json", """{ "outputPath": "dist", "budgets": [ { "type": "script", "maximumError": "1MB" } ] }""");
        var report = _folder.Combine("hostile.report.json");
        JsonReportWriter.Write(BudgetCheck.Run(new CheckOptions(budget)), report);
        var markdown = ComparisonMarkdownWriter.Render(ReportComparer.Compare(null, ReportSnapshot.Read(report), new NoiseThreshold()), new NoiseThreshold());
        var withBase = ComparisonMarkdownWriter.Render(ReportComparer.Compare(ReportSnapshot.Read(report) with { Assets = [] }, ReportSnapshot.Read(report), new NoiseThreshold()), new NoiseThreshold());

        foreach (var text in new[] { markdown, withBase })
        {
            Assert.That(text, Does.Not.Contain("<img"));
            Assert.That(text, Does.Contain("&lt;img src=x onerror=alert(1)&gt;.js"));
            Assert.That(text, Does.Not.Contain("a|b"));
            Assert.That(text, Does.Not.Contain("`tick`"));
            Assert.That(text, Does.Not.Contain("[link](javascript"), "the link syntax is escaped");
        }

        Assert.That(withBase, Does.Contain("a\\|b\\|c.js"));
    }

    [Test]
    public void A_comment_never_exceeds_what_a_pull_request_comment_may_hold()
    {
        var assets = Enumerable.Range(0, 5000).Select(i => new ReportAsset($"assets/{new string('n', 40)}-{i:D5}.js", "script", true, null, null, 1000 + i, 500 + i, null)).ToList();
        var head = new ReportSnapshot("pass", 0, 0, assets, [], []);
        var comparison = ReportComparer.Compare(head with { Assets = [] }, head, new NoiseThreshold());
        var markdown = ComparisonMarkdownWriter.Render(comparison, new NoiseThreshold());
        Assert.That(markdown.Length, Is.LessThanOrEqualTo(ComparisonMarkdownWriter.MaxCommentLength));
        Assert.That(markdown, Does.Match(@"\d+ more changed files are not listed: the comment would exceed the 65,536 characters"));
        Assert.That(markdown, Does.Contain("</details>"), "the collapsed block is closed even when cut");
    }

    [TestCase("assets/main-C17BpASX.js", "assets/main-*.js")]
    [TestCase("assets/reports-3-a6-wP2.js", "assets/reports-*.js")]
    [TestCase("assets/inter-latin-400-normal-C38fXH4l.woff2", "assets/inter-latin-400-normal-*.woff2")]
    [TestCase("main.3f2a1b9c4d5e6f70.js", "main.*.js")]
    [TestCase("static/js/main.8c3f2a1b.chunk.js", "static/js/main.*.chunk.js")]
    [TestCase("assets/main-C17BpASX.js.map", "assets/main-*.js.map")]
    [TestCase("assets/settings.js", "assets/settings.js")]
    [TestCase("assets/app-Settings.js", "assets/app-Settings.js")]
    [TestCase("favicon.svg", "favicon.svg")]
    [TestCase("_framework/dotnet.k5y3w03gkz.js", "_framework/dotnet.*.js")]
    [TestCase("_framework/System.Private.CoreLib.hf5ynivft9.wasm", "_framework/System.Private.CoreLib.*.wasm")]
    [TestCase("_framework/icudt_EFIGS.tptq2av103.dat", "_framework/icudt_EFIGS.*.dat")]
    [TestCase("_framework/dotnet.native.rw4kynp763.wasm.br", "_framework/dotnet.native.*.wasm.br")]
    [TestCase("_framework/dotnet.nzurtqrgia.js", "_framework/dotnet.*.js")]
    [TestCase("css/site-navigation.css", "css/site-navigation.css")]
    public void The_content_hash_is_taken_out_of_a_name(string path, string expected)
    {
        Assert.That(AssetMatcher.WithoutHash(path), Is.EqualTo(expected));
    }

    [Test]
    public void A_report_that_is_not_one_is_a_clear_error()
    {
        var path = _folder.Write("not-a-report.json", """{ "hello": 1 }""");
        Assert.That(() => ReportSnapshot.Read(path), Throws.TypeOf<InvalidDataException>().With.Message.Contains("not a BundleBudget report"));
    }

    [Test]
    public void Load_time_budgets_are_compared_in_time_not_bytes()
    {
        const string budgets = """{ "type": "initial", "entry": "index.html", "network": "slow-3g", "maximumError": "20s" }""";
        var comparison = ReportComparer.Compare(Report("vite-app", budgets), Report("vite-app-head", budgets), new NoiseThreshold());
        var budget = comparison.Budgets.Single();
        Assert.That(budget.Unit, Is.EqualTo(BundleBudget.Core.Budgets.LimitUnit.Milliseconds));
        var markdown = ComparisonMarkdownWriter.Render(comparison, new NoiseThreshold());
        Assert.That(markdown, Does.Match(@"\| initial 'index\.html' on slow-3g \| :white_check_mark: \| [0-9.]+ s \| \+[0-9]+ ms \([^)]*\) \| 20\.0 s \|"));
    }

    [Test]
    public void A_path_twice_in_a_report_counts_once_and_Windows_separators_match()
    {
        ReportAsset Asset(string path, long size) => new(path, "script", true, null, null, size, size, null);
        var baseReport = new ReportSnapshot("pass", 0, 0, [Asset("assets/a-1a2b3c4d.js", 100), Asset("assets/a-1a2b3c4d.js", 100)], [], []);
        var head = new ReportSnapshot("pass", 0, 0, [Asset("assets/a-9z8y7x6w.js", 300), Asset("assets/a-9z8y7x6w.js", 300)], [], []);
        var comparison = ReportComparer.Compare(baseReport, head, new NoiseThreshold());
        Assert.That(comparison.Assets.Single().Delta, Is.EqualTo(200));

        var original = Report("vite-app");
        var text = File.ReadAllText(_folder.Combine("vite-app.report.json")).Replace("\"path\": \"assets/", "\"path\": \"assets\\\\", StringComparison.Ordinal);
        Assert.That(text, Does.Contain("assets\\\\main-C17BpASX.js"), "the report really has Windows separators");
        var windows = ReportSnapshot.Read(_folder.Write("windows.report.json", text));
        Assert.That(windows.Assets.Select(a => a.Path), Is.EqualTo(original.Assets.Select(a => a.Path)));
        Assert.That(ReportComparer.Compare(windows, original, new NoiseThreshold()).Assets, Is.Empty);
    }
}
