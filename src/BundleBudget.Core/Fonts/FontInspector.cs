using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace BundleBudget.Core.Fonts;

/// <summary>
/// Reads a font's format from its magic bytes (not its extension), and its glyph count and family name from the
/// 'maxp' and 'name' tables: read directly in TTF and OTF, inflated (zlib) in WOFF, decompressed (brotli) in WOFF2.
/// </summary>
public static class FontInspector
{
    private const int MaxDecompressedBytes = 32 * 1024 * 1024;
    private const long MaxFontBytes = 64L * 1024 * 1024;

    public static FontInfo Inspect(string path)
    {
        try
        {
            var length = new FileInfo(path).Length;
            if (length == 0)
            {
                return new FontInfo(path, null, 0, null, null, "the file is empty");
            }

            if (length > MaxFontBytes)
            {
                return new FontInfo(path, null, length, null, null, "the file is larger than any web font");
            }

            return Inspect(path, File.ReadAllBytes(path));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new FontInfo(path, null, 0, null, null, $"it cannot be read: {e.Message}");
        }
    }

    public static FontInfo Inspect(string path, byte[] data)
    {
        var format = FormatOf(data);
        if (format is null && SvgFontReader.Read(data) is { } svg)
        {
            return new FontInfo(path, "svg", data.Length, svg.Glyphs, svg.Family, null);
        }

        if (format is null)
        {
            return new FontInfo(path, null, data.Length, null, null, "its bytes are no font (no WOFF2, WOFF, TrueType, OpenType or EOT signature, and no SVG <font>)");
        }

        try
        {
            var (glyphs, family) = format switch
            {
                "ttf" or "otf" => FromSfnt(data),
                "woff" => FromWoff(data),
                "woff2" => FromWoff2(data),
                "eot" => (null, EotFamily(data)),
                _ => (null, null),
            };
            return new FontInfo(path, format, data.Length, glyphs, family, null);
        }
        catch (Exception e) when (e is ArgumentException or IndexOutOfRangeException or InvalidDataException or InvalidOperationException or OverflowException)
        {
            return new FontInfo(path, format, data.Length, null, null, $"it is a damaged {format.ToUpperInvariant()} file ({e.Message})");
        }
    }

    /// <summary>The format its first bytes say: WOFF2 "wOF2", WOFF "wOFF", TrueType 0x00010000 or "true", OpenType "OTTO", collection "ttcf", EOT's 0x504C at byte 34.</summary>
    public static string? FormatOf(ReadOnlySpan<byte> data)
    {
        if (data.Length < 4)
        {
            return null;
        }

        if (data.StartsWith("wOF2"u8))
        {
            return "woff2";
        }

        if (data.StartsWith("wOFF"u8))
        {
            return "woff";
        }

        if (data.StartsWith("OTTO"u8))
        {
            return "otf";
        }

        if (data.StartsWith("ttcf"u8))
        {
            return "ttc";
        }

        if (data.StartsWith(new byte[] { 0, 1, 0, 0 }) || data.StartsWith("true"u8))
        {
            return "ttf";
        }

        return data.Length > 36 && data[34] == 0x4C && data[35] == 0x50 ? "eot" : null;
    }

    private static (int?, string?) FromSfnt(byte[] data)
    {
        var tables = BinaryPrimitives.ReadUInt16BigEndian(data.AsSpan(4));
        byte[]? maxp = null, name = null;
        for (var i = 0; i < tables; i++)
        {
            var entry = data.AsSpan(12 + (16 * i), 16);
            var tag = Encoding.ASCII.GetString(entry[..4]);
            var offset = (int)BinaryPrimitives.ReadUInt32BigEndian(entry[8..]);
            var length = (int)BinaryPrimitives.ReadUInt32BigEndian(entry[12..]);
            if ((long)offset + length > data.Length)
            {
                throw new InvalidDataException($"the table '{tag.Trim()}' ends after the file: it is truncated");
            }

            if (tag is "maxp" or "name")
            {
                var table = data.AsSpan(offset, length).ToArray();
                (maxp, name) = tag == "maxp" ? (table, name) : (maxp, table);
            }
        }

        return (Glyphs(maxp), Family(name));
    }

    private static (int?, string?) FromWoff(byte[] data)
    {
        CheckDeclaredLength(data);
        var tables = BinaryPrimitives.ReadUInt16BigEndian(data.AsSpan(12));
        byte[]? maxp = null, name = null;
        for (var i = 0; i < tables; i++)
        {
            var entry = data.AsSpan(44 + (20 * i), 20);
            var tag = Encoding.ASCII.GetString(entry[..4]);
            if (tag is not ("maxp" or "name"))
            {
                continue;
            }

            var offset = (int)BinaryPrimitives.ReadUInt32BigEndian(entry[4..]);
            var compressed = (int)BinaryPrimitives.ReadUInt32BigEndian(entry[8..]);
            var original = (int)BinaryPrimitives.ReadUInt32BigEndian(entry[12..]);
            var stored = data.AsSpan(offset, compressed).ToArray();
            var table = compressed < original ? Inflate(stored, original) : stored;
            (maxp, name) = tag == "maxp" ? (table, name) : (maxp, table);
        }

        return (Glyphs(maxp), Family(name));
    }

