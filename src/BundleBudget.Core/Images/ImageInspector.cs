using System.Runtime.InteropServices;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats;

namespace BundleBudget.Core.Images;

/// <summary>
/// Tells what an image file is without decoding its pixels: ImageSharp 2.1's Identify for PNG, JPEG, GIF, WebP and BMP
/// (header only), the 'ispe' property for AVIF, the directory for ICO, an XML reader without DTDs for SVG.
/// </summary>
public static class ImageInspector
{
    /// <summary>Above this many pixels a header is not believed: it would take gigabytes to decode (a decompression bomb).</summary>
    public const long MaxPlausiblePixels = 200_000_000;

    private const long MaxBytesRead = 64L * 1024 * 1024;

    public static ImageInfo Inspect(string path)
    {
        byte[] data;
        try
        {
            var length = new FileInfo(path).Length;
            if (length == 0)
            {
                return ImageInfo.Unreadable(path, 0, "the file is empty");
            }

            data = length <= MaxBytesRead ? File.ReadAllBytes(path) : ReadStart(path, 1024 * 1024);
            return Inspect(path, data, length);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return ImageInfo.Unreadable(path, 0, $"it cannot be read: {e.Message}");
        }
    }

    /// <summary>The image in <paramref name="data"/>: the whole file, or its start when it is over 64 MiB (then <paramref name="length"/> is the file's).</summary>
    internal static ImageInfo Inspect(string path, byte[] data, long length) => Inspect(path, data.AsMemory(), length);

    /// <summary>The image in <paramref name="memory"/>, read where it lies (a pooled buffer is never copied, except an SVG's text).</summary>
    internal static ImageInfo Inspect(string path, ReadOnlyMemory<byte> memory, long length)
    {
        var data = memory.Span;
        var extension = Path.GetExtension(path).ToLowerInvariant();
        if (extension == ".svg" || LooksLikeXml(data))
        {
            return SvgReader.Read(path, memory.ToArray());
        }

        if (ContainerReaders.IsAvif(data))
        {
            return ContainerReaders.AvifDimensions(data) is { } avif
                ? Checked(new ImageInfo(path, "avif", avif.Width, avif.Height, 1, length, null, 0, null))
                : ImageInfo.Unreadable(path, length, "the AVIF has no image size ('ispe' property)", "avif");
        }

        if (ContainerReaders.IcoDimensions(data) is { } ico)
        {
            return Checked(new ImageInfo(path, "ico", ico.Width, ico.Height, ico.Count, length, null, 0, null));
        }

        try
        {
            using var stream = MemoryMarshal.TryGetArray(memory, out var segment)
                ? new MemoryStream(segment.Array!, segment.Offset, segment.Count, writable: false)
                : new MemoryStream(memory.ToArray(), writable: false);
            var info = Image.Identify(stream, out IImageFormat? format);
            if (info is null || format is null)
            {
                return ImageInfo.Unreadable(path, length, "it is not an image in a format BundleBudget reads (PNG, JPEG, GIF, WebP, AVIF, SVG, ICO, BMP)");
            }

            var name = format.Name.ToLowerInvariant() switch
            {
                "jpeg" or "jpg" => "jpeg",
                var other => other,
            };
            var frames = name switch
            {
                "gif" => ContainerReaders.GifFrames(data) ?? 1,
                "webp" => ContainerReaders.WebpFrames(data),
                _ => 1,
            };
            var truncation = data.Length == length ? ContainerReaders.Truncation(name, data) : null;
            var (width, height) = name == "webp" && ContainerReaders.WebpCanvas(data) is { } canvas ? canvas : ((long)info.Width, (long)info.Height);
            return Checked(new ImageInfo(path, name, width, height, frames, length, null, 0, truncation is null ? null : $"it is truncated: {truncation}"));
        }
        catch (Exception e) when (e is UnknownImageFormatException or InvalidImageContentException or NotSupportedException or ImageFormatException or ArgumentException or InvalidOperationException or IndexOutOfRangeException)
        {
            return ImageInfo.Unreadable(path, length, $"it is corrupt: {e.Message}");
        }
    }

    /// <summary>A header that claims more pixels than any page shows is reported, never decoded.</summary>
    private static ImageInfo Checked(ImageInfo info) =>
        info.Pixels > MaxPlausiblePixels
            ? info with { Problem = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"its header claims {info.Width} x {info.Height} pixels ({info.Pixels / 1_000_000:0} megapixels): a decompression bomb or a corrupt header; it was not decoded") }
            : info;

    private static bool LooksLikeXml(ReadOnlySpan<byte> data)
    {
        var start = data[..Math.Min(data.Length, 256)];
        var text = System.Text.Encoding.UTF8.GetString(start).TrimStart('\uFEFF', ' ', '\t', '\r', '\n');
        return text.StartsWith("<svg", StringComparison.Ordinal) || (text.StartsWith("<?xml", StringComparison.Ordinal) && text.Contains("<svg", StringComparison.Ordinal));
    }

    private static byte[] ReadStart(string path, int count)
    {
        using var stream = File.OpenRead(path);
        var buffer = new byte[count];
        var read = stream.ReadAtLeast(buffer, count, throwOnEndOfStream: false);
        return buffer[..read];
    }
}
