using System.Text.Json;
using BundleBudget.Core;
using BundleBudget.Core.Reports;
using PuppeteerSharp;

namespace BundleBudget.Browser.Tests;

/// <summary>
/// The HTML report of real builds, opened in the installed Chromium from a file: what it draws (a block per package with
/// the bytes source-map-explorer gives), that it loads nothing, logs no error, and shows hostile names as text.
/// </summary>
[NonParallelizable]
public class HtmlReportTests
{
    private static readonly string WebpackDuplicates = Path.Combine(TestAssets.Folder, "webpack-duplicates");
    private IBrowser _browser = null!;
    private TemporaryFolder _folder = null!;

    [OneTimeSetUp]
    public async Task StartBrowser()
    {
        var found = BrowserLocator.Find(null, Environment.GetEnvironmentVariable);
        Assert.That(found.Path, Is.Not.Null, $"the tests need a browser, which build/test.sh installs: {found.Problem}");
        _browser = await Puppeteer.LaunchAsync(PageTimer.HeadlessOptions(found.Path!));
        _folder = new TemporaryFolder();
    }

    [OneTimeTearDown]
    public async Task StopBrowser()
    {
        await _browser.DisposeAsync();
        _folder.Dispose();
    }

    [Test]
    public async Task Each_package_of_a_webpack_bundle_is_a_block_with_the_bytes_source_map_explorer_gives()
    {
        var report = Check("webpack", $$"""{ "outputPath": {{JsonSerializer.Serialize(Path.Combine(WebpackDuplicates, "dist"))}}, "budgets": [ { "type": "script", "maximumError": "30kB" } ] }""");
        await using var page = await Open(report);

        Assert.That(await Evaluate<string>(page, "document.getElementById('bb-view').selectedOptions[0].textContent"), Is.EqualTo("shop.html"), "the page that loads the most first");
        await SelectView(page, "admin.html");
        await Evaluate(page, "document.querySelector('input[name=\"bb-compression\"][value=\"raw\"]').click()");
        await ZoomInto(page, "file", "admin.2ac98d2b.js");
        var expected = JsonDocument.Parse(File.ReadAllText(Path.Combine(WebpackDuplicates, "source-map-explorer.json"))).RootElement
            .GetProperty("bundles").GetProperty("admin.2ac98d2b.js").GetProperty("files");
        Assert.Multiple(async () =>
        {
            Assert.That(await Bytes(page, "package", "dayjs"), Is.EqualTo(expected.GetProperty("webpack://bundlebudget-webpack-duplicates/node_modules/dayjs/dayjs.min.js").GetInt64()));
            Assert.That(await Bytes(page, "package", "nanoid"), Is.EqualTo(expected.GetProperty("webpack://bundlebudget-webpack-duplicates/node_modules/nanoid/index.browser.js").GetInt64()));
        });

        await ZoomInto(page, "package", "(app)");
        // The module as the map names it; source-map-explorer normalises "./src" to "src".
        Assert.That(await Bytes(page, "module", "webpack://bundlebudget-webpack-duplicates/./src/format.js"), Is.EqualTo(expected.GetProperty("webpack://bundlebudget-webpack-duplicates/src/format.js").GetInt64()));
        Assert.That(await Evaluate<string>(page, "Array.from(document.querySelectorAll('#bb-crumbs button')).map(b => b.textContent).join(' | ')"),
            Does.StartWith("admin.html").And.Contains("admin.2ac98d2b.js").And.Contains("(app)"));
        page.AssertClean();
        await Screenshot(page, "webpack-duplicates");
    }

