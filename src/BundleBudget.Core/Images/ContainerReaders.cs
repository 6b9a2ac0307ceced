using System.Buffers.Binary;
using System.Text;

namespace BundleBudget.Core.Images;

/// <summary>
/// Header readers for what ImageSharp 2.1 does not read (AVIF, ICO) or does not tell (frames, truncation).
/// Each reads a few bytes of structure and never decodes pixels.
/// </summary>
internal static class ContainerReaders
{
    /// <summary>The dimensions of an AVIF (HEIF) file, from the 'ispe' property of its meta box.</summary>
    public static (long Width, long Height)? AvifDimensions(ReadOnlySpan<byte> data)
    {
        if (FindBox(data, "ftyp") is not { } ftyp || !HasBrand(data.Slice(ftyp.Start, ftyp.Length), "avif", "avis"))
        {
            return null;
        }

        // meta is a "full box" (4 bytes of version and flags before its children).
        if (FindBox(data, "meta") is not { } meta || meta.Length < 4)
        {
            return null;
        }

        var metaBody = data.Slice(meta.Start + 4, meta.Length - 4);
        if (FindBox(metaBody, "iprp") is not { } iprp || FindBox(metaBody.Slice(iprp.Start, iprp.Length), "ipco") is not { } ipco)
        {
            return null;
        }

        var properties = metaBody.Slice(iprp.Start, iprp.Length).Slice(ipco.Start, ipco.Length);
        (long, long)? largest = null;
        foreach (var (type, start, length) in Boxes(properties))
        {
            if (type == "ispe" && length >= 12)
            {
                long width = BinaryPrimitives.ReadUInt32BigEndian(properties.Slice(start + 4, 4));
                long height = BinaryPrimitives.ReadUInt32BigEndian(properties.Slice(start + 8, 4));
                if (largest is null || (double)width * height > (double)largest.Value.Item1 * largest.Value.Item2)
                {
                    largest = (width, height);
                }
            }
        }

        return largest;
    }

    public static bool IsAvif(ReadOnlySpan<byte> data) =>
        FindBox(data, "ftyp") is { } ftyp && HasBrand(data.Slice(ftyp.Start, ftyp.Length), "avif", "avis");

    /// <summary>The largest image of an ICO file (a width or height byte of 0 means 256).</summary>
    public static (int Width, int Height, int Count)? IcoDimensions(ReadOnlySpan<byte> data)
    {
        if (data.Length < 6 || BinaryPrimitives.ReadUInt16LittleEndian(data) != 0 || BinaryPrimitives.ReadUInt16LittleEndian(data[2..]) != 1)
        {
            return null;
        }

        var count = BinaryPrimitives.ReadUInt16LittleEndian(data[4..]);
        if (count == 0 || data.Length < 6 + (16 * count))
        {
            return null;
        }

        var (width, height) = (0, 0);
        for (var i = 0; i < count; i++)
        {
            var entry = data.Slice(6 + (16 * i), 16);
            var w = entry[0] == 0 ? 256 : entry[0];
            var h = entry[1] == 0 ? 256 : entry[1];
            if (w * h > width * height)
            {
                (width, height) = (w, h);
            }
        }

        return (width, height, count);
    }

    /// <summary>The number of frames of a GIF (image descriptors), walking its blocks without decoding them; null if truncated.</summary>
    public static int? GifFrames(ReadOnlySpan<byte> data)
    {
        if (data.Length < 13 || !data.StartsWith("GIF"u8))
        {
            return null;
        }

        var position = 13;
        var packed = data[10];
        if ((packed & 0x80) != 0)
        {
            position += 3 * (1 << ((packed & 0x07) + 1));
        }

        var frames = 0;
        while (position < data.Length)
        {
            switch (data[position])
            {
                case 0x3B:
                    return frames;
                case 0x21:
                    position += 2;
                    break;
                case 0x2C:
                    if (position + 10 > data.Length)
                    {
                        return null;
                    }

                    frames++;
                    var local = data[position + 9];
                    position += 10;
                    if ((local & 0x80) != 0)
                    {
                        position += 3 * (1 << ((local & 0x07) + 1));
                    }

                    position++; // LZW minimum code size
                    break;
                default:
                    return null;
            }

            // Data sub-blocks: a length byte, that many bytes, until a zero length.
            while (position < data.Length && data[position] != 0)
            {
                position += data[position] + 1;
            }

            position++;
        }

        return null;
    }

