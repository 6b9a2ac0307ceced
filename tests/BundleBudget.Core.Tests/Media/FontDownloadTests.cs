using System.Text.Json;
using BundleBudget.Core.Assets;
using BundleBudget.Core.Diagnostics;
using BundleBudget.Core.Fonts;

namespace BundleBudget.Core.Tests.Media;

/// <summary>Which font files of an @font-face src list a browser downloads, when some entries are missing, broken or conditional.</summary>
public class FontDownloadTests
{
    private static readonly string Fonts = Path.Combine(TestAssets.Folder, "media-site", "site", "fonts");

    private TemporaryFolder _folder = null!;

    [SetUp]
    public void SetUp() => _folder = new TemporaryFolder();

    [TearDown]
    public void TearDown() => _folder.Dispose();

    private int _runs;

    private CheckResult Check(string src, bool withWoff2 = true, bool emptyWoff2 = false, bool truncateWoff2 = false, string? inlineStyle = null)
    {
        var run = $"run{++_runs}";
        Directory.CreateDirectory(_folder.Combine(run, "dist", "assets"));
        File.Copy(Path.Combine(Fonts, "inter-latin-400-normal.woff"), _folder.Combine(run, "dist", "assets", "inter.woff"));
        if (withWoff2)
        {
            if (emptyWoff2)
            {
                File.WriteAllBytes(_folder.Combine(run, "dist", "assets", "inter.woff2"), []);
            }
            else if (truncateWoff2)
            {
                File.WriteAllBytes(_folder.Combine(run, "dist", "assets", "inter.woff2"), File.ReadAllBytes(Path.Combine(Fonts, "inter-latin-400-normal.woff2"))[..200]);
            }
            else
            {
                File.Copy(Path.Combine(Fonts, "inter-latin-400-normal.woff2"), _folder.Combine(run, "dist", "assets", "inter.woff2"));
            }
        }

        _folder.Write($"{run}/dist/index.html", "<link rel=\"stylesheet\" href=\"/assets/app.css\">" + (inlineStyle is null ? string.Empty : $"<style>{inlineStyle}</style>"));
        _folder.Write($"{run}/dist/assets/app.css", $"@font-face {{ font-family: Inter; src: {src}; }}");
        var budget = _folder.Write($"{run}/budget.json", $$"""{ "outputPath": {{JsonSerializer.Serialize(_folder.Combine(run, "dist"))}}, "imports": { "rules": "none" }, "budgets": [ { "type": "font", "maximumError": "1MB" } ] }""");
        return BudgetCheck.Run(new CheckOptions(budget));
    }

    private static IReadOnlyList<string> Counted(CheckResult result) =>
        result.Assets.Where(a => a.Type == AssetType.Font && a.IsCounted).Select(a => a.Path).ToList();

    [Test]
    public void After_a_woff2_a_woff_is_never_downloaded()
    {
        var result = Check("url(./inter.woff2) format(\"woff2\"), url(./inter.woff) format(\"woff\")");
        Assert.That(Counted(result), Is.EqualTo(new[] { "assets/inter.woff2" }));
    }

    [Test]
    public void After_a_missing_woff2_the_woff_is_what_downloads_and_the_missing_file_is_named()
    {
        var result = Check("url(./inter.woff2) format(\"woff2\"), url(./inter.woff) format(\"woff\")", withWoff2: false);
        Assert.That(Counted(result), Is.EqualTo(new[] { "assets/inter.woff" }));
        Assert.That(result.Diagnostics.Single(d => d.Code == DiagnosticCodes.MissingPageFile).Message, Does.Contain("'./inter.woff2' in an @font-face src, which is not in the output folder"));
        Assert.That(result.Fonts.Single().Findings.Select(f => f.Message), Has.None.Contains("Drop it"));
    }

