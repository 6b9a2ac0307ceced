using System.Xml;

namespace BundleBudget.Core.Fonts;

/// <summary>
/// Reads an SVG font (an SVG whose &lt;font&gt; element holds &lt;glyph&gt;s, as Font Awesome 4 and 5 shipped): its glyph
/// count and family. The XML is untrusted: no DTD is processed and nothing external is resolved.
/// </summary>
internal static class SvgFontReader
{
    /// <summary>The glyphs and family of an SVG font, or null when the bytes are no SVG font.</summary>
    public static (int Glyphs, string? Family)? Read(byte[] data)
    {
        var start = data.AsSpan(0, Math.Min(data.Length, 1024)).TrimStart("\uFEFF"u8).TrimStart(" \t\r\n"u8);
        if (start.Length == 0 || start[0] != (byte)'<')
        {
            return null;
        }

        var settings = Text.UntrustedXml.Settings(64L * 1024 * 1024);
        try
        {
            using var reader = XmlReader.Create(new MemoryStream(data), settings);
            var isFont = false;
            var glyphs = 0;
            string? family = null;
            while (reader.Read())
            {
                if (reader.NodeType != XmlNodeType.Element)
                {
                    continue;
                }

                switch (reader.LocalName)
                {
                    case "font":
                        isFont = true;
                        break;
                    case "font-face":
                        family ??= reader.GetAttribute("font-family");
                        break;
                    case "glyph" or "missing-glyph":
                        glyphs++;
                        break;
                }
            }

            return isFont ? (glyphs, family) : null;
        }
        catch (XmlException)
        {
            return null;
        }
    }
}