    /// <summary>The canvas of an extended WebP (VP8X): 24-bit width and height minus one, after the flags.</summary>
    public static (long Width, long Height)? WebpCanvas(ReadOnlySpan<byte> data)
    {
        if (data.Length < 30 || !data.Slice(12, 4).SequenceEqual("VP8X"u8))
        {
            return null;
        }

        long width = 1 + (data[24] | (data[25] << 8) | (data[26] << 16));
        long height = 1 + (data[27] | (data[28] << 8) | (data[29] << 16));
        return (width, height);
    }

    /// <summary>The number of frames of a WebP: 1, or the ANMF chunks of an animated one.</summary>
    public static int WebpFrames(ReadOnlySpan<byte> data)
    {
        var frames = 0;
        var position = 12;
        while (position + 8 <= data.Length)
        {
            var fourCc = Encoding.ASCII.GetString(data.Slice(position, 4));
            var size = BinaryPrimitives.ReadUInt32LittleEndian(data.Slice(position + 4, 4));
            frames += fourCc == "ANMF" ? 1 : 0;
            position += 8 + (int)Math.Min(size + (size & 1), int.MaxValue - position);
        }

        return Math.Max(frames, 1);
    }

    /// <summary>Why the file ends before its format says it should, or null when its structure is whole.</summary>
    public static string? Truncation(string format, ReadOnlySpan<byte> data) => format switch
    {
        "png" => PngTruncation(data),
        "jpeg" => data.Length >= 2 && data[^2] == 0xFF && data[^1] == 0xD9 ? null : "the JPEG has no end-of-image marker",
        "gif" => GifFrames(data) is null ? "the GIF ends before its trailer" : null,
        "webp" => data.Length >= 8 && BinaryPrimitives.ReadUInt32LittleEndian(data[4..]) + 8 > (uint)data.Length ? "the WebP is shorter than its RIFF header says" : null,
        _ => null,
    };

    private static string? PngTruncation(ReadOnlySpan<byte> data)
    {
        var position = 8;
        while (position + 12 <= data.Length)
        {
            var length = BinaryPrimitives.ReadUInt32BigEndian(data.Slice(position, 4));
            var type = Encoding.ASCII.GetString(data.Slice(position + 4, 4));
            if (type == "IEND")
            {
                return null;
            }

            if (length > (uint)(data.Length - position - 12))
            {
                return $"the PNG's {type} chunk runs past the end of the file";
            }

            position += 12 + (int)length;
        }

        return "the PNG ends before its IEND chunk";
    }

    private static bool HasBrand(ReadOnlySpan<byte> ftyp, params string[] brands)
    {
        for (var i = 0; i + 4 <= ftyp.Length; i += 4)
        {
            if (i == 4)
            {
                continue; // minor version
            }

            var brand = Encoding.ASCII.GetString(ftyp.Slice(i, 4));
            if (brands.Contains(brand))
            {
                return true;
            }
        }

        return false;
    }

    private static (int Start, int Length)? FindBox(ReadOnlySpan<byte> data, string wanted)
    {
        foreach (var (type, start, length) in Boxes(data))
        {
            if (type == wanted)
            {
                return (start, length);
            }
        }

        return null;
    }

    /// <summary>The boxes at one level of an ISO base media file: type, body start and body length.</summary>
    private static List<(string Type, int Start, int Length)> Boxes(ReadOnlySpan<byte> data)
    {
        var boxes = new List<(string, int, int)>();
        var position = 0;
        while (position + 8 <= data.Length)
        {
            long size = BinaryPrimitives.ReadUInt32BigEndian(data.Slice(position, 4));
            var type = Encoding.ASCII.GetString(data.Slice(position + 4, 4));
            var header = 8;
            if (size == 1 && position + 16 <= data.Length)
            {
                size = (long)BinaryPrimitives.ReadUInt64BigEndian(data.Slice(position + 8, 8));
                header = 16;
            }
            else if (size == 0)
            {
                size = data.Length - position;
            }

            if (size < header || position + size > data.Length)
            {
                break;
            }

            boxes.Add((type, position + header, (int)size - header));
            position += (int)size;
        }

        return boxes;
    }
}
