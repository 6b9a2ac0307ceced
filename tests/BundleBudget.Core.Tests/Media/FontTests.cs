using BundleBudget.Core.Budgets;
using System.Text.Json;
using BundleBudget.Core.Assets;
using BundleBudget.Core.Fonts;
using BundleBudget.Core.Pages;

namespace BundleBudget.Core.Tests.Media;

/// <summary>Fonts of every format in testassets/media-site, against what fontkit and their headers say.</summary>
public class FontTests
{
    private static string Site => Path.Combine(TestAssets.Folder, "media-site", "site");

    private static Dictionary<string, JsonElement> Expected()
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(TestAssets.Folder, "media-site", "expected-fonts.json")));
        return document.RootElement.GetProperty("files").EnumerateObject().ToDictionary(f => f.Name, f => f.Value.Clone());
    }

    private static IEnumerable<string> FontFiles() => Expected().Keys.ToList();

    [TestCaseSource(nameof(FontFiles))]
    public void Format_comes_from_the_magic_bytes_and_glyphs_and_family_match_fontkit(string path)
    {
        var expected = Expected()[path];
        var info = FontInspector.Inspect(Path.Combine(Site, path));
        var magic = expected.GetProperty("magicFormat").GetString();
        Assert.That(info.Format, Is.EqualTo(magic is "empty" or "unknown" ? null : magic));
        Assert.That(info.Bytes, Is.EqualTo(expected.GetProperty("bytes").GetInt64()));
        if (expected.TryGetProperty("fontkit", out var fontkit) && fontkit.TryGetProperty("numGlyphs", out var glyphs))
        {
            Assert.That(info.Glyphs, Is.EqualTo(glyphs.GetInt32()));
            Assert.That(info.Family, Is.EqualTo(fontkit.GetProperty("familyName").GetString()));
        }
    }

    [Test]
    public void The_family_of_an_EOT_comes_from_its_header()
    {
        var info = FontInspector.Inspect(Path.Combine(Site, "fonts", "fontawesome-webfont.eot"));
        Assert.That((info.Format, info.Family), Is.EqualTo(("eot", "FontAwesome")));
    }

    [Test]
    public void Every_check_fires_on_the_font_made_for_it_with_references_and_initial_use()
    {
        var assets = AssetScanner.Scan(Site).Assets;
        var pages = PageGraph.Build(Site, assets, null);
        var (fonts, overall) = FontChecker.Check(assets, pages, new FontSettings(MaxFiles: 4));

        var byPath = fonts.ToDictionary(f => f.Asset.Path);
        string Codes(string path) => string.Join(",", byPath[path].Findings.Select(f => f.Code));
        Assert.That(Codes("fonts/inter-latin-400-normal.woff2"), Is.Empty);
        Assert.That(Codes("fonts/inter-latin-400-normal.woff"), Is.EqualTo("BB3011"));
        Assert.That(byPath["fonts/inter-latin-400-normal.woff"].Findings[0].Message, Does.Contain("lists WOFF2 before it").And.Contain("never downloaded").And.Contain("Drop it"));
        Assert.That(byPath["fonts/inter-latin-400-normal.woff"].Downloaded, Is.False);
        Assert.That(Codes("fonts/fontawesome-webfont.ttf"), Is.EqualTo("BB3011"));
        Assert.That(byPath["fonts/fontawesome-webfont.ttf"].Findings[0].Message, Does.Contain("Convert it"));
        Assert.That(Codes("fonts/fontawesome-webfont.eot"), Is.EqualTo("BB3011"));
        Assert.That(byPath["fonts/fontawesome-webfont.eot"].Findings[0].Message, Does.Contain("no browser in use reads EOT").And.Contain("Drop it").And.Not.Contain("Convert"));
        Assert.That(byPath["fonts/fontawesome-webfont.eot"].Downloaded, Is.False);
        Assert.That(Codes("fonts/FontAwesome.otf"), Is.EqualTo("BB3011,BB3014"));
        Assert.That(Codes("fonts/unused.woff2"), Is.EqualTo("BB3014"));
        Assert.That(Codes("fonts/empty.woff2"), Is.EqualTo("BB3010"));
        Assert.That(Codes("fonts/misnamed.woff2"), Is.EqualTo("BB3015,BB3011,BB3014"));

        Assert.That(byPath["fonts/inter-latin-400-normal.woff2"].ReferencedBy, Is.EqualTo(new[] { "css/site.css" }));
        Assert.That(byPath["fonts/inter-latin-400-normal.woff2"].Initial, Is.True);
        Assert.That(byPath["fonts/fontawesome-webfont.eot"].ReferencedBy, Is.EqualTo(new[] { "css/site.css" }), "?#iefix and ?v= are stripped");
        Assert.That(byPath["fonts/unused.woff2"].Initial, Is.False);
        Assert.That(overall.Single().Code, Is.EqualTo("BB3012"));
        Assert.That(overall.Single().Message, Does.Contain("can download 6 font files, more than 4").And.Contain("2 more files are in the output that no browser in use downloads"));
    }

    [Test]
    public void The_total_font_bytes_limit_and_file_count_come_from_budget_json()
    {
        var read = BudgetFileReader.Parse("/p/budget.json", """{ "budgets": [ { "type": "font", "maximumError": "1MB" } ], "fonts": { "maxFiles": 10, "maxTotalBytes": "100KB" } }"""u8);
        Assert.That(read.Diagnostics, Is.Empty);
        var assets = AssetScanner.Scan(Site).Assets;
        var (_, overall) = FontChecker.Check(assets, PageGraph.Build(Site, assets, null), read.File!.Fonts);
        var heavy = overall.Single();
        Assert.That(heavy.Code, Is.EqualTo("BB3013"));
        Assert.That(heavy.Message, Does.Contain("more than 100.0 kB"));
    }

    [Test]
    public void Damaged_fonts_are_findings_not_crashes()
    {
        byte[] truncatedWoff2 = [.. "wOF2"u8.ToArray(), .. new byte[30]];
        Assert.That(FontInspector.Inspect("x.woff2", truncatedWoff2).Problem, Does.Contain("damaged WOFF2"));
        byte[] garbage = [.. "wOFF"u8.ToArray(), .. Enumerable.Repeat((byte)0xFF, 100)];
        Assert.That(FontInspector.Inspect("x.woff", garbage).Problem, Does.Contain("damaged WOFF"));
    }

    [Test]
    public void Only_a_file_after_a_WOFF2_of_the_output_is_a_fallback_no_browser_downloads()
    {
        using var folder = new TemporaryFolder();
        var ttf = File.ReadAllBytes(Path.Combine(Site, "fonts", "fontawesome-webfont.ttf"));
        var woff2 = File.ReadAllBytes(Path.Combine(Site, "fonts", "fontawesome-webfont.woff2"));
        Directory.CreateDirectory(folder.Combine("dist", "fonts"));
        File.WriteAllBytes(folder.Combine("dist", "fonts", "first.ttf"), ttf);
        File.WriteAllBytes(folder.Combine("dist", "fonts", "fb.ttf"), ttf);

        File.WriteAllBytes(folder.Combine("dist", "fonts", "second.woff2"), woff2);
        folder.Write("dist/site.css", """
            @font-face { font-family: A; src: url(fonts/first.ttf) format("truetype"), url(fonts/second.woff2) format("woff2"); }
            @font-face { font-family: B; src: url(fonts/fb.ttf), url(fonts/missing.woff2); }
            """);
        var dist = folder.Combine("dist");
        var assets = AssetScanner.Scan(dist).Assets;
        var (fonts, _) = FontChecker.Check(assets, PageGraph.Build(dist, assets, null), new FontSettings());

        foreach (var name in new[] { "fonts/first.ttf", "fonts/fb.ttf" })
        {
            var advice = fonts.Single(f => f.Asset.Path == name).Findings.Single(f => f.Code == "BB3011");
            Assert.That(advice.Message, Does.Contain("typically 50 to 60% smaller").And.Not.Contain("never downloaded"), name);
        }
    }
}
