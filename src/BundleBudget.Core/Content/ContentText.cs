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
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            return Encoding.UTF8.GetString(bytes[3..]);
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE, 0x00, 0x00]))
        {
            return Encoding.UTF32.GetString(bytes[4..]);
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            return Encoding.Unicode.GetString(bytes[2..]);
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            return Encoding.BigEndianUnicode.GetString(bytes[2..]);
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0x00, 0x00, 0xFE, 0xFF]))
        {
            return new UTF32Encoding(bigEndian: true, byteOrderMark: false).GetString(bytes[4..]);
        }

        return Encoding.UTF8.GetString(bytes);
    }
}
