using System.Buffers;
using BundleBudget.Core.Assets;
using BundleBudget.Core.Measurement;

namespace BundleBudget.Core.Content;

/// <summary>What reading one file gave: its hash and what was learned, or why it could not be read.</summary>
internal sealed record ReadResult(string? Hash, ContentRecord? Record, string? Failure, long BytesRead, bool GzipComputed, bool BrotliComputed)
{
    /// <summary>Whether anything was learned: false when the content's record already held everything asked (a renamed file).</summary>
    public bool Learned { get; init; }

    /// <summary>The system's message when the file could not be read for an I/O reason.</summary>
    public string? IoMessage { get; init; }

    public static ReadResult Failed(string failure, string? ioMessage = null) => new(null, null, failure, 0, false, false) { IoMessage = ioMessage };
}

/// <summary>
/// Reads a file once and learns from its bytes what is asked and not yet known for its content: hash, compressed
/// sizes and each analyzer's facts (<see cref="ContentAnalyzers"/>). A file up to <see cref="InMemoryLimit"/> is read
/// whole into a pooled buffer; a larger one is streamed for its hash and sizes, and is too large to parse.
/// </summary>
internal static class ContentReader
{
    /// <summary>The largest file read whole: the largest any parser takes.</summary>
    public const long InMemoryLimit = ParseLimits.Script;

    private const int BufferSize = 64 * 1024;

    /// <param name="known">What is known of a content, by hash: a file renamed or copied is not analysed again.</param>
    /// <param name="withText">Called with the text of a script while it is in memory, for what needs it too (its composition).</param>
    public static ReadResult Read(Asset asset, FactKinds kinds, Func<string, ContentRecord?> known, Action<string, ContentText>? withText = null)
    {
        if (asset.Length == 0 && IO.FileKind.IsSpecial(asset.FullPath))
        {
            // FIFOs, sockets and devices report no length; opening them could block forever. No server sends them.
            return ReadResult.Failed("it is a FIFO, socket or device, not a file: never read");
        }

        try
        {
            using var stream = new FileStream(asset.FullPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1, FileOptions.SequentialScan);
            var length = stream.Length;
            return length > InMemoryLimit ? Streamed(asset, stream, kinds, known) : InMemory(asset, stream, kinds, known, withText);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return ReadResult.Failed($"it could not be read ({e.Message})", e.Message);
        }
    }

    private static ReadResult InMemory(Asset asset, FileStream stream, FactKinds kinds, Func<string, ContentRecord?> known, Action<string, ContentText>? withText)
    {
        var buffer = ArrayPool<byte>.Shared.Rent((int)Math.Max(stream.Length, 1));
        try
        {
            var length = ReadAll(stream, ref buffer);
            var bytes = new ReadOnlyMemory<byte>(buffer, 0, length);
            var hash = Compressors.ContentHash(bytes.Span);
            var record = known(hash) is { } previous && previous.Length == length ? previous : new ContentRecord(length);
            var missing = Missing(record, kinds, asset);
            var content = new ContentText(asset, bytes);
            if (length == 0)
            {
                // Nothing is sent for an empty file: no compressor's wrapper either.
                record = record with { Gzip = 0, Brotli = 0 };
            }

            record = ContentAnalyzers.Learn(record, missing & ~(length == 0 ? FactKinds.Gzip | FactKinds.Brotli : FactKinds.None), content);
            if (withText is not null)
            {
                withText(hash, content);
            }

            return new ReadResult(hash, record, null, length, missing.HasFlag(FactKinds.Gzip), missing.HasFlag(FactKinds.Brotli)) { Learned = missing != FactKinds.None };
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>A file too large to hold: hashed and compressed as it streams by, each in its own pass; never parsed.</summary>
    private static ReadResult Streamed(Asset asset, FileStream stream, FactKinds kinds, Func<string, ContentRecord?> known)
    {
        var hash = Compressors.ContentHash(stream);
        var length = stream.Position;
        long read = length;
        var record = known(hash) is { } previous && previous.Length == length ? previous : new ContentRecord(length);
        var missing = Missing(record, kinds, asset);
        if (missing.HasFlag(FactKinds.Gzip))
        {
            stream.Position = 0;
            record = record with { Gzip = Compressors.GzipLength(stream) };
            read += length;
        }

        if (missing.HasFlag(FactKinds.Brotli))
        {
            stream.Position = 0;
            record = record with { Brotli = Compressors.BrotliLength(stream) };
            read += length;
        }

        record = ContentAnalyzers.LearnTooLarge(record, missing & ~(FactKinds.Gzip | FactKinds.Brotli), asset, length);
        return new ReadResult(hash, record, null, read, missing.HasFlag(FactKinds.Gzip), missing.HasFlag(FactKinds.Brotli)) { Learned = missing != FactKinds.None };
    }

    /// <summary>What is asked and not known; compressed sizes only for what a server compresses on the way.</summary>
    private static FactKinds Missing(ContentRecord record, FactKinds kinds, Asset asset)
    {
        var missing = FactKinds.None;
        foreach (var kind in Enum.GetValues<FactKinds>())
        {
            if (kind != FactKinds.None && kinds.HasFlag(kind) && !record.Has(kind))
            {
                missing |= kind;
            }
        }

        return asset.IsTextCompressible ? missing : missing & ~(FactKinds.Gzip | FactKinds.Brotli);
    }

    /// <summary>Reads to the end, growing the pooled buffer if the file grew since its length was taken.</summary>
    private static int ReadAll(Stream stream, ref byte[] buffer)
    {
        var total = 0;
        while (true)
        {
            if (total == buffer.Length)
            {
                if (total >= InMemoryLimit)
                {
                    throw new IOException($"it grew past {ParseLimits.Describe(InMemoryLimit)} while it was read");
                }

                var larger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
                buffer.AsSpan(0, total).CopyTo(larger);
                ArrayPool<byte>.Shared.Return(buffer);
                buffer = larger;
            }

            var read = stream.Read(buffer, total, buffer.Length - total);
            if (read == 0)
            {
                return total;
            }

            total += read;
        }
    }
}