    /// <summary>WOFF2 keeps every table in one brotli stream after a directory of variable-length entries.</summary>
    private static (int?, string?) FromWoff2(byte[] data)
    {
        CheckDeclaredLength(data);
        var tableCount = BinaryPrimitives.ReadUInt16BigEndian(data.AsSpan(12));
        var compressedLength = (int)BinaryPrimitives.ReadUInt32BigEndian(data.AsSpan(20));
        var position = 48;
        long offset = 0;
        (long Offset, long Length)? maxp = null, name = null;
        for (var i = 0; i < tableCount; i++)
        {
            var flags = data[position++];
            string tag;
            if ((flags & 0x3F) == 0x3F)
            {
                tag = Encoding.ASCII.GetString(data, position, 4);
                position += 4;
            }
            else
            {
                tag = Woff2KnownTags[flags & 0x3F];
            }

            var originalLength = ReadBase128(data, ref position);
            var transformVersion = (flags >> 6) & 0x03;
            var transformed = tag is "glyf" or "loca" ? transformVersion == 0 : transformVersion != 0;
            var length = transformed ? ReadBase128(data, ref position) : originalLength;
            if (tag == "maxp")
            {
                maxp = (offset, length);
            }
            else if (tag == "name")
            {
                name = (offset, length);
            }

            offset += length;
        }

        using var brotli = new BrotliStream(new MemoryStream(data, position, Math.Min(compressedLength, data.Length - position)), CompressionMode.Decompress);
        var tablesData = ReadUpTo(brotli, (int)Math.Min(offset, MaxDecompressedBytes));
        byte[]? Slice((long Offset, long Length)? range) =>
            range is { } r && r.Offset + r.Length <= tablesData.Length ? tablesData.AsSpan((int)r.Offset, (int)r.Length).ToArray() : null;
        return (Glyphs(Slice(maxp)), Family(Slice(name)));
    }

    /// <summary>WOFF and WOFF2 headers give the file's whole length at byte 8: a shorter file is truncated, and browsers reject it.</summary>
    private static void CheckDeclaredLength(byte[] data)
    {
        var declared = BinaryPrimitives.ReadUInt32BigEndian(data.AsSpan(8));
        if (declared != data.Length)
        {
            throw new InvalidDataException($"its header says {declared:N0} bytes and the file has {data.Length:N0}: it is {(declared > data.Length ? "truncated" : "damaged")}");
        }
    }

    private static string? EotFamily(byte[] data)
    {
        var size = BinaryPrimitives.ReadUInt16LittleEndian(data.AsSpan(82));
        return size == 0 || 84 + size > data.Length ? null : Encoding.Unicode.GetString(data, 84, size).TrimEnd('\0');
    }

    private static int? Glyphs(byte[]? maxp) => maxp is { Length: >= 6 } ? BinaryPrimitives.ReadUInt16BigEndian(maxp.AsSpan(4)) : null;

    /// <summary>Name ID 16 (typographic family) or 1 (family), preferring Windows Unicode records.</summary>
    private static string? Family(byte[]? table)
    {
        if (table is not { Length: >= 6 })
        {
            return null;
        }

        var count = BinaryPrimitives.ReadUInt16BigEndian(table.AsSpan(2));
        var storage = BinaryPrimitives.ReadUInt16BigEndian(table.AsSpan(4));
        string? best = null;
        var bestScore = -1;
        for (var i = 0; i < count && 6 + (12 * (i + 1)) <= table.Length; i++)
        {
            var record = table.AsSpan(6 + (12 * i), 12);
            var platform = BinaryPrimitives.ReadUInt16BigEndian(record);
            var nameId = BinaryPrimitives.ReadUInt16BigEndian(record[6..]);
            var length = BinaryPrimitives.ReadUInt16BigEndian(record[8..]);
            var offset = BinaryPrimitives.ReadUInt16BigEndian(record[10..]);
            if (nameId is not (1 or 16) || storage + offset + length > table.Length)
            {
                continue;
            }

            var score = (nameId == 16 ? 2 : 0) + (platform is 0 or 3 ? 1 : 0);
            if (score > bestScore)
            {
                var bytes = table.AsSpan(storage + offset, length);
                best = platform is 0 or 3 ? Encoding.BigEndianUnicode.GetString(bytes) : Encoding.Latin1.GetString(bytes);
                bestScore = score;
            }
        }

        return best;
    }

    private static byte[] Inflate(byte[] compressed, int originalLength)
    {
        using var zlib = new ZLibStream(new MemoryStream(compressed), CompressionMode.Decompress);
        return ReadUpTo(zlib, Math.Min(originalLength, MaxDecompressedBytes));
    }

    private static byte[] ReadUpTo(Stream stream, int count)
    {
        var buffer = new byte[count];
        var read = stream.ReadAtLeast(buffer, count, throwOnEndOfStream: false);
        return buffer[..read];
    }

    private static long ReadBase128(byte[] data, ref int position)
    {
        long value = 0;
        for (var i = 0; i < 5; i++)
        {
            var b = data[position++];
            value = (value << 7) | (uint)(b & 0x7F);
            if ((b & 0x80) == 0)
            {
                return value;
            }
        }

        throw new InvalidDataException("a UIntBase128 is longer than 5 bytes");
    }

    private static readonly string[] Woff2KnownTags =
    [
        "cmap", "head", "hhea", "hmtx", "maxp", "name", "OS/2", "post", "cvt ", "fpgm", "glyf", "loca", "prep", "CFF ", "VORG", "EBDT",
        "EBLC", "gasp", "hdmx", "kern", "LTSH", "PCLT", "VDMX", "vhea", "vmtx", "BASE", "GDEF", "GPOS", "GSUB", "EBSC", "JSTF", "MATH",
        "CBDT", "CBLC", "COLR", "CPAL", "SVG ", "sbix", "acnt", "avar", "bdat", "bloc", "bsln", "cvar", "fdsc", "feat", "fmtx", "fvar",
        "gvar", "hsty", "just", "lcar", "mort", "morx", "opbd", "prop", "trak", "Zapf", "Silf", "Glat", "Gloc", "Feat", "Sill",
    ];
}
