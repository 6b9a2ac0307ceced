using BundleBudget.Core.Assets;
using BundleBudget.Core.Content;
using BundleBudget.Core.Diagnostics;
using BundleBudget.Core.Measurement;

namespace BundleBudget.Core.Tests.Measurement;

public class AssetMeasurerTests
{
    [Test]
    public void Measures_counted_files_and_gives_maps_their_raw_size_only()
    {
        var assets = AssetScanner.Scan(TestAssets.ViteDist).Assets;
        var result = AssetMeasurer.Measure(assets, _ => false, ContentStore.InMemory());

        var main = result.SizesByPath["assets/main-C17BpASX.js"];
        Assert.That(main.Raw, Is.EqualTo(22_033));
        Assert.That(main.Gzip, Is.EqualTo(8494).Within(43));
        Assert.That(main.Brotli, Is.Null, "brotli is computed only where needed");

        var map = result.SizesByPath["assets/main-C17BpASX.js.map"];
        Assert.That(map, Is.EqualTo(new AssetSizes(164_082, null, null)));
        Assert.That(result.SizesByPath, Has.Count.EqualTo(assets.Count));
        Assert.That(result.Statistics.GzipComputed, Is.EqualTo(assets.Count(a => a.IsCounted && a.IsTextCompressible)), "images and fonts are sent as they are: never compressed");
        Assert.That(result.Statistics.BrotliComputed, Is.Zero);
        var image = assets.First(a => a.Type == AssetType.Image);
        Assert.That(result.SizesByPath[image.Path], Is.EqualTo(new AssetSizes(image.Length, image.Length, image.Length)));
    }

    [Test]
    public void Computes_brotli_only_for_the_files_asked()
    {
        var assets = AssetScanner.Scan(TestAssets.ViteDist).Assets;
        var result = AssetMeasurer.Measure(assets, a => a.Path.EndsWith(".css", StringComparison.Ordinal), ContentStore.InMemory());

        Assert.That(result.Statistics.BrotliComputed, Is.EqualTo(2));
        Assert.That(result.SizesByPath["assets/shared-BpKONsYX.css"].Brotli, Is.EqualTo(524));
        Assert.That(result.SizesByPath["assets/main-C17BpASX.js"].Brotli, Is.Null);
    }

    [Test]
    public void An_unchanged_or_renamed_file_is_never_compressed_twice()
    {
        using var folder = new TemporaryFolder();
        var dist = folder.Combine("dist");
        TemporaryFolder.CopyDirectory(TestAssets.ViteDist, dist);
        var cachePath = folder.Combine("cache.bin");

        var firstCache = ContentStore.Load(cachePath);
        var first = AssetMeasurer.Measure(AssetScanner.Scan(dist).Assets, _ => true, firstCache);
        firstCache.Save();
        var texts = AssetScanner.Scan(dist).Assets.Count(a => a.IsCounted && a.IsTextCompressible);
        Assert.That(first.Statistics.GzipComputed, Is.EqualTo(texts));
        Assert.That(first.Statistics.BrotliComputed, Is.EqualTo(texts));

        var secondCache = ContentStore.Load(cachePath);
        var again = AssetMeasurer.Measure(AssetScanner.Scan(dist).Assets, _ => true, secondCache);
        secondCache.Save();
        Assert.That(again.Statistics.GzipComputed, Is.Zero);
        Assert.That(again.Statistics.BrotliComputed, Is.Zero);
        Assert.That(again.Statistics.CacheHits, Is.EqualTo(16));
        Assert.That(again.SizesByPath, Is.EquivalentTo(first.SizesByPath));

        // A new content hash in the chunk's name, same content: the cache answers.
        File.Move(Path.Combine(dist, "assets", "main-C17BpASX.js"), Path.Combine(dist, "assets", "main-9c8d7e00.js"));
        var third = AssetMeasurer.Measure(AssetScanner.Scan(dist).Assets, _ => true, ContentStore.Load(cachePath));
        Assert.That(third.Statistics.GzipComputed, Is.Zero);
        Assert.That(third.Statistics.BrotliComputed, Is.Zero);
        Assert.That(third.SizesByPath["assets/main-9c8d7e00.js"], Is.EqualTo(again.SizesByPath["assets/main-C17BpASX.js"]));
    }

    [Test]
    public void A_gzip_only_cache_entry_gets_its_brotli_size_added_when_asked()
    {
        using var folder = new TemporaryFolder();
        folder.Write("dist/app.js", string.Concat(Enumerable.Repeat("console.log('budget');\n", 500)));
        var cache = ContentStore.InMemory();
        var assets = AssetScanner.Scan(folder.Combine("dist")).Assets;

        var gzipOnly = AssetMeasurer.Measure(assets, _ => false, cache);
        var withBrotli = AssetMeasurer.Measure(assets, _ => true, cache);

        Assert.That(gzipOnly.Statistics.GzipComputed, Is.EqualTo(1));
        Assert.That(withBrotli.Statistics.GzipComputed, Is.Zero);
        Assert.That(withBrotli.Statistics.BrotliComputed, Is.EqualTo(1));
        Assert.That(withBrotli.SizesByPath["app.js"].Brotli, Is.Positive);
    }

