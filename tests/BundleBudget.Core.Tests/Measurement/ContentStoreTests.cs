using BundleBudget.Core.Assets;
using BundleBudget.Core.Content;
using BundleBudget.Core.Measurement;

namespace BundleBudget.Core.Tests.Measurement;

/// <summary>A cache is only as good as what wrote it: forged, stale and impossible entries never reach a budget.</summary>
public class ContentStoreTests
{
    private const string Content = "export function hello(name) { return `Hello, ${name}!`; }\n";

    private TemporaryFolder _folder = null!;
    private string _hash = null!;
    private long _gzip;

    [SetUp]
    public void SetUp()
    {
        _folder = new TemporaryFolder();
        _folder.Write("dist/app.js", string.Concat(Enumerable.Repeat(Content, 200)));
        using var stream = File.OpenRead(_folder.Combine("dist", "app.js"));
        _hash = Compressors.ContentHash(stream);
        stream.Position = 0;
        _gzip = Compressors.GzipLength(stream);
    }

    [TearDown]
    public void TearDown() => _folder.Dispose();

    private MeasurementResult MeasureWith(long? gzip, long? brotli, string? sizesProducer = null)
    {
        var cachePath = _folder.Combine("cache.bin");
        var length = new FileInfo(_folder.Combine("dist", "app.js")).Length;
        var contents = new Dictionary<string, ContentRecord> { [_hash] = new ContentRecord(length) { Gzip = gzip, Brotli = brotli } };
        var file = new StoreFile(ContentStore.FormatVersion, sizesProducer ?? ContentStore.SizesProducer, ContentStore.FactsProducer, 0, null, contents, null);
        using (var stream = File.Create(cachePath))
        {
            ContentStoreFile.Write(stream, file);
        }

        var cache = ContentStore.Load(cachePath);
        return AssetMeasurer.Measure(AssetScanner.Scan(_folder.Combine("dist")).Assets, _ => true, cache);
    }

    [TestCase(1L, TestName = "gzip of 1 byte for 12 kB of text")]
    [TestCase(-5L, TestName = "a negative gzip size")]
    [TestCase(0L, TestName = "a zero gzip size for non-empty content")]
    [TestCase(10_000_000L, TestName = "a gzip size beyond deflate's worst case")]
    public void An_impossible_cached_size_is_ignored_and_computed_again(long forged)
    {
        var result = MeasureWith(forged, 3000L);

        Assert.That(result.SizesByPath["app.js"].Gzip, Is.EqualTo(_gzip));
        Assert.That(result.Statistics.GzipComputed, Is.EqualTo(1));
    }

    [Test]
    public void A_plausible_cached_size_is_used_without_compressing()
    {
        var result = MeasureWith(_gzip, 3000L);
        Assert.That(result.Statistics.GzipComputed, Is.Zero);
        Assert.That(result.Statistics.BrotliComputed, Is.Zero);
        Assert.That(result.Statistics.CacheHits, Is.EqualTo(1));
    }

    [Test]
    public void Sizes_written_by_another_runtime_or_compressor_settings_are_dropped()
    {
        var result = MeasureWith(_gzip + 17, 3000L, sizesProducer: ".NET 8.0.0; gzip level 6, brotli quality 11 window 22");
        Assert.That(result.SizesByPath["app.js"].Gzip, Is.EqualTo(_gzip));
        Assert.That(result.Statistics.GzipComputed, Is.EqualTo(1));
        Assert.That(result.Statistics.BrotliComputed, Is.EqualTo(1));
    }

    [Test]
    public void The_cache_names_what_produced_it_and_its_folder_is_private_to_the_user()
    {
        var cachePath = _folder.Combine("private", "cache.bin");
        var cache = ContentStore.Load(cachePath);
        AssetMeasurer.Measure(AssetScanner.Scan(_folder.Combine("dist")).Assets, _ => false, cache);
        cache.Save();

        var saved = ContentStoreFile.Read(File.ReadAllBytes(cachePath));
        Assert.That(saved.SizesProducer, Is.EqualTo(ContentStore.SizesProducer).And.Contain(".NET").And.Contain("brotli quality 11"));
        Assert.That(saved.FactsProducer, Is.EqualTo(ContentStore.FactsProducer).And.Contain("BundleBudget"));
        Assert.That(saved.Files!.Keys, Is.EquivalentTo(new[] { _folder.Combine("dist", "app.js") }));
        Assert.That(saved.Contents![_hash].Gzip, Is.EqualTo(_gzip));
        if (!OperatingSystem.IsWindows())
        {
            Assert.That(File.GetUnixFileMode(_folder.Combine("private")), Is.EqualTo(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute));
        }
    }

    [TestCase(0L, 20L, true)]
    [TestCase(0L, 19L, false)]
    [TestCase(1_000_000L, 100L, false)]
    [TestCase(1_000_000L, 1_000L, true)]
    [TestCase(1_000_000L, 1_000_200L, true)]
    [TestCase(1_000_000L, 1_100_000L, false)]
    public void Gzip_sizes_are_checked_against_the_formats_bounds(long raw, long gzip, bool plausible)
    {
        Assert.That(ContentStore.IsPlausibleGzip(gzip, raw), Is.EqualTo(plausible));
    }

    [Test]
    [TestCase(22_033L, 3L, false)]
    [TestCase(22_033L, 13L, true)]
    [TestCase(1L, 4L, false)]
    [TestCase(0L, 1L, true)]
    [TestCase(64L * 1024 * 1024, 50L, false)]
    [TestCase(64L * 1024 * 1024, 106L, true)]
    public void Brotli_sizes_are_checked_against_what_the_encoder_can_write(long raw, long brotli, bool plausible)
    {
        Assert.That(ContentStore.IsPlausibleBrotli(brotli, raw), Is.EqualTo(plausible));
    }

    [Test]
    public void Real_compressed_sizes_of_the_vite_build_are_all_plausible()
    {
        foreach (var asset in AssetScanner.Scan(TestAssets.ViteDist).Assets)
        {
            using var stream = File.OpenRead(asset.FullPath);
            var gzip = Compressors.GzipLength(stream);
            stream.Position = 0;
            var brotli = Compressors.BrotliLength(stream);
            Assert.That(ContentStore.IsPlausibleGzip(gzip, asset.Length), Is.True, asset.Path);
            Assert.That(ContentStore.IsPlausibleBrotli(brotli, asset.Length), Is.True, asset.Path);
        }
    }
}
