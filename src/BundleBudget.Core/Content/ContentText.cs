using System.IO.Compression;
using System.Text;
using BundleBudget.Core.Assets;

namespace BundleBudget.Core.Content;

/// <summary>
/// The bytes of one file while they are in memory, and their text, decoded once for every reader that parses it: by
/// its byte-order mark (UTF-8, UTF-16, UTF-32), else as UTF-8; decompressed first when the file ships compressed (a .gz
/// or .br with no copy beside it).
/// </summary>
internal sealed class ContentText(Asset asset, ReadOnlyMemory<byte> bytes)
{
    private (string? Text, string? Problem, long Length)? _decoded;

    /// <summary>Text decoded as it streamed from the file (a large one): its bytes are not held, only facts read from text can be learned.</summary>
    public static ContentText FromText(Asset asset, string text, long length) => new(asset, ReadOnlyMemory<byte>.Empty) { _decoded = (text, null, length) };

    public Asset Asset { get; } = asset;

    public ReadOnlyMemory<byte> Bytes { get; } = bytes;

    /// <summary>The text, or null with why it is not parsed: larger than <paramref name="limit"/>, or not valid compressed data.</summary>
    public (string? Text, string? Problem, bool TooLarge) Text(long limit)
    {
        _decoded ??= Decode();
        if (_decoded.Value.Problem is { } problem)
        {
            return (null, problem, false);
        }

        if (_decoded.Value.Length > limit)
        {
            return (null, Asset.Encoding is null
                ? ParseLimits.Over(_decoded.Value.Length, limit)
                : $"decompressed, it is over the {ParseLimits.Describe(limit)} ({limit:N0} bytes) BundleBudget parses", true);
        }

        return (_decoded.Value.Text, null, false);
    }

    private (string? Text, string? Problem, long Length) Decode()
    {
        if (Asset.Encoding is null)
        {
            return (Decode(Bytes.Span), null, Bytes.Length);
        }

        try
        {
            using var compressed = new MemoryStream(Bytes.ToArray(), writable: false);
            using Stream decompressed = Asset.Encoding == "br" ? new BrotliStream(compressed, CompressionMode.Decompress) : new GZipStream(compressed, CompressionMode.Decompress);
            var buffer = new MemoryStream();
            var chunk = new byte[64 * 1024];
            int read;
            while ((read = decompressed.Read(chunk, 0, chunk.Length)) > 0)
            {
                buffer.Write(chunk, 0, read);
                if (buffer.Length > ContentReader.InMemoryLimit)
                {
                    return (null, null, buffer.Length); // over every parser's limit: the length says so
                }
            }

            return (Decode(buffer.GetBuffer().AsSpan(0, (int)buffer.Length)), null, buffer.Length);
        }
        catch (InvalidDataException e)
        {
            return (null, $"it is not valid {Asset.Encoding} data ({e.Message})", 0);
        }
    }

    /// <summary>As File.ReadAllText decodes: a byte-order mark names the encoding and is dropped; without one, UTF-8.</summary>
    public static string Decode(ReadOnlySpan<byte> bytes)
    {
        var (encoding, bom) = Sniff(bytes);
        return encoding.GetString(bytes[bom..]);
    }

    /// <summary>The encoding a byte-order mark names (and the mark's length), else UTF-8.</summary>
    public static (Encoding Encoding, int BomLength) Sniff(ReadOnlySpan<byte> start)
    {
        if (start.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            return (Encoding.UTF8, 3);
        }

        if (start.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE, 0x00, 0x00]))
        {
            return (Encoding.UTF32, 4);
        }

        if (start.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            return (Encoding.Unicode, 2);
        }

        if (start.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            return (Encoding.BigEndianUnicode, 2);
        }

        if (start.StartsWith((ReadOnlySpan<byte>)[0x00, 0x00, 0xFE, 0xFF]))
        {
            return (new UTF32Encoding(bigEndian: true, byteOrderMark: false), 4);
        }

        return (Encoding.UTF8, 0);
    }

    /// <summary>
    /// Decodes a file as it streams by, as <see cref="Decode"/> would its bytes, holding only the text: one pass counts
    /// the characters, the second writes them into the string.
    /// </summary>
    /// <exception cref="IOException">The file changed between the passes.</exception>
    public static string DecodeStreamed(Stream stream)
    {
        var head = new byte[4];
        stream.Position = 0;
        var (encoding, bom) = Sniff(head.AsSpan(0, stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false)));
        var buffer = System.Buffers.ArrayPool<byte>.Shared.Rent(64 * 1024);
        try
        {
            stream.Position = bom;

            // Counted by decoding into scratch space: a decoder's GetCharCount keeps no state between calls, so a character
            // split across two reads would be miscounted.
            var counter = encoding.GetDecoder();
            var scratch = new char[encoding.GetMaxCharCount(buffer.Length)];
            long count = 0;
            int read;
            while ((read = stream.Read(buffer, 0, buffer.Length)) > 0)
            {
                count += counter.GetChars(buffer, 0, read, scratch, 0, flush: false);
            }

            count += counter.GetChars([], 0, 0, scratch, 0, flush: true);
            stream.Position = bom;
            return string.Create(checked((int)count), (stream, encoding, buffer), static (chars, state) =>
            {
                var decoder = state.encoding.GetDecoder();
                var written = 0;
                int read;
                try
                {
                    while ((read = state.stream.Read(state.buffer, 0, state.buffer.Length)) > 0)
                    {
                        written += decoder.GetChars(state.buffer.AsSpan(0, read), chars[written..], flush: false);
                    }

                    written += decoder.GetChars([], chars[written..], flush: true);
                }
                catch (ArgumentException)
                {
                    written = -1;
                }

                if (written != chars.Length)
                {
                    throw new IOException("it changed while it was read");
                }
            });
        }
        finally
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
