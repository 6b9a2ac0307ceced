using System.IO.Compression;
using BundleBudget.Core.Diagnostics;
using BundleBudget.Core.Measurement;

namespace BundleBudget.Core.Tests.Caching;

/// <summary>
/// The content store serves every analysis: an unchanged output is not read again, a changed file is read alone, a
/// renamed one is hashed but not analysed again, and a precompressed sibling gives its encoding's size when it holds
/// its file.
/// </summary>
public class ContentCacheTests
{
    private static readonly DateTime LongAgo = DateTime.UtcNow.AddHours(-2);

    private TemporaryFolder _folder = null!;
    private string _dist = null!;
    private string _budget = null!;
    private string _cache = null!;

    [SetUp]
    public void SetUp()
    {
        _folder = new TemporaryFolder();
        var project = _folder.Combine("webpack-dashboard");
        TemporaryFolder.CopyDirectory(Path.Combine(TestAssets.Folder, "webpack-dashboard"), project);
        _dist = Path.Combine(project, "dist");

        // Files written within two seconds of a check are never trusted by their time (git's "racy" entries).
        foreach (var file in Directory.EnumerateFiles(_dist, "*", SearchOption.AllDirectories))
        {
            File.SetLastWriteTimeUtc(file, LongAgo);
        }

        _budget = _folder.Write("webpack-dashboard/budget.json", """
            {
              "outputPath": "dist",
              "budgets": [
                { "type": "script", "maximumError": "500KB" },
                { "type": "script", "compression": "brotli", "maximumError": "500KB" },
                { "type": "initial", "maximumError": "1MB" },
                { "type": "font", "maximumError": "100KB" },
                { "type": "image", "scope": "each", "maximumError": "200KB" }
              ]
            }
            """);
        _cache = _folder.Combine("cache.bin");
    }

    [TearDown]
    public void TearDown() => _folder.Dispose();

    private CheckResult Check() => BudgetCheck.Run(new CheckOptions(_budget, CachePath: _cache));

    private static string Summary(CheckResult result) => string.Join("\n", result.Budgets.Select(b => $"{b.Budget.Location} {b.Actual} {b.Status}")
        .Concat(result.Sizes.OrderBy(s => s.Key, StringComparer.Ordinal).Select(s => $"{s.Key} {s.Value}"))
        .Concat(result.Pages.Pages.SelectMany(p => p.Initial.Select(f => $"{p.Path} initial {f.Path}")))
        .Concat(result.Bundles.Bundles.SelectMany(b => b.Packages.Select(p => $"{b.Bundle} {p.Package} {p.Bytes}")))
        .Concat(result.Fonts.Select(f => $"{f.Asset.Path} {f.Info.Glyphs} {f.Info.Family}"))
        .Concat(result.Diagnostics.Select(d => d.ToString())));

    [Test]
    public void A_second_check_of_an_unchanged_output_reads_no_file_and_finds_the_same()
    {
        var first = Check();
        Assert.That(first.Statistics!.FilesRead, Is.GreaterThan(10));
        Assert.That(first.Pages.Pages, Is.Not.Empty, "the page graph is part of what is cached");
        Assert.That(first.Bundles.Bundles, Is.Not.Empty, "so are the source-map compositions");

        // Every output file keeps its length and time but holds garbage now: whatever reads a file's content would see it.
        foreach (var file in Directory.EnumerateFiles(_dist, "*", SearchOption.AllDirectories))
        {
            var garbage = new byte[new FileInfo(file).Length];
            Array.Fill(garbage, (byte)'#');
            File.WriteAllBytes(file, garbage);
            File.SetLastWriteTimeUtc(file, LongAgo);
        }

        var second = Check();

        Assert.That(second.Statistics!.FilesRead, Is.Zero);
        Assert.That(second.Statistics.GzipComputed + second.Statistics.BrotliComputed, Is.Zero);
        Assert.That(Summary(second), Is.EqualTo(Summary(first)));
    }