    [Test]
    public async Task A_size_switch_draws_every_file_in_gzip_and_brotli_as_the_JSON_report_measures_them()
    {
        var report = Check("vite", File.ReadAllText(Path.Combine(TestAssets.Folder, "vite-app", "budget.json")).Replace("\"dist\"", JsonSerializer.Serialize(Path.Combine(TestAssets.Folder, "vite-app", "dist"))), json: true, brotli: true);
        await using var page = await Open(report);
        var assets = JsonDocument.Parse(File.ReadAllText(Path.ChangeExtension(report, ".json"))).RootElement.GetProperty("assets").EnumerateArray()
            .ToDictionary(a => a.GetProperty("path").GetString()!, a => a);

        await SelectView(page, "All files");
        foreach (var compression in new[] { "gzip", "brotli", "raw" })
        {
            await Evaluate(page, $"document.querySelector('input[name=\"bb-compression\"][value=\"{compression}\"]').click()");
            foreach (var (type, file) in new[] { ("script", "assets/main-C17BpASX.js"), ("script", "assets/chart-WW7ovG0v.js"), ("document", "index.html"), ("image", "assets/hero-BWnkITgT.png") })
            {
                await ZoomInto(page, "group", type);
                Assert.That(await Bytes(page, "file", file), Is.EqualTo(assets[file].GetProperty(compression).GetInt64()), $"{file} {compression}");
                await Evaluate(page, "document.querySelector('#bb-crumbs button').click()");
            }
        }

        page.AssertClean();
    }

    [Test]
    public async Task Without_brotli_measured_the_switch_offers_raw_and_gzip_and_says_how_to_get_brotli()
    {
        var report = Check("no-brotli", $$"""{ "outputPath": {{JsonSerializer.Serialize(Path.Combine(WebpackDuplicates, "dist"))}}, "budgets": [ { "type": "image", "maximumError": "1MB" } ] }""");
        await using var page = await Open(report);

        Assert.That(await Evaluate<string[]>(page, "Array.from(document.querySelectorAll('input[name=\"bb-compression\"]')).map(i => i.value)"), Is.EqualTo(new[] { "raw", "gzip" }), "gzip is measured for the report though no budget compares it");
        Assert.That(await Evaluate<string>(page, "document.getElementById('bb-compression').textContent"), Does.Contain("--brotli"));
        page.AssertClean();
    }

    [Test]
    public async Task With_a_base_report_the_changes_are_coloured_and_new_files_marked()
    {
        var baseReport = Check("vite-base", File.ReadAllText(Path.Combine(TestAssets.Folder, "vite-app", "budget.json")).Replace("\"dist\"", JsonSerializer.Serialize(Path.Combine(TestAssets.Folder, "vite-app", "dist"))), json: true);
        var head = Check("vite-head", File.ReadAllText(Path.Combine(TestAssets.Folder, "vite-app-head", "budget.json")).Replace("\"dist\"", JsonSerializer.Serialize(Path.Combine(TestAssets.Folder, "vite-app-head", "dist"))), baseline: Path.ChangeExtension(baseReport, ".json"));
        await using var page = await Open(head);

        Assert.That(await Evaluate<string>(page, "getComputedStyle(document.getElementById('bb-legend-diff')).display"), Is.EqualTo("none"), "the change legend waits for its colours");
        await Evaluate(page, "document.querySelector('input[name=\"bb-mode\"][value=\"diff\"]').click()");
        await SelectView(page, "All files");
        Assert.That(await Evaluate<string>(page, "getComputedStyle(document.getElementById('bb-legend')).display + ' ' + getComputedStyle(document.querySelector('#bb-legend-diff .d-up')).backgroundColor"),
            Is.EqualTo("none rgb(188, 40, 35)"), "the status legend is hidden and the change legend shows the map's colours");
        Assert.Multiple(async () =>
        {
            Assert.That(await ClassOf(page, "file", "assets/settings-BqGBjycH.js"), Does.Contain("d-new"), "a chunk the base did not have");
            Assert.That(await ClassOf(page, "file", "assets/about-CXXMcJu_.js"), Does.Contain("d-down"), "44 B smaller, under another hash");
            Assert.That(await Evaluate<string>(page, "document.getElementById('changes').textContent"), Does.Contain("assets/settings-BqGBjycH.js").And.Contains("added").Or.Contains("new"));
        });
        await Screenshot(page, "vite-app-changes");
        await Evaluate(page, "document.getElementById('bb-toggle').click()");
        Assert.That(await Evaluate<string>(page, "document.querySelector('#bb-table thead').textContent"), Does.Contain("Change"));
        page.AssertClean();
    }

