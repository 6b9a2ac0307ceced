using BundleBudget.Core.Budgets;
using System.Text.Json;
using BundleBudget.Core.Assets;
using BundleBudget.Core.Diagnostics;
using BundleBudget.Core.Images;

namespace BundleBudget.Core.Tests.Media;

/// <summary>Images of every format in testassets/media-site, against what sharp (libvips) and their headers say.</summary>
public class ImageTests
{
    private static string Site => Path.Combine(TestAssets.Folder, "media-site", "site");

    private static JsonElement Expected(string path)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(TestAssets.Folder, "media-site", "expected-images.json")));
        return document.RootElement.GetProperty("files").GetProperty(path).Clone();
    }

    private static IEnumerable<string> ReadableImages()
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(TestAssets.Folder, "media-site", "expected-images.json")));
        return document.RootElement.GetProperty("files").EnumerateObject().Where(f => !f.Value.GetProperty("broken").GetBoolean()).Select(f => f.Name).ToList();
    }

    [TestCaseSource(nameof(ReadableImages))]
    public void Format_dimensions_and_frames_match_the_real_tools(string path)
    {
        var expected = Expected(path);
        var info = ImageInspector.Inspect(Path.Combine(Site, path));

        var magic = expected.GetProperty("magic").GetString();
        Assert.That(info.Format, Is.EqualTo(magic == "isobmff:avif" ? "avif" : magic));
        Assert.That(info.Problem, Is.Null);
        Assert.That(info.Bytes, Is.EqualTo(expected.GetProperty("bytes").GetInt64()));

        var (width, height, frames) = expected switch
        {
            _ when expected.TryGetProperty("icoDirectory", out var ico) => (ico.EnumerateArray().Max(e => e.GetProperty("width").GetInt32()), ico.EnumerateArray().Max(e => e.GetProperty("height").GetInt32()), ico.GetArrayLength()),
            _ when expected.TryGetProperty("bmpHeader", out var bmp) => (bmp.GetProperty("width").GetInt32(), Math.Abs(bmp.GetProperty("height").GetInt32()), 1),
            _ => (expected.GetProperty("metadata").GetProperty("width").GetInt32(), expected.GetProperty("metadata").GetProperty("height").GetInt32(),
                expected.GetProperty("metadata").TryGetProperty("pages", out var pages) ? pages.GetInt32() : 1),
        };
        Assert.That((info.Width, info.Height, info.Frames), Is.EqualTo((width, height, frames)));
    }

    [Test]
    public void AVIF_dimensions_come_from_its_ispe_property()
    {
        var ispe = Expected("images/photo.avif").GetProperty("isobmff").GetProperty("ispe")[0];
        var info = ImageInspector.Inspect(Path.Combine(Site, "images", "photo.avif"));
        Assert.That((info.Width, info.Height), Is.EqualTo((ispe.GetProperty("width").GetInt32(), ispe.GetProperty("height").GetInt32())));
    }

    [Test]
    public void SVG_viewBox_and_embedded_rasters_are_read()
    {
        var logo = ImageInspector.Inspect(Path.Combine(Site, "images", "logo.svg"));
        Assert.That(logo.ViewBox, Is.EqualTo(Expected("images/logo.svg").GetProperty("svg").GetProperty("viewBox").GetString()));
        Assert.That(logo.EmbeddedRasterBytes, Is.Zero);

        var embedded = ImageInspector.Inspect(Path.Combine(Site, "images", "embedded.svg"));
        Assert.That(Expected("images/embedded.svg").GetProperty("svg").GetProperty("embedsDataImage").GetBoolean(), Is.True);
        Assert.That(embedded.EmbeddedRasterBytes, Is.GreaterThan(20_000));
    }

    [TestCase("truncated.png", "BB3001", "the PNG's IDAT chunk runs past the end of the file")]
    [TestCase("not-an-image.png", "BB3001", "not an image")]
    [TestCase("billion-laughs.svg", "BB3001", "declares a DTD")]
    [TestCase("external-entity.svg", "BB3001", "declares a DTD")]
    [TestCase("forged-size.png", "BB3007", "claims 100000 x 100000 pixels")]
    public void A_broken_image_is_one_warning_naming_it_and_is_never_decoded(string file, string code, string reason)
    {
        var path = Path.Combine(Site, "images", "broken", file);
        var info = ImageInspector.Inspect(path);
        var finding = ImageChecker.Check(info, "images/broken/" + file, new ImageSettings()).Single();
        Assert.That(finding.Code, Is.EqualTo(code));
        Assert.That(finding.Message, Does.StartWith("images/broken/" + file).And.Contain(reason));
    }

    [Test]
    public void Every_check_fires_on_the_image_made_for_it_and_on_no_other()
    {
        var assets = AssetScanner.Scan(Site).Assets;
        var (images, diagnostics) = ImageAnalyzer.Analyze(assets, new ImageSettings());
        var findings = images.Where(i => i.Findings.Count > 0).ToDictionary(i => i.Asset.Path, i => string.Join(",", i.Findings.Select(f => f.Code)));
        Assert.That(findings, Is.EquivalentTo(new Dictionary<string, string>
        {
            ["images/animated.gif"] = "BB3005",
            ["images/embedded.svg"] = "BB3006",
            ["images/huge.png"] = "BB3002",
            ["images/photo-q100.jpg"] = "BB3003",
            ["images/photo.png"] = "BB3003",
            ["images/broken/billion-laughs.svg"] = "BB3001",
            ["images/broken/external-entity.svg"] = "BB3001",
            ["images/broken/forged-size.png"] = "BB3007",
            ["images/broken/not-an-image.png"] = "BB3001",
            ["images/broken/truncated.png"] = "BB3001",
        }));
        Assert.That(images, Has.Count.EqualTo(assets.Count(a => a.Type == AssetType.Image)), "every image is reported, the broken ones too");
        Assert.That(diagnostics.All(d => d.Severity == Severity.Warning && d.File!.StartsWith(Site, StringComparison.Ordinal)), Is.True);
    }

    [Test]
    public void Findings_carry_their_numbers_and_savings()
    {
        var settings = new ImageSettings();
        var photo = ImageInspector.Inspect(Path.Combine(Site, "images", "photo-q100.jpg"));
        var inefficient = ImageChecker.Check(photo, "images/photo-q100.jpg", settings).Single();
        Assert.That(inefficient.Message, Does.Contain("0.53 bytes per pixel (507.4 kB for 1200 x 800), above 0.5").And.Contain("re-encode it at quality 75 to 85"));
        Assert.That(inefficient.EstimatedSaving, Is.EqualTo(507_431 - (long)(1200 * 800 * ImageSettings.TargetBytesPerPixel)));

        var gif = ImageChecker.Check(ImageInspector.Inspect(Path.Combine(Site, "images", "animated.gif")), "images/animated.gif", settings).Single();
        Assert.That(gif.Message, Does.Contain("animated GIF of 12 frames, 220.4 kB").And.Contain("<video"));
    }

    [Test]
    public void Settings_change_the_thresholds()
    {
        var strict = new ImageSettings(MaxWidth: 1000, MaxHeight: 1000, ModernFormatMinBytes: 10_000, MaxBytesPerPixel: 5);
        var webpAdvice = ImageChecker.Check(ImageInspector.Inspect(Path.Combine(Site, "images", "photo-q75.jpg")), "images/photo-q75.jpg", strict);
        Assert.That(webpAdvice.Select(f => f.Code), Is.EqualTo(new[] { "BB3002", "BB3004" }));
        Assert.That(webpAdvice[1].Message, Does.Contain("WebP is typically 25 to 35% smaller than JPEG"));
    }

    [Test]
    public void Images_budget_settings_are_read_from_budget_json()
    {
        var read = BudgetFileReader.Parse("/p/budget.json", """
            { "budgets": [ { "type": "image", "scope": "each", "maximumError": "200KB" } ],
              "images": { "maxWidth": 1920, "maxHeight": 1080, "maxBytesPerPixel": 0.3, "modernFormatMinBytes": "50KB", "animatedGifMaxBytes": "1MB", "severity": "error" } }
            """u8);
        Assert.That(read.Diagnostics, Is.Empty);
        Assert.That(read.File!.Images, Is.EqualTo(new ImageSettings(1920, 1080, 0.3, 30_000, 50_000, 1_000_000, Severity.Error)));

        var bad = BudgetFileReader.Parse("/p/budget.json", """{ "budgets": [ { "type": "image", "maximumError": 1 } ], "images": { "maxWidht": 1, "severity": "loud" } }"""u8);
        Assert.That(bad.Diagnostics.Select(d => d.Code), Is.EquivalentTo(new[] { "BB9002", "BB9003" }));
        Assert.That(bad.Diagnostics[0].Message, Does.Contain("\"maxWidth\""));
    }

    [Test]
    public void Broken_images_and_fonts_never_hide_the_rest_of_the_report()
    {
        using var folder = new TemporaryFolder();
        var budget = folder.Write("budget.json", $$"""
            { "outputPath": {{JsonSerializer.Serialize(Site)}},
              "budgets": [ { "type": "image", "scope": "each", "maximumError": "200KB" }, { "type": "font", "maximumError": "100KB" }, { "type": "initial", "maximumError": "2MB" } ] }
            """);
        var result = BudgetCheck.Run(new CheckOptions(budget));

        Assert.That(result.Assets, Has.Count.EqualTo(Directory.GetFiles(Site, "*", SearchOption.AllDirectories).Length));
        Assert.That(result.Images, Has.Count.EqualTo(result.Assets.Count(a => a.Type == AssetType.Image)));
        Assert.That(result.Fonts, Has.Count.EqualTo(result.Assets.Count(a => a.Type == AssetType.Font)));
        Assert.That(result.Budgets.Select(b => b.Status.ToString()), Is.EqualTo(new[] { "Error", "Error", "Pass" }));
        Assert.That(result.Budgets[0].Offenders.Select(o => o.Asset.Path), Is.EquivalentTo(new[] { "images/animated.gif", "images/photo-q100.jpg", "images/photo.png" }));
        Assert.That(result.Pages.Find("index.html")!.Initial.Select(f => f.Path), Does.Contain("fonts/inter-latin-400-normal.woff2"), "a preloaded font is initial");
        Assert.That(result.Diagnostics.Select(d => d.Code), Does.Contain("BB3001").And.Contain("BB3007").And.Contain("BB3010").And.Contain("BB1001"));
        Assert.That(result.Diagnostics.Where(d => d.Code.StartsWith("BB3", StringComparison.Ordinal)).All(d => d.Severity == Severity.Warning), Is.True, "image and font findings are warnings by default");
    }

    [Test]
    public void The_defaults_are_those_a_performance_review_would_use()
    {
        var defaults = new ImageSettings();
        Assert.That((defaults.MaxWidth, defaults.MaxHeight, defaults.MaxBytesPerPixel, defaults.ModernFormatMinBytes, defaults.AnimatedGifMaxBytes, defaults.Severity),
            Is.EqualTo((2560, 2560, 0.5, 100_000L, 100_000L, Severity.Warning)));
        Assert.That(new Fonts.FontSettings(), Is.EqualTo(new Fonts.FontSettings(6, null, Severity.Warning)));
    }

    [Test]
    public void The_standard_SVG_doctype_of_design_tools_is_read_and_a_vector_has_no_pixel_size_to_exceed()
    {
        using var folder = new TemporaryFolder();
        var path = folder.Write("exported.svg", """
            <?xml version="1.0" encoding="utf-8"?>
            <!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">
            <svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 6000 3000">
              <image xlink:href="data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==" width="1" height="1"/>
            </svg>
            """);
        var info = ImageInspector.Inspect(path);
        Assert.That(info.Problem, Is.Null);
        Assert.That((info.Width, info.Height), Is.EqualTo((6000L, 3000L)));
        Assert.That(ImageChecker.Check(info, "exported.svg", new ImageSettings()).Select(f => f.Code), Is.EqualTo(new[] { "BB3006" }));
    }

    [Test]
    public void An_AVIF_or_WebP_header_claiming_an_absurd_size_is_BB3007()
    {
        using var folder = new TemporaryFolder();
        var avif = File.ReadAllBytes(Path.Combine(Site, "images", "photo.avif"));
        var ispe = avif.AsSpan().IndexOf("ispe"u8);
        avif.AsSpan(ispe + 8, 8).Fill(0xFF);
        var avifPath = Path.Combine(folder.Path, "forged.avif");
        File.WriteAllBytes(avifPath, avif);
        var forgedAvif = ImageInspector.Inspect(avifPath);
        Assert.That((forgedAvif.Width, forgedAvif.Height), Is.EqualTo((4294967295L, 4294967295L)));
        Assert.That(ImageChecker.Check(forgedAvif, "forged.avif", new ImageSettings()).Single().Code, Is.EqualTo("BB3007"));

        var webp = File.ReadAllBytes(Path.Combine(Site, "images", "photo.webp"));
        byte[] vp8x = [.. "VP8X"u8.ToArray(), 10, 0, 0, 0, 0, 0, 0, 0, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF];
        var extended = webp[..12].Concat(vp8x).Concat(webp[12..]).ToArray();
        BitConverter.GetBytes(extended.Length - 8).CopyTo(extended, 4);
        var webpPath = Path.Combine(folder.Path, "forged.webp");
        File.WriteAllBytes(webpPath, extended);
        var codes = ImageChecker.Check(ImageInspector.Inspect(webpPath), "forged.webp", new ImageSettings()).Select(f => f.Code).ToList();
        Assert.That(codes, Is.EqualTo(new[] { "BB3007" }));
    }
}
