using BundleBudget.Core.Assets;
using BundleBudget.Core.Fonts;
using BundleBudget.Core.Images;
using BundleBudget.Core.Measurement;
using BundleBudget.Core.Pages;

namespace BundleBudget.Core.Content;

/// <summary>
/// What can be learned from a file's bytes, one entry per kind of fact, each computed by its analysis (sizes by the
/// compressors, imports and references by the page graph's readers, headers by the image and font inspectors). This is
/// the one place a new kind of fact is registered.
/// </summary>
internal static class ContentAnalyzers
{
    private static readonly ContentAnalyzer[] All =
    [
        new(FactKinds.Gzip, (record, content) => record with { Gzip = Compressors.GzipLength(content.Bytes.Span) }, null),
        new(FactKinds.Brotli, (record, content) => record with { Brotli = Compressors.BrotliLength(content.Bytes.Span) }, null),
        new(FactKinds.Script, (record, content) => record with { Script = PageFacts.Script(content) }, (record, why) => record with { Script = ScriptFacts.Unreadable(why, false) }),
        new(FactKinds.Stylesheet, (record, content) => record with { Stylesheet = PageFacts.Stylesheet(content) }, (record, why) => record with { Stylesheet = StylesheetFacts.Unreadable(why, false) }),
        new(FactKinds.Document, (record, content) => record with { Document = PageFacts.Document(content) }, (record, why) => record with { Document = DocumentFacts.Unreadable(why, false) }),
        new(
            FactKinds.Image,
            (record, content) => record with { Image = ImageInspector.Inspect(content.Asset.FullPath, content.Bytes, content.Bytes.Length) with { Path = string.Empty } },
            (record, why) => record with { Image = ImageInfo.Unreadable(string.Empty, record.Length, $"reading its header failed ({why})") }),
        new(
            FactKinds.Font,
            (record, content) => record with { Font = FontInspector.Inspect(string.Empty, content.Bytes.ToArray()) },
            (record, why) => record with { Font = new FontInfo(string.Empty, null, record.Length, null, null, $"reading it failed ({why})") }),
        new(FactKinds.SvgFont, (record, content) => record with { HoldsSvgFont = FontDownloads.HoldsSvgFont(content.Bytes.Span) }, (record, _) => record with { HoldsSvgFont = false }),
        new(FactKinds.Decompressed, (record, content) => record with { Decompressed = Precompressed.Decompress(content.Bytes) }, (record, why) => record with { Decompressed = new DecompressedFacts(null, 0, why) }),
    ];

    /// <summary>
    /// The record with every fact of <paramref name="kinds"/> learned from the content. Whatever a hostile file does to
    /// a reader is that fact's problem only (an image's header that no reader foresaw): the file's other facts, and the
    /// other files, are still learned. Sizes have no such problem: compressing any bytes works.
    /// </summary>
    public static ContentRecord Learn(ContentRecord record, FactKinds kinds, ContentText content)
    {
        foreach (var analyzer in All)
        {
            if (!kinds.HasFlag(analyzer.Kind))
            {
                continue;
            }

            try
            {
                record = analyzer.Learn(record, content);
            }
            catch (Exception e) when (e is not OutOfMemoryException && analyzer.Fail is not null)
            {
                record = analyzer.Fail(record, $"{e.GetType().Name}: {e.Message}");
            }
        }

        return record;
    }

    /// <summary>The facts of a file too large to hold in memory (its sizes are streamed): headers read from its start, no parse.</summary>
    public static ContentRecord LearnTooLarge(ContentRecord record, FactKinds kinds, Asset asset, long length)
    {
        record = PageFacts.TooLarge(record, kinds, length);
        if (kinds.HasFlag(FactKinds.Image))
        {
            record = record with { Image = ImageInspector.Inspect(asset.FullPath) with { Path = string.Empty } };
        }

        if (kinds.HasFlag(FactKinds.Font))
        {
            record = record with { Font = new FontInfo(string.Empty, null, length, null, null, "the file is larger than any web font") };
        }

        if (kinds.HasFlag(FactKinds.SvgFont))
        {
            record = record with { HoldsSvgFont = false };
        }

        if (kinds.HasFlag(FactKinds.Decompressed))
        {
            record = record with { Decompressed = new DecompressedFacts(null, 0, $"it is larger than any precompressed file BundleBudget reads ({ParseLimits.Describe(ContentReader.InMemoryLimit)})") };
        }

        return record;
    }

    /// <param name="Fail">The fact when its reader failed unexpectedly, with why; null where no input can make it fail.</param>
    private sealed record ContentAnalyzer(FactKinds Kind, Func<ContentRecord, ContentText, ContentRecord> Learn, Func<ContentRecord, string, ContentRecord>? Fail);
}