    [Test]
    public async Task Names_that_are_markup_stay_text_and_nothing_runs_or_loads()
    {
        var output = _folder.Combine("hostile", "dist");
        Directory.CreateDirectory(output);
        var name = "<img src=x onerror=window.pwned=1>.js";
        var source = "</script><script>window.pwned=2</script>";
        File.WriteAllText(Path.Combine(output, name), "console.log(1);\n//# sourceMappingURL=a.js.map\n");
        File.WriteAllText(Path.Combine(output, "a.js.map"), JsonSerializer.Serialize(new { version = 3, sources = new[] { "node_modules/<b>pkg/index.js", source }, names = Array.Empty<string>(), mappings = "AAAA,QCAA" }));
        File.WriteAllText(Path.Combine(output, "index.html"), $"<!doctype html><script src=\"{Uri.EscapeDataString(name)}\"></script>");
        var report = Check("hostile", $$"""{ "outputPath": {{JsonSerializer.Serialize(output)}}, "budgets": [ { "name": "<svg onload=window.pwned=3>", "type": "script", "maximumError": "1kB" } ] }""");
        await using var page = await Open(report);

        Assert.Multiple(async () =>
        {
            Assert.That(await Evaluate<bool>(page, "window.pwned === undefined"), Is.True);
            Assert.That(await Evaluate<int>(page, "document.querySelectorAll('img, svg, b').length"), Is.Zero);
            Assert.That(await Evaluate<int>(page, "document.querySelectorAll('script').length"), Is.EqualTo(2), "the data and the report's own script");
            Assert.That(await Evaluate<string>(page, "document.body.textContent"), Does.Contain(name).And.Contains("<svg onload=window.pwned=3>"));
        });
        await ZoomInto(page, "file", name);
        Assert.That(await Evaluate<int>(page, "Array.from(document.querySelectorAll('.bb-b')).filter(b => b.getAttribute('data-name') === '<b>pkg').length"), Is.EqualTo(1));
        page.AssertClean();
    }

    [Test]
    public async Task Keyboard_and_table_view_reach_what_the_treemap_shows()
    {
        var report = Check("keyboard", $$"""{ "outputPath": {{JsonSerializer.Serialize(Path.Combine(WebpackDuplicates, "dist"))}}, "budgets": [ { "type": "script", "scope": "each", "maximumWarning": "3kB" } ] }""");
        await using var page = await Open(report);

        await SelectView(page, "admin.html");
        await Evaluate(page, "document.querySelector('#bb-map [tabindex]').focus()");
        Assert.That(await Evaluate<string>(page, "document.getElementById('bb-tip').textContent"), Does.Contain("first load"));
        await page.Page.Keyboard.PressAsync("Enter");
        Assert.That(await Evaluate<int>(page, "document.querySelectorAll('#bb-crumbs button').length"), Is.EqualTo(2));
        await Evaluate(page, "document.getElementById('bb-toggle').click()");
        var rows = await Evaluate<string[]>(page, "Array.from(document.querySelectorAll('#bb-table tbody tr')).map(r => r.cells[0].textContent + ' ' + r.cells[7].textContent)");
        Assert.That(rows, Has.Some.Matches<string>(r => r.StartsWith("admin.2ac98d2b.js", StringComparison.Ordinal) && r.EndsWith("warning", StringComparison.Ordinal)), "the bundle over its 3 kB warning: " + string.Join(" | ", rows));
        page.AssertClean();
    }