    [TestCase("text", TestName = "A damaged cache file is rebuilt: not a store at all")]
    [TestCase("truncated", TestName = "A damaged cache file is rebuilt: cut short")]
    [TestCase("huge count", TestName = "A damaged cache file is rebuilt: a forged count of two billion files")]
    [TestCase("trailing", TestName = "A damaged cache file is rebuilt: bytes after the end")]
    [TestCase("bad boolean", TestName = "A damaged cache file is rebuilt: a value outside its type")]
    public void A_damaged_cache_file_is_rebuilt(string damage)
    {
        using var folder = new TemporaryFolder();
        folder.Write("dist/app.js", "let a = 1;");
        var cachePath = folder.Combine("cache.bin");
        var good = ContentStore.Load(cachePath);
        AssetMeasurer.Measure(AssetScanner.Scan(folder.Combine("dist")).Assets, _ => false, good);
        good.Save();
        var bytes = File.ReadAllBytes(cachePath);
        var producers = 4 + 4 + 1 + 1 + ContentStore.SizesProducer.Length + 1 + 1 + ContentStore.FactsProducer.Length;
        byte[] damaged = damage switch
        {
            "text" => System.Text.Encoding.UTF8.GetBytes("{ this is not a store"),
            "truncated" => bytes[..^7],
            "huge count" => [.. bytes[..(producers + 8)], .. BitConverter.GetBytes(int.MaxValue), .. bytes[(producers + 12)..]],
            "trailing" => [.. bytes, 0],
            _ => [.. bytes[..(producers - ContentStore.FactsProducer.Length - 2)], 7, .. bytes[(producers - ContentStore.FactsProducer.Length - 1)..]],
        };
        File.WriteAllBytes(cachePath, damaged);
        Assert.That(ContentStoreFile.Read(bytes).Contents, Has.Count.EqualTo(1), "the undamaged file reads back");

        var cache = ContentStore.Load(cachePath);
        var result = AssetMeasurer.Measure(AssetScanner.Scan(folder.Combine("dist")).Assets, _ => false, cache);
        cache.Save();

        Assert.That(result.Diagnostics, Is.Empty);
        Assert.That(result.Statistics.GzipComputed, Is.EqualTo(1), "nothing of the damaged file was trusted");
        Assert.That(ContentStoreFile.Read(File.ReadAllBytes(cachePath)).Contents!.Values.Single().Gzip, Is.EqualTo(result.SizesByPath["app.js"].Gzip));
    }

    [Test]
    public void A_file_that_vanished_is_a_warning_and_the_others_are_still_measured()
    {
        using var folder = new TemporaryFolder();
        folder.Write("dist/app.js", "let a = 1;");
        var assets = AssetScanner.Scan(folder.Combine("dist")).Assets.ToList();
        var gone = folder.Combine("dist", "gone.js");
        assets.Add(new Asset("gone.js", gone, AssetType.Script, 10));

        var result = AssetMeasurer.Measure(assets, _ => false, ContentStore.InMemory());

        var warning = result.Diagnostics.Single();
        Assert.That(warning.Code, Is.EqualTo(DiagnosticCodes.UnreadableAsset));
        Assert.That(warning.Severity, Is.EqualTo(Severity.Warning));
        Assert.That(warning.File, Is.EqualTo(gone));
        Assert.That(result.SizesByPath.Keys, Is.EquivalentTo(new[] { "app.js" }));
    }

    [Test]
    public void An_empty_file_measures_zero_in_every_compression()
    {
        using var folder = new TemporaryFolder();
        folder.Write("dist/empty.js", string.Empty);
        var result = AssetMeasurer.Measure(AssetScanner.Scan(folder.Combine("dist")).Assets, _ => true, ContentStore.InMemory());
        Assert.That(result.SizesByPath["empty.js"], Is.EqualTo(new AssetSizes(0, 0, 0)));
    }

    [Test]
    [Platform(Exclude = "Win")]
    public void A_fifo_or_a_link_to_a_device_is_never_opened_and_is_named_as_no_file()
    {
        using var folder = new TemporaryFolder();
        folder.Write("dist/app.js", "let a = 1;");
        var mkfifo = ProcessRunner.Run("mkfifo", folder.Path, TimeSpan.FromSeconds(30), folder.Combine("dist", "pipe.js"));
        Assert.That(mkfifo.ExitCode, Is.Zero, mkfifo.ToString());
        File.CreateSymbolicLink(folder.Combine("dist", "zero.js"), "/dev/zero");

        var result = AssetMeasurer.Measure(AssetScanner.Scan(folder.Combine("dist")).Assets, _ => true, ContentStore.InMemory());

        Assert.That(result.SizesByPath.Keys, Is.EquivalentTo(new[] { "app.js" }));
        Assert.That(result.Failures.Keys, Is.EquivalentTo(new[] { "pipe.js", "zero.js" }));
        Assert.That(result.Diagnostics.Select(d => (d.Code, Path.GetFileName(d.File))), Is.EquivalentTo(new[] { (DiagnosticCodes.UnreadableAsset, "pipe.js"), (DiagnosticCodes.UnreadableAsset, "zero.js") }));
        Assert.That(result.Diagnostics[0].Message, Does.Contain("FIFO, socket or device"));
        Assert.That(result.SizesByPath["app.js"].Raw, Is.EqualTo(10));
    }
}
