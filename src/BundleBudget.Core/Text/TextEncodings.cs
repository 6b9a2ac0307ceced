using System.Text;

namespace BundleBudget.Core.Text;

/// <summary>Turns the bytes of a configuration file into UTF-8, or says which encoding it is in when that cannot be done.</summary>
internal static class TextEncodings
{
    /// <summary>
    /// UTF-8 stays as it is (a byte-order mark included); UTF-16 with a byte-order mark, or without one but with the
    /// zero bytes of ASCII text in UTF-16, is converted. Anything else is a problem naming what was seen.
    /// </summary>
    public static (byte[] Utf8, (string Message, int Line, int Column)? Problem) ToUtf8(ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE, 0x00, 0x00]) || bytes.StartsWith((ReadOnlySpan<byte>)[0x00, 0x00, 0xFE, 0xFF]))
        {
            return ([], ("The file is in UTF-32 (its byte-order mark says so), which BundleBudget does not read.", 1, 1));
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0x2B, 0x2F, 0x76]))
        {
            return ([], ("The file is in UTF-7 (its byte-order mark says so), which BundleBudget does not read.", 1, 1));
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0x84, 0x31, 0x95, 0x33]))
        {
            return ([], ("The file is in GB 18030 (its byte-order mark says so), which BundleBudget does not read.", 1, 1));
        }

        var utf16 = bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) ? Encoding.Unicode
            : bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]) ? Encoding.BigEndianUnicode
            : LooksLikeUtf16(bytes, littleEndian: true) ? Encoding.Unicode
            : LooksLikeUtf16(bytes, littleEndian: false) ? Encoding.BigEndianUnicode
            : null;
        if (utf16 is not null)
        {
            var strict = (Encoding)utf16.Clone();
            strict.DecoderFallback = DecoderFallback.ExceptionFallback;
            try
            {
                var text = strict.GetString(bytes.Length % 2 == 0 ? bytes : bytes[..^1]);
                return (Encoding.UTF8.GetBytes(text.TrimStart('\uFEFF')), null);
            }
            catch (DecoderFallbackException)
            {
                return ([], ($"The file looks like {(utf16.CodePage == Encoding.Unicode.CodePage ? "UTF-16 little endian" : "UTF-16 big endian")} but holds invalid UTF-16.", 1, 1));
            }
        }

        try
        {
            new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetCharCount(bytes);
            return (bytes.ToArray(), null);
        }
        catch (DecoderFallbackException e)
        {
            var index = Math.Clamp(e.Index, 0, Math.Max(0, bytes.Length - 1));
            var (line, column) = Locate(bytes, index);
            return ([], ($"The file is not UTF-8: byte 0x{bytes[index]:X2} at line {line}, column {column} is not valid UTF-8. It looks like a legacy encoding such as Windows-1252 or ISO-8859-1 (Latin-1).", line, column));
        }
    }

    /// <summary>ASCII text in UTF-16 has a zero byte in every pair: in the second place (little endian) or the first.</summary>
    private static bool LooksLikeUtf16(ReadOnlySpan<byte> bytes, bool littleEndian)
    {
        var pairs = Math.Min(bytes.Length / 2, 64);
        if (pairs < 2)
        {
            return false;
        }

        var zeros = 0;
        for (var i = 0; i < pairs; i++)
        {
            var (zero, other) = littleEndian ? (bytes[(2 * i) + 1], bytes[2 * i]) : (bytes[2 * i], bytes[(2 * i) + 1]);
            if (zero == 0 && other != 0)
            {
                zeros++;
            }
        }

        return zeros * 4 >= pairs * 3;
    }

    private static (int Line, int Column) Locate(ReadOnlySpan<byte> bytes, int index)
    {
        var line = 1;
        var lineStart = 0;
        for (var i = 0; i < index; i++)
        {
            if (bytes[i] == (byte)'\n')
            {
                line++;
                lineStart = i + 1;
            }
        }

        var column = 1;
        for (var i = lineStart; i < index; i++)
        {
            if ((bytes[i] & 0xC0) != 0x80)
            {
                column++;
            }
        }

        return (line, column);
    }
}