    [Test]
    public void After_a_broken_woff2_both_download()
    {
        var result = Check("url(./inter.woff2) format(\"woff2\"), url(./inter.woff) format(\"woff\")", emptyWoff2: true);
        Assert.That(Counted(result), Is.EquivalentTo(new[] { "assets/inter.woff2", "assets/inter.woff" }));
    }

    [Test]
    public void An_entry_with_a_tech_not_every_browser_has_does_not_make_the_next_a_fallback()
    {
        var result = Check("url(./inter.woff2) format(\"woff2\") tech(color-SVG), url(./inter.woff) format(\"woff\")");
        Assert.That(Counted(result), Is.EquivalentTo(new[] { "assets/inter.woff2", "assets/inter.woff" }));

        var variations = Check("url(./inter.woff2) format(\"woff2\") tech(variations), url(./inter.woff) format(\"woff\")");
        Assert.That(Counted(variations), Is.EqualTo(new[] { "assets/inter.woff2" }));
    }

    [Test]
    public void After_a_truncated_woff2_both_download_and_the_broken_one_is_named()
    {
        var result = Check("url(./inter.woff2) format(\"woff2\"), url(./inter.woff) format(\"woff\")", truncateWoff2: true);
        Assert.That(Counted(result), Is.EquivalentTo(new[] { "assets/inter.woff2", "assets/inter.woff" }));
        Assert.That(result.Fonts.Single(f => f.Asset.Path == "assets/inter.woff2").Findings.Single().Code, Is.EqualTo(FontDiagnostics.Unreadable));
    }

    [Test]
    public void An_entry_with_a_format_list_is_dropped_so_the_next_one_downloads()
    {
        var result = Check("url(./inter.woff2) format(\"woff2\", \"woff\"), url(./inter.woff) format(\"woff\")");
        Assert.That(Counted(result), Does.Contain("assets/inter.woff"));
    }

    [Test]
    public void A_css_escape_in_a_font_url_names_the_real_file()
    {
        var result = Check("url(./inter\\2e woff2) format(\"woff2\"), url(./inter.woff) format(\"woff\")");
        Assert.That(Counted(result), Is.EqualTo(new[] { "assets/inter.woff2" }));
        Assert.That(result.Diagnostics.Where(d => d.Code == DiagnosticCodes.MissingPageFile), Is.Empty);
    }

    [Test]
    public void An_inline_style_font_face_counts_like_a_stylesheets()
    {
        var result = Check("url(./inter.woff2) format(\"woff2\"), url(./inter.woff) format(\"woff\")", inlineStyle: "@font-face { font-family: Other; src: url(/assets/inter.woff) format(\"woff\"); }");
        Assert.That(Counted(result), Is.EquivalentTo(new[] { "assets/inter.woff2", "assets/inter.woff" }), "the page's own @font-face downloads the WOFF");
    }

    [Test]
    public void Many_comments_in_a_font_face_rule_are_read_in_linear_time()
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var result = Check(string.Concat(Enumerable.Repeat("/**/", 200_000)) + "url(./inter.woff) format(\"woff\")", withWoff2: false);
        watch.Stop();
        Assert.That(Counted(result), Is.EqualTo(new[] { "assets/inter.woff" }));
        // A guard against rebuilding the rule once per comment (400 kB took 28 s), not a speed target.
        Assert.That(watch.Elapsed, Is.LessThan(TimeSpan.FromSeconds(20)));
    }

    [Test]
    public void A_long_src_list_is_read_in_linear_time()
    {
        var src = string.Join(", ", Enumerable.Range(0, 20_000).Select(i => $"url(f{i}.woff2) format(\"woff\")")) + ", url(./inter.woff) format(\"woff\")";
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var result = Check(src, withWoff2: false);
        watch.Stop();
        Assert.That(Counted(result), Is.EqualTo(new[] { "assets/inter.woff" }));
        // A guard against the quadratic list of entries before each (20,000 took 25 s and 2.6 GB), not a speed target.
        Assert.That(watch.Elapsed, Is.LessThan(TimeSpan.FromSeconds(20)));
    }
}
