using System.Text.Json;
using BundleBudget.Core.Measurement;

namespace BundleBudget.Core.Tests.Measurement;

/// <summary>Compares our streaming compressors with the sizes Node's zlib gives for the same real files (reference-sizes.json).</summary>
public class CompressorsTests
{
    public static IEnumerable<TestCaseData> ReferenceFiles()
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(TestAssets.ViteApp, "reference-sizes.json")));
        foreach (var file in document.RootElement.GetProperty("sizes").EnumerateObject())
        {
            yield return new TestCaseData(file.Name, file.Value.GetProperty("raw").GetInt64(), file.Value.GetProperty("gzip").GetInt64(), file.Value.GetProperty("brotli").GetInt64())
                .SetArgDisplayNames(file.Name);
        }
    }

    [TestCaseSource(nameof(ReferenceFiles))]
    public void Gzip_level_9_matches_the_reference_within_half_a_percent(string path, long raw, long gzip, long brotli)
    {
        using var stream = File.OpenRead(Path.Combine(TestAssets.ViteDist, path));
        Assert.That(stream.Length, Is.EqualTo(raw));
        var measured = Compressors.GzipLength(stream);
        // .NET 9+ uses zlib-ng, Node uses zlib: both level 9, a few bytes apart.
        Assert.That(measured, Is.EqualTo(gzip).Within((long)Math.Max(8, gzip * 0.005)));
    }

    [TestCaseSource(nameof(ReferenceFiles))]
    public void Brotli_quality_11_matches_the_reference_to_the_byte(string path, long raw, long gzip, long brotli)
    {
        using var stream = File.OpenRead(Path.Combine(TestAssets.ViteDist, path));
        Assert.That(Compressors.BrotliLength(stream), Is.EqualTo(brotli));
    }

    [Test]
    public void Streams_larger_than_the_buffer_compress_to_the_same_size_as_in_one_piece()
    {
        var random = new Random(42);
        var words = Enumerable.Range(0, 400_000).Select(_ => "token" + random.Next(5000)).ToArray();
        var content = System.Text.Encoding.UTF8.GetBytes(string.Join(' ', words));
        Assert.That(content.Length, Is.GreaterThan(1_000_000));

        using var gzipBuffer = new MemoryStream();
        using (var gzip = new System.IO.Compression.GZipStream(gzipBuffer, System.IO.Compression.CompressionLevel.SmallestSize, leaveOpen: true))
        {
            gzip.Write(content);
        }

        var brotliBuffer = new byte[content.Length];
        Assert.That(System.IO.Compression.BrotliEncoder.TryCompress(content, brotliBuffer, out var brotliWritten, Compressors.BrotliQuality, Compressors.BrotliWindow), Is.True);

        Assert.That(Compressors.GzipLength(new MemoryStream(content)), Is.EqualTo(gzipBuffer.Length));
        Assert.That(Compressors.BrotliLength(new MemoryStream(content)), Is.EqualTo(brotliWritten));
    }

    [Test]
    public void Content_hash_is_the_sha256_of_the_content()
    {
        Assert.That(Compressors.ContentHash(new MemoryStream("abc"u8.ToArray())), Is.EqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"));
    }
}