    [Test]
    public void Unchanged_sources_are_not_parsed_again_and_a_changed_one_is_parsed_alone()
    {
        var sources = Path.Combine(Path.GetDirectoryName(_dist)!, "src");
        foreach (var file in Directory.EnumerateFiles(sources, "*", SearchOption.AllDirectories))
        {
            File.SetLastWriteTimeUtc(file, LongAgo);
        }

        var first = Check();
        Assert.That(first.Imports.FilesParsed, Is.EqualTo(first.Imports.FilesAnalysed).And.GreaterThan(1));
        Assert.That(first.Imports.Findings, Is.Not.Empty);

        var second = Check();
        Assert.That(second.Imports.FilesParsed, Is.Zero);
        Assert.That(Findings(second), Is.EqualTo(Findings(first)));

        var dashboard = Path.Combine(sources, "dashboard.js");
        File.WriteAllText(dashboard, "import _ from 'lodash';\n" + File.ReadAllText(dashboard));
        File.SetLastWriteTimeUtc(dashboard, LongAgo.AddMinutes(1));
        var third = Check();
        Assert.That(third.Imports.FilesParsed, Is.EqualTo(1));
        Assert.That(Findings(third), Has.Some.StartsWith("src/dashboard.js:1:15 lodash"));
        Assert.That(Findings(third).Count(f => f.StartsWith("src/dashboard.js:", StringComparison.Ordinal)), Is.EqualTo(Findings(first).Count(f => f.StartsWith("src/dashboard.js:", StringComparison.Ordinal)) + 1));

        static List<string> Findings(CheckResult result) =>
            result.Imports.Findings.Select(f => $"{f.RelativeFile}:{f.Reference.Line}:{f.Reference.Column} {f.Reference.Module} {f.Rule.Id}").ToList();
    }

    [Test]
    public void The_same_bytes_under_an_SVG_name_and_a_PNG_name_are_each_judged_by_their_name([Values] bool svgFirst)
    {
        var bytes = File.ReadAllBytes(Path.Combine(TestAssets.Folder, "media-site", "site", "images", "photo.png"));
        // A first check learns the bytes under one name; the second sees them under both.
        var first = Path.Combine(_dist, svgFirst ? "logo.svg" : "logo.png");
        File.WriteAllBytes(first, bytes);
        File.SetLastWriteTimeUtc(first, LongAgo);
        Check();
        var second = Path.Combine(_dist, svgFirst ? "logo.png" : "logo.svg");
        File.WriteAllBytes(second, bytes);
        File.SetLastWriteTimeUtc(second, LongAgo);

        var result = Check();

        var images = result.Images.ToDictionary(i => i.Asset.Path);
        Assert.That(images["logo.png"].Info.Format, Is.EqualTo("png"));
        Assert.That(images["logo.png"].Info.Width, Is.GreaterThan(0));
        Assert.That(images["logo.svg"].Info.Format, Is.EqualTo("svg"));
        Assert.That(images["logo.svg"].Info.Problem, Does.Contain("not well-formed XML"));
        Assert.That(result.Diagnostics.Where(d => d.Code == Images.ImageDiagnostics.Unreadable).Select(d => Path.GetFileName(d.File)), Is.EqualTo(new[] { "logo.svg" }));
    }

    [Test]
    public void A_changed_chunk_is_read_again_and_nothing_else()
    {
        var first = Check();
        var chunk = Path.Combine(_dist, "settings.06e3bc33.js");
        File.AppendAllText(chunk, "\n/* changed */\n");
        File.SetLastWriteTimeUtc(chunk, LongAgo.AddMinutes(1));

        var second = Check();

        // The chunk itself, and its source map: the composition is keyed by both contents.
        Assert.That(second.Statistics!.FilesRead, Is.EqualTo(2));
        Assert.That(second.Statistics.GzipComputed, Is.EqualTo(1));
        Assert.That(second.Statistics.BrotliComputed, Is.EqualTo(1));
        Assert.That(second.Sizes["settings.06e3bc33.js"].Raw, Is.EqualTo(first.Sizes["settings.06e3bc33.js"].Raw + 15));
        Assert.That(second.Sizes["settings.06e3bc33.js"].Gzip, Is.Not.EqualTo(first.Sizes["settings.06e3bc33.js"].Gzip));
    }

    [Test]
    public void A_renamed_unchanged_chunk_is_hashed_but_not_analysed_again()
    {
        var first = Check();
        File.Move(Path.Combine(_dist, "settings.06e3bc33.js"), Path.Combine(_dist, "settings.0000ffff.js"));
        var html = Path.Combine(_dist, "index.html");
        var page = File.ReadAllText(html);
        var changedPage = page.Replace("settings.06e3bc33.js", "settings.0000ffff.js", StringComparison.Ordinal);
        if (changedPage != page)
        {
            File.WriteAllText(html, changedPage);
            File.SetLastWriteTimeUtc(html, LongAgo.AddMinutes(1));
        }

        var second = Check();

        Assert.That(second.Statistics!.GzipComputed + second.Statistics.BrotliComputed, Is.Zero, "its content's sizes are known");
        var read = changedPage == page ? 1 : 2;
        Assert.That(second.Statistics.FilesRead, Is.EqualTo(read), "the renamed chunk is read for its hash (and the page that names it, if it does)");
        Assert.That(second.Sizes["settings.0000ffff.js"], Is.EqualTo(first.Sizes["settings.06e3bc33.js"]));
    }

