using System.Text.Json;
using BundleBudget.Core.Assets;
using BundleBudget.Core.Diagnostics;
using BundleBudget.Core.Evaluation;
using BundleBudget.Core.Fonts;

namespace BundleBudget.Core.Tests.Fixtures;

/// <summary>
/// The real webpack 5 build of testassets/webpack-dashboard: Chart.js 2 (which bundles all of Moment.js),
/// chartjs-adapter-moment, and Font Awesome 5's all-in-one CSS, whose @font-face rules list EOT, WOFF2, WOFF, TTF and
/// SVG fonts. References: webpack's own stats (webpack-stats.json), and what headless Chromium downloaded (README).
/// </summary>
public class WebpackDashboardTests
{
    private static readonly string App = Path.Combine(TestAssets.Folder, "webpack-dashboard");

    /// <summary>The fonts headless Chromium fetched for the page: the three Font Awesome WOFF2 and the Silkscreen TTF (listed before its WOFF2).</summary>
    private static readonly string[] DownloadedFonts =
    [
        "fonts/fa-brands-400.d878b0a6.woff2", "fonts/fa-regular-400.7a333762.woff2", "fonts/fa-solid-900.1551f4f6.woff2", "fonts/Silkscreen_400Regular.6e388c42.ttf",
    ];

    private static CheckResult? _result;

    private static CheckResult Result => _result ??= BudgetCheck.Run(new CheckOptions(Path.Combine(App, "budget.json")));

    [Test]
    public void The_font_budget_counts_the_200188_bytes_a_browser_downloads_not_the_2_97_MB_of_font_files()
    {
        var fonts = Result.Budgets.Single(b => b.Budget.Label == "font");
        Assert.That(fonts.MatchedFiles, Is.EqualTo(4));
        Assert.That(fonts.Actual, Is.EqualTo(200_188));
        var counted = Result.Assets.Where(a => a.Type == AssetType.Font && a.IsCounted).Select(a => a.Path);
        Assert.That(counted, Is.EquivalentTo(DownloadedFonts));

        var all = Result.Assets.Where(a => a.Type == AssetType.Font).ToList();
        Assert.That(all, Has.Count.EqualTo(17));
        Assert.That(all.Sum(a => a.Length), Is.EqualTo(2_969_962), "every font file is listed and measured");
        Assert.That(all.Where(a => !a.IsCounted).Select(a => a.Exclusion), Is.All.EqualTo(AssetExclusion.NotDownloaded));
    }

    [Test]
    public void Svg_fonts_are_fonts_not_images_and_the_image_budget_does_not_see_them()
    {
        var svgFonts = Result.Assets.Where(a => a.Path.EndsWith(".svg", StringComparison.Ordinal)).ToList();
        Assert.That(svgFonts, Has.Count.EqualTo(3));
        Assert.That(svgFonts.Select(a => a.Type), Is.All.EqualTo(AssetType.Font));
        Assert.That(Result.Images, Is.Empty);
        Assert.That(Result.Budgets.Single(b => b.Budget.Label == "image (each)").Offenders, Is.Empty);

        var solid = Result.Fonts.Single(f => f.Asset.Path == "fonts/fa-solid-900.7a8b4f13.svg");
        Assert.That(solid.Info.Format, Is.EqualTo("svg"));
        Assert.That(solid.Info.Glyphs, Is.GreaterThan(900));
        Assert.That(solid.Downloaded, Is.False);
    }

    [Test]
    public void Eot_and_svg_fonts_get_drop_it_fallbacks_after_a_woff2_get_drop_it_and_a_woff2_after_a_ttf_gets_list_it_first()
    {
        string Message(string path) => Result.Fonts.Single(f => f.Asset.Path == path).Findings.Single(f => f.Code == FontDiagnostics.Format).Message;

        Assert.That(Message("fonts/fa-solid-900.9bbb245e.eot"), Does.Contain("no browser in use reads EOT").And.Contain("Drop it").And.Not.Contain("Convert"));
        Assert.That(Message("fonts/fa-solid-900.7a8b4f13.svg"), Does.Contain("no browser in use reads SVG").And.Contain("Drop it"));
        Assert.That(Message("fonts/fa-solid-900.be9ee23c.ttf"), Does.Contain("lists WOFF2 before it").And.Contain("Drop it"));
        Assert.That(Message("fonts/silkscreen-latin-400-normal.beecf063.woff2"), Does.Contain("List the WOFF2 first"));
        Assert.That(Message("fonts/Silkscreen_400Regular.6e388c42.ttf"), Does.Contain("browsers download it").And.Contain("Convert it"));
        Assert.That(Result.Fonts.Where(f => f.Findings.Any(x => x.Code == FontDiagnostics.Unused)), Is.Empty);
    }