    [Test]
    public async Task A_build_of_300_chunks_and_10000_modules_draws_what_fits_and_lists_every_chunk()
    {
        var output = _folder.Combine("large", "dist");
        LargeBuild.Write(output, chunks: 300, modulesPerChunk: 34);
        var report = Check("large", $$"""{ "outputPath": {{JsonSerializer.Serialize(output)}}, "budgets": [ { "type": "script", "maximumError": "10MB" } ] }""");
        await using var page = await Open(report);

        var opened = await Evaluate<string>(page, "document.documentElement.getAttribute('data-bb-ready')");
        TestContext.Out.WriteLine($"The report of 300 chunks and 10,200 modules ({new FileInfo(report).Length:N0} bytes) was drawn {opened} ms after navigation started.");
        var blocks = await Evaluate<int>(page, "document.querySelectorAll('.bb-b').length");
        Assert.That(blocks, Is.InRange(300, 6000), "the blocks that have room are drawn, not 10,000 slivers");
        await SelectView(page, "All files");
        await ZoomInto(page, "group", "script");
        await Evaluate(page, "document.getElementById('bb-toggle').click()");
        Assert.That(await Evaluate<int>(page, "document.querySelectorAll('#bb-table tbody tr').length"), Is.EqualTo(300));
        page.AssertClean();
    }

    [Test]
    public async Task A_size_the_base_did_not_measure_is_unknown_and_the_packages_of_a_new_file_are_new()
    {
        var budget = $$"""{ "outputPath": {{JsonSerializer.Serialize(Path.Combine(WebpackDuplicates, "dist"))}}, "budgets": [ { "type": "script", "maximumError": "30kB" } ] }""";
        var baseReport = Check("diff-base", budget, json: true);
        var baseJson = Path.ChangeExtension(baseReport, ".json");
        using (var written = JsonDocument.Parse(File.ReadAllText(baseJson)))
        {
            // A base whose check measured no gzip for the page (no budget compared it), and without cart's chunk.
            var root = System.Text.Json.Nodes.JsonNode.Parse(written.RootElement.GetRawText())!.AsObject();
            var assets = root["assets"]!.AsArray();
            assets.Single(a => a!["path"]!.GetValue<string>() == "admin.html")!["gzip"] = null;
            assets.Remove(assets.Single(a => a!["path"]!.GetValue<string>() == "cart.c31aee4f.js"));
            var bundles = root["bundles"]!.AsArray();
            bundles.Remove(bundles.Single(b => b!["path"]!.GetValue<string>() == "cart.c31aee4f.js"));
            File.WriteAllText(baseJson, root.ToJsonString());
        }

        var head = Check("diff-head", budget, baseline: baseJson);
        await using var page = await Open(head);
        await SelectView(page, "All files");
        await Evaluate(page, "document.querySelector('input[name=\"bb-mode\"][value=\"diff\"]').click()");
        await Evaluate(page, "document.querySelector('input[name=\"bb-compression\"][value=\"gzip\"]').click()");

        Assert.Multiple(async () =>
        {
            Assert.That(await ClassOf(page, "file", "admin.html"), Does.Contain("d-unknown").And.Not.Contain("d-down"), "the base has no gzip size for it");
            Assert.That(await ClassOf(page, "file", "shop.311137c7.js"), Does.Contain("d-same"));
        });
        await ZoomInto(page, "group", "script");
        await ZoomInto(page, "file", "cart.c31aee4f.js");
        Assert.That(await ClassOf(page, "package", "(app)"), Does.Contain("d-new"), "inside a file the base did not have");

        // Escape goes up a level and keeps the keyboard's focus on the map.
        await Evaluate(page, "document.querySelector('#bb-map [tabindex]').focus()");
        await page.Page.Keyboard.PressAsync("Escape");
        Assert.That(await Evaluate<string>(page, "document.activeElement.closest('#bb-map') ? 'map' : document.activeElement.tagName"), Is.EqualTo("map"));
        Assert.That(await Evaluate<int>(page, "document.querySelectorAll('#bb-crumbs button').length"), Is.EqualTo(2));
        page.AssertClean();
    }

