using System.IO.Compression;
using System.Text;
using BundleBudget.Core.Assets;

namespace BundleBudget.Core.IO;

/// <summary>
/// The text of an output file, to parse: decompressed when the file ships compressed (a .gz or .br with no copy
/// beside it), and never more than a parser's limit. A file that reports no length (empty, a FIFO, a device) is never
/// opened.
/// </summary>
internal static class OutputText
{
    /// <summary>The text, or null with why it could not be read (too large, unreadable, not valid compressed data).</summary>
    public static (string? Text, string? Problem, bool TooLarge) Read(Asset asset, long limit)
    {
        if (asset.Length == 0)
        {
            return (string.Empty, null, false);
        }

        if (asset.Encoding is null && asset.Length > limit)
        {
            return (null, ParseLimits.Over(asset.Length, limit), true);
        }

        try
        {
            if (asset.Encoding is null)
            {
                return (File.ReadAllText(asset.FullPath, Encoding.UTF8), null, false);
            }

            using var file = new FileStream(asset.FullPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            using Stream decompressed = asset.Encoding == "br" ? new BrotliStream(file, CompressionMode.Decompress) : new GZipStream(file, CompressionMode.Decompress);
            var buffer = new MemoryStream();
            var chunk = new byte[64 * 1024];
            int read;
            while ((read = decompressed.Read(chunk, 0, chunk.Length)) > 0)
            {
                buffer.Write(chunk, 0, read);
                if (buffer.Length > limit)
                {
                    return (null, $"decompressed, it is over the {ParseLimits.Describe(limit)} ({limit:N0} bytes) BundleBudget parses", true);
                }
            }

            return (Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length), null, false);
        }
        catch (InvalidDataException e)
        {
            return (null, $"it is not valid {asset.Encoding} data ({e.Message})", false);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return (null, $"it could not be read ({e.Message})", false);
        }
    }
}