    [Test]
    public void A_precompressed_sibling_that_holds_its_file_is_the_served_size_and_nothing_is_compressed()
    {
        var script = File.ReadAllBytes(Path.Combine(_dist, "vendors.5416922d.js"));
        var brotli = Compress(script, s => new BrotliStream(s, CompressionLevel.Fastest));
        var gzip = Compress(script, s => new GZipStream(s, CompressionLevel.Fastest));
        var withoutSiblings = BudgetCheck.Run(new CheckOptions(_budget));
        var computed = withoutSiblings.Sizes["vendors.5416922d.js"];
        File.WriteAllBytes(Path.Combine(_dist, "vendors.5416922d.js.br"), brotli);
        File.WriteAllBytes(Path.Combine(_dist, "vendors.5416922d.js.gz"), gzip);
        Assert.That(brotli.Length, Is.Not.EqualTo(computed.Brotli), "a fast brotli differs from quality 11");
        Assert.That(gzip.Length, Is.Not.EqualTo(computed.Gzip));

        var result = Check();

        Assert.That(result.Sizes["vendors.5416922d.js"].Brotli, Is.EqualTo(brotli.Length));
        Assert.That(result.Sizes["vendors.5416922d.js"].Gzip, Is.EqualTo(gzip.Length));
        Assert.That(result.Diagnostics.Where(d => d.Code == DiagnosticCodes.StalePrecompressedSibling), Is.Empty);
        Assert.That(result.Statistics!.GzipComputed, Is.EqualTo(withoutSiblings.Statistics!.GzipComputed - 1), "all but the file with siblings");
        Assert.That(result.Statistics.BrotliComputed, Is.EqualTo(withoutSiblings.Statistics.BrotliComputed - 1));
    }

    [Test]
    public void A_gz_sibling_that_holds_brotli_data_is_BB1010_and_not_used()
    {
        var script = File.ReadAllBytes(Path.Combine(_dist, "vendors.5416922d.js"));
        var brotli = Compress(script, s => new BrotliStream(s, CompressionLevel.Fastest));
        File.WriteAllBytes(Path.Combine(_dist, "vendors.5416922d.js.gz"), brotli);

        var result = Check();

        var stale = result.Diagnostics.Single(d => d.Code == DiagnosticCodes.StalePrecompressedSibling);
        Assert.That(stale.Message, Does.StartWith("vendors.5416922d.js.gz does not hold vendors.5416922d.js: it holds brotli data, not gzip"));
        Assert.That(result.Sizes["vendors.5416922d.js"].Gzip, Is.EqualTo(Compressors.GzipLength(script)));
    }

    [TestCase("other content", TestName = "A precompressed sibling of other content is BB1010 and not used")]
    [TestCase("not brotli", TestName = "A precompressed sibling that is not brotli data is BB1010 and not used")]
    public void A_stale_precompressed_sibling_is_named_and_not_used(string kind)
    {
        var script = File.ReadAllBytes(Path.Combine(_dist, "vendors.5416922d.js"));
        var sibling = kind == "not brotli"
            ? script[..500]
            : Compress([.. script, .. "/* an older build */"u8.ToArray()], s => new BrotliStream(s, CompressionLevel.Fastest));
        File.WriteAllBytes(Path.Combine(_dist, "vendors.5416922d.js.br"), sibling);

        var result = Check();

        var stale = result.Diagnostics.Single(d => d.Code == DiagnosticCodes.StalePrecompressedSibling);
        Assert.That(stale.Severity, Is.EqualTo(Severity.Warning));
        Assert.That(stale.File, Is.EqualTo(Path.Combine(_dist, "vendors.5416922d.js.br")));
        Assert.That(stale.Message, Does.StartWith("vendors.5416922d.js.br does not hold vendors.5416922d.js: "));
        Assert.That(result.Sizes["vendors.5416922d.js"].Brotli, Is.EqualTo(Compressors.BrotliLength(script)), "computed from the file instead");
        Assert.That(result.Sizes["vendors.5416922d.js"].Brotli, Is.Not.EqualTo(sibling.Length));
    }

    private static byte[] Compress(byte[] content, Func<Stream, Stream> compressor)
    {
        using var output = new MemoryStream();
        using (var stream = compressor(output))
        {
            stream.Write(content);
        }

        return output.ToArray();
    }
}
