using System.Text;
using BundleBudget.Core.Content;

namespace BundleBudget.Core.Tests.Caching;

/// <summary>A large text file is decoded as it streams from disk: the same text as decoding its bytes at once.</summary>
public class StreamedTextTests
{
    [TestCase("utf-8")]
    [TestCase("utf-8 with BOM")]
    [TestCase("utf-16LE")]
    [TestCase("utf-16BE")]
    [TestCase("utf-32LE")]
    [TestCase("invalid utf-8")]
    public void Decoding_as_it_streams_gives_the_text_decoding_the_bytes_gives(string kind)
    {
        // Multi-byte characters fall across the 64 KiB reads; an invalid sequence is replaced the same way.
        var text = string.Concat(Enumerable.Range(0, 40_000).Select(i => $"import{{a{i}}}from\"./é€😀-{i}.js\";\n"));
        byte[] bytes = kind switch
        {
            "utf-8" => Encoding.UTF8.GetBytes(text),
            "utf-8 with BOM" => [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(text)],
            "utf-16LE" => [0xFF, 0xFE, .. Encoding.Unicode.GetBytes(text)],
            "utf-16BE" => [0xFE, 0xFF, .. Encoding.BigEndianUnicode.GetBytes(text)],
            "utf-32LE" => [0xFF, 0xFE, 0x00, 0x00, .. Encoding.UTF32.GetBytes(text)],
            _ => [.. Encoding.UTF8.GetBytes(text[..70_000]), 0xC3, 0x28, 0xF0, .. Encoding.UTF8.GetBytes(text[70_000..])],
        };

        using var stream = new MemoryStream(bytes);
        var streamed = ContentText.DecodeStreamed(stream);

        Assert.That(streamed, Is.EqualTo(ContentText.Decode(bytes)));
        Assert.That(streamed.Length, Is.GreaterThan(1_000_000));
    }

    [Test]
    public void A_large_chunk_is_read_for_its_imports_and_sizes_without_holding_its_bytes()
    {
        using var folder = new TemporaryFolder();
        var body = string.Concat(Enumerable.Repeat("var x=function(){return 1};/* padding padding padding */\n", 200_000));
        folder.Write("dist/big.js", "import{a}from\"./first.js\";\n" + body + "export const b=import(\"./late.js\");\n");
        folder.Write("dist/first.js", "export const a=1;");
        folder.Write("dist/late.js", "export const c=1;");
        folder.Write("dist/index.html", "<script type=module src=big.js></script>");
        var budget = folder.Write("budget.json", """{ "outputPath": "dist", "imports": { "rules": "none" }, "budgets": [ { "type": "initial", "maximumError": "50MB" } ] }""");
        Assert.That(new FileInfo(folder.Combine("dist", "big.js")).Length, Is.GreaterThan(8 * 1024 * 1024), "above the size read as it streams");

        var result = BudgetCheck.Run(new CheckOptions(budget));

        var page = result.Pages.Pages.Single();
        Assert.That(page.Initial.Select(f => f.Path), Is.EquivalentTo(new[] { "index.html", "big.js", "first.js" }));
        Assert.That(page.Lazy.Select(f => f.Path), Is.EquivalentTo(new[] { "late.js" }));
        var big = File.ReadAllBytes(folder.Combine("dist", "big.js"));
        Assert.That(result.Sizes["big.js"].Gzip, Is.EqualTo(BundleBudget.Core.Measurement.Compressors.GzipLength(big)));
    }
}