    [Test]
    public void The_initial_load_equals_webpacks_entrypoint_and_counts_no_font_twice()
    {
        using var stats = JsonDocument.Parse(File.ReadAllText(Path.Combine(App, "webpack-stats.json")));
        var entry = stats.RootElement.GetProperty("entrypoints").GetProperty("main").GetProperty("assets").EnumerateArray().Select(a => a.GetProperty("name").GetString()!).ToList();
        var page = Result.Pages.Find("index.html")!;
        Assert.That(page.Initial.Skip(1).Select(f => f.Path), Is.EquivalentTo(entry));
        Assert.That(page.Initial.Select(f => f.Path), Does.Not.Contain("settings.06e3bc33.js"), "webpack's lazy chunk is not initial");
        Assert.That(Result.Fonts.Where(f => f.Initial).Select(f => f.Asset.Path), Is.EquivalentTo(DownloadedFonts), "only fonts a browser downloads are initial");

        var sizes = stats.RootElement.GetProperty("assets").EnumerateArray().ToDictionary(a => a.GetProperty("name").GetString()!, a => a.GetProperty("size").GetInt64());
        foreach (var (name, size) in sizes)
        {
            Assert.That(Result.Sizes[name].Raw, Is.EqualTo(size), name);
        }
    }

    [Test]
    public void Every_byte_of_every_webpack_bundle_is_attributed_as_source_map_explorer_does()
    {
        // source-map-explorer 2.5.3 (--no-border-checks: its source-map dependency marks each line's last mapping as
        // column Infinity) names sources without "./" and with spaces as %20.
        using var reference = JsonDocument.Parse(File.ReadAllText(Path.Combine(App, "source-map-explorer.json")));
        static string AsExplorerNames(string source) => source.Replace("/./", "/", StringComparison.Ordinal).Replace(" ", "%20", StringComparison.Ordinal);
        foreach (var expected in reference.RootElement.GetProperty("bundles").EnumerateObject())
        {
            var bundle = Result.Bundles.Bundles.Single(b => b.Bundle == expected.Name);
            Assert.That(bundle.Bytes, Is.EqualTo(expected.Value.GetProperty("totalBytes").GetInt64()), expected.Name);
            var files = expected.Value.GetProperty("files").EnumerateObject().ToDictionary(f => f.Name, f => f.Value.GetInt64());
            foreach (var (source, bytes) in bundle.Sources)
            {
                Assert.That(bytes, Is.EqualTo(files[AsExplorerNames(source)]), $"{expected.Name}: {source}");
            }

            Assert.That(bundle.Packages.SingleOrDefault(p => p.Package == "moment")?.Bytes ?? 0,
                Is.EqualTo(files.Where(f => f.Key.Contains("/node_modules/moment/", StringComparison.Ordinal)).Sum(f => f.Value)), expected.Name);
        }
    }

    [Test]
    public void Chart_js_2_adapter_moment_and_font_awesome_all_css_are_whole_library_imports_at_their_place()
    {
        var found = Result.Imports.Findings.Select(f => $"{f.RelativeFile}:{f.Reference.Line}:{f.Reference.Column} {f.Reference.Module} {f.Rule.Id}").ToList();
        Assert.That(found, Is.EqualTo(new[]
        {
            "src/dashboard.js:1:19 chart.js chart.js-v2",
            "src/dashboard.js:2:8 chartjs-adapter-moment moment-adapter",
            "src/dashboard.js:3:8 @fortawesome/fontawesome-free/css/all.min.css fontawesome-all",
            "src/legacy-widget.js:4:23 chart.js chart.js-v2",
        }));
        var chart = Result.Imports.Findings[0];
        Assert.That(chart.Installed?.Version, Is.EqualTo("2.9.4"), "read from package-lock.json: the fixture has no node_modules");
        Assert.That(chart.ToDiagnostic().Message, Does.Contain("chart.js 2.9.4 installed").And.Contain("Moment.js"));
    }

    [Test]
    public void Moment_inside_the_bundle_names_what_pulled_it_in_and_where_that_is_imported()
    {
        var moment = Result.Bundles.Findings.Single(f => f.Package == "moment");
        Assert.That(moment.Bundle.Path, Is.EqualTo("vendors.5416922d.js"));
        Assert.That(moment.Source, Is.EqualTo("node_modules/moment/moment.js"));
        var message = moment.ToDiagnostic().Message;
        Assert.That(message, Does.Contain("pulled in by chart.js (imported at src/dashboard.js:1:19) and chartjs-adapter-moment (imported at src/dashboard.js:2:8)"));
        Assert.That(message, Does.Not.Contain("Find the import"));

        var chart = Result.Bundles.Findings.Single(f => f.Package == "chart.js");
        Assert.That(chart.Source, Is.EqualTo("node_modules/chart.js/dist/Chart.js"));
        Assert.That(chart.ToDiagnostic().Message, Does.Contain("It is imported at src/dashboard.js:1:19"));
    }

    [Test]
    public void The_check_is_over_budget_only_on_fonts_and_the_script_budget_counts_webpacks_scripts()
    {
        var script = Result.Budgets.Single(b => b.Budget.Label == "script");
        Assert.That(script.MatchedFiles, Is.EqualTo(3));
        Assert.That(script.Status, Is.EqualTo(BudgetStatus.Pass));
        Assert.That(Result.SizeDiagnostics().Where(d => d.Code == DiagnosticCodes.BudgetErrorExceeded).Select(d => d.Message), Has.One.Contains("Budget 'font' exceeded: 4 files total 200.2 kB raw"));
        Assert.That(Result.Diagnostics.Where(d => d.Code is DiagnosticCodes.BudgetIncomplete or DiagnosticCodes.MissingPageFile or DiagnosticCodes.InternalError), Is.Empty);
    }
}
