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

    /// <summary>
    /// A text file above this (a large chunk) is hashed, compressed and decoded as it streams by, so that its bytes and its
    /// text (twice as large in UTF-16) are never in memory together.
    /// </summary>
    private const long StreamedTextLimit = 8 * 1024 * 1024;

    /// <summary>The facts whose readers need a file's bytes, not its text.</summary>
    private const FactKinds BytesKinds = FactKinds.Image | FactKinds.Font | FactKinds.SvgFont | FactKinds.Decompressed;

    /// <summary>Files up to this size are read into pooled buffers; larger ones into arrays of their own length.</summary>
    private const long PooledLimit = 4 * 1024 * 1024;

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
            return length > InMemoryLimit ? Streamed(asset, stream, kinds, known)
                : length > StreamedTextLimit && asset.Encoding is null && (kinds & BytesKinds) == 0 ? StreamedText(asset, stream, kinds, known, withText)
                : InMemory(asset, stream, kinds, known, withText);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return ReadResult.Failed($"it could not be read ({e.Message})", e.Message);
        }
    }

    private static ReadResult InMemory(Asset asset, FileStream stream, FactKinds kinds, Func<string, ContentRecord?> known, Action<string, ContentText>? withText)
    {
        // A large file gets an array of its own size, not the pool's next power of two (64 MiB for a 33 MiB chunk).
        var pooled = stream.Length <= PooledLimit;
        var buffer = pooled ? ArrayPool<byte>.Shared.Rent((int)Math.Max(stream.Length, 1)) : GC.AllocateUninitializedArray<byte>((int)stream.Length + 1);
        try
        {
            var length = ReadAll(stream, ref buffer, ref pooled);
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
            if (pooled)
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }
        }
    }

    /// <summary>A file too large to hold: hashed and compressed as it streams by, each in its own pass; never parsed.</summary>
    private static ReadResult Streamed(Asset asset, FileStream stream, FactKinds kinds, Func<string, ContentRecord?> known)
    {
        var before = IO.FileLength.WithTimeOf(asset.FullPath);
        var (hash, record, missing, read) = StreamedSizes(asset, stream, kinds, known);
        Unchanged(asset, before);
        record = ContentAnalyzers.LearnTooLarge(record, missing & ~(FactKinds.Gzip | FactKinds.Brotli), asset, record.Length);
        return new ReadResult(hash, record, null, read, missing.HasFlag(FactKinds.Gzip), missing.HasFlag(FactKinds.Brotli)) { Learned = missing != FactKinds.None };
    }

    /// <summary>A large text file: hashed and compressed as it streams by, then decoded from the file for its text facts.</summary>
    private static ReadResult StreamedText(Asset asset, FileStream stream, FactKinds kinds, Func<string, ContentRecord?> known, Action<string, ContentText>? withText)
    {
        var before = IO.FileLength.WithTimeOf(asset.FullPath);
        var (hash, record, missing, read) = StreamedSizes(asset, stream, kinds, known);
        var textKinds = missing & ~(FactKinds.Gzip | FactKinds.Brotli);
        if (textKinds != FactKinds.None || withText is not null)
        {
            var content = ContentText.FromText(asset, ContentText.DecodeStreamed(stream), record.Length);
            read += 2 * record.Length;
            Unchanged(asset, before);
            record = ContentAnalyzers.Learn(record, textKinds, content);
            withText?.Invoke(hash, content);
        }

        Unchanged(asset, before);

        return new ReadResult(hash, record, null, read, missing.HasFlag(FactKinds.Gzip), missing.HasFlag(FactKinds.Brotli)) { Learned = missing != FactKinds.None };
    }

    /// <summary>
    /// A file read in several passes must be the same file in all of them: one rewritten meanwhile (a watch build) would
    /// have the sizes of one content stored under the hash of another. It is then unreadable this run, and named.
    /// </summary>
    /// <exception cref="IOException">Its length or last-write time changed while it was read.</exception>
    private static void Unchanged(Asset asset, (long Length, long Modified) before)
    {
        if (IO.FileLength.WithTimeOf(asset.FullPath) != before)
        {
            throw new IOException("it changed while it was read");
        }
    }

    private static (string Hash, ContentRecord Record, FactKinds Missing, long Read) StreamedSizes(Asset asset, FileStream stream, FactKinds kinds, Func<string, ContentRecord?> known)
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

        return (hash, record, missing, read);
    }

    /// <summary>What is asked and not known; compressed sizes only for what a server compresses on the way.</summary>
    private static FactKinds Missing(ContentRecord record, FactKinds kinds, Asset asset)
    {
        var missing = record.Missing(kinds);
        return asset.IsTextCompressible || kinds.HasFlag(FactKinds.BinaryCompressed) ? missing : missing & ~(FactKinds.Gzip | FactKinds.Brotli);
    }

    /// <summary>Reads to the end, growing the buffer (from the pool) if the file grew since its length was taken.</summary>
    private static int ReadAll(Stream stream, ref byte[] buffer, ref bool pooled)
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
                if (pooled)
                {
                    ArrayPool<byte>.Shared.Return(buffer);
                }

                buffer = larger;
                pooled = true;
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
