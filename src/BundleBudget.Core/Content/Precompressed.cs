using System.Buffers;
using System.IO.Compression;
using System.Security.Cryptography;

namespace BundleBudget.Core.Content;

/// <summary>
/// What a precompressed file (x.js.br, x.js.gz, as ASP.NET Core's publish and many CDNs' build steps write them)
/// decompresses to, streamed into a hash: never more than <see cref="ContentReader.InMemoryLimit"/> bytes, so a
/// decompression bomb costs a bounded amount of work and no memory.
/// </summary>
internal static class Precompressed
{
    public static DecompressedFacts Decompress(ReadOnlyMemory<byte> compressed)
    {
        var isGzip = compressed.Span is [0x1F, 0x8B, ..];
        try
        {
            using var source = new MemoryStream(compressed.ToArray(), writable: false);
            using Stream decompressor = isGzip ? new GZipStream(source, CompressionMode.Decompress) : new BrotliStream(source, CompressionMode.Decompress);
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            var buffer = ArrayPool<byte>.Shared.Rent(81_920);
            try
            {
                long total = 0;
                int read;
                while ((read = decompressor.Read(buffer, 0, buffer.Length)) > 0)
                {
                    total += read;
                    if (total > ContentReader.InMemoryLimit)
                    {
                        return new DecompressedFacts(null, total, $"it decompresses to more than {ParseLimits.Describe(ContentReader.InMemoryLimit)}");
                    }

                    hash.AppendData(buffer, 0, read);
                }

                return new DecompressedFacts(Convert.ToHexString(hash.GetHashAndReset()).ToLowerInvariant(), total, null) { Format = isGzip ? "gzip" : "br" };
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }
        }
        catch (InvalidDataException e)
        {
            return new DecompressedFacts(null, 0, $"it is not valid {(isGzip ? "gzip" : "brotli")} data ({e.Message})");
        }
        catch (IOException e)
        {
            return new DecompressedFacts(null, 0, $"it is not valid {(isGzip ? "gzip" : "brotli")} data ({e.Message})");
        }
    }
}