    [Test]
    public async Task An_output_with_no_file_counted_says_so_instead_of_drawing_nothing()
    {
        var output = _folder.Combine("empty", "dist");
        Directory.CreateDirectory(output);
        File.WriteAllText(Path.Combine(output, "notes.map"), "{}");
        var report = Check("empty", $$"""{ "outputPath": {{JsonSerializer.Serialize(output)}}, "budgets": [ { "type": "script", "maximumError": "30kB" } ] }""", problems: true);
        await using var page = await Open(report);

        Assert.That(await Evaluate<string>(page, "document.querySelector('#bb-map .empty').textContent"), Is.EqualTo("No file of the output is counted here."));
        page.AssertClean();
    }

    private string Check(string name, string budget, bool json = false, string? baseline = null, bool brotli = false, bool problems = false)
    {
        var budgetFile = _folder.Write(Path.Combine(name, "budget.json"), budget);
        var html = _folder.Combine(name, "report.html");
        var result = BudgetCheck.Run(new CheckOptions(budgetFile, BrotliForAll: brotli)
        {
            Reports = new ReportOptions(Json: json ? Path.ChangeExtension(html, ".json") : null, Html: html, Baseline: baseline),
        });
        Assert.That(result.Reports.Problems, problems ? Is.Not.Null : Is.Empty);
        Assert.That(File.Exists(html), Is.True);
        return html;
    }

    private async Task<ReportPage> Open(string report)
    {
        var page = new ReportPage(await _browser.NewPageAsync(), new Uri(report).AbsoluteUri);
        await page.LoadAsync();
        return page;
    }

    private static Task Evaluate(ReportPage page, string script) => page.Page.EvaluateExpressionAsync(script);

    private static Task<T> Evaluate<T>(ReportPage page, string script) => page.Page.EvaluateExpressionAsync<T>(script);

    private static async Task SelectView(ReportPage page, string name)
    {
        var index = await Evaluate<int>(page, $"Array.from(document.getElementById('bb-view').options).findIndex(o => o.textContent === {JsonSerializer.Serialize(name)})");
        Assert.That(index, Is.GreaterThanOrEqualTo(0), $"a view {name}");
        await Evaluate(page, $"document.getElementById('bb-view').value = '{index}'; document.getElementById('bb-view').dispatchEvent(new Event('change'))");
    }

    private static string Find(string kind, string name) =>
        $"Array.from(document.querySelectorAll('.bb-b[data-kind=\"{kind}\"]')).find(b => b.getAttribute('data-name') === {JsonSerializer.Serialize(name)})";

    private static async Task ZoomInto(ReportPage page, string kind, string name)
    {
        Assert.That(await Evaluate<bool>(page, $"!!{Find(kind, name)}"), Is.True, $"a block for {kind} {name}");
        await Evaluate(page, $"{Find(kind, name)}.click()");
    }

    private static async Task<long> Bytes(ReportPage page, string kind, string name)
    {
        Assert.That(await Evaluate<bool>(page, $"!!{Find(kind, name)}"), Is.True, $"a block for {kind} {name}");
        return long.Parse(await Evaluate<string>(page, $"{Find(kind, name)}.getAttribute('data-bytes')"), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static async Task<string> ClassOf(ReportPage page, string kind, string name)
    {
        Assert.That(await Evaluate<bool>(page, $"!!{Find(kind, name)}"), Is.True, $"a block for {kind} {name}");
        return await Evaluate<string>(page, $"{Find(kind, name)}.className");
    }

    /// <summary>Kept as a test artifact (and the README's screenshot is taken the same way).</summary>
    private static async Task Screenshot(ReportPage page, string name)
    {
        var folder = Path.Combine(TestContext.CurrentContext.WorkDirectory, "artifacts");
        Directory.CreateDirectory(folder);
        var file = Path.Combine(folder, $"html-report-{name}.png");
        await page.Page.ScreenshotAsync(file, new ScreenshotOptions { FullPage = false });
        Assert.That(new FileInfo(file).Length, Is.GreaterThan(10_000), "a screenshot of a drawn page");
        TestContext.AddTestAttachment(file);
    }
}
