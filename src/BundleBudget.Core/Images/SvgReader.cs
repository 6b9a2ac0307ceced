using System.Globalization;
using System.Xml;

namespace BundleBudget.Core.Images;

/// <summary>
/// Reads an SVG as the untrusted input it is: an XML reader that prohibits DTDs (so no entity expansion) and resolves
/// nothing external. Gives its width, height and viewBox, and the bytes of base64 raster images embedded in it.
/// </summary>
internal static class SvgReader
{
    public static ImageInfo Read(string path, byte[] data)
    {
        // The W3C's own SVG doctype (a public identifier, nothing declared) is harmless and exported by design tools:
        // it is ignored. A DTD that declares anything (entities, an internal subset) is refused unread.
        if (DeclaresSomething(data))
        {
            return ImageInfo.Unreadable(path, data.Length, "it declares a DTD with an internal subset or external entities, which an SVG for the web never needs and which can expand entities (billion laughs) or read other files; it was not processed", "svg");
        }

        var settings = Text.UntrustedXml.Settings(256L * 1024 * 1024);
        try
        {
            using var reader = XmlReader.Create(new MemoryStream(data), settings);
            int? width = null, height = null;
            string? viewBox = null;
            var root = true;
            long embedded = 0;
            while (reader.Read())
            {
                if (reader.NodeType != XmlNodeType.Element)
                {
                    continue;
                }

                if (root)
                {
                    if (reader.LocalName != "svg")
                    {
                        return ImageInfo.Unreadable(path, data.Length, $"its root element is <{reader.LocalName}>, not <svg>", "svg");
                    }

                    viewBox = reader.GetAttribute("viewBox");
                    width = Length(reader.GetAttribute("width")) ?? ViewBoxPart(viewBox, 2);
                    height = Length(reader.GetAttribute("height")) ?? ViewBoxPart(viewBox, 3);
                    root = false;
                }

                for (var i = 0; i < reader.AttributeCount; i++)
                {
                    reader.MoveToAttribute(i);
                    if (reader.LocalName == "href" && reader.Value.StartsWith("data:image/", StringComparison.OrdinalIgnoreCase)
                        && !reader.Value.StartsWith("data:image/svg", StringComparison.OrdinalIgnoreCase))
                    {
                        embedded += reader.Value.Length;
                    }
                }

                reader.MoveToElement();
            }

            return root
                ? ImageInfo.Unreadable(path, data.Length, "it holds no <svg> element", "svg")
                : new ImageInfo(path, "svg", width, height, 1, data.Length, viewBox, embedded, null);
        }
        catch (XmlException e)
        {
            return ImageInfo.Unreadable(path, data.Length, $"it is not well-formed XML (line {e.LineNumber}, column {e.LinePosition}: {e.Message})", "svg");
        }
    }

    private static bool DeclaresSomething(byte[] data)
    {
        var head = System.Text.Encoding.UTF8.GetString(data, 0, Math.Min(data.Length, 64 * 1024));
        var doctype = head.IndexOf("<!DOCTYPE", StringComparison.OrdinalIgnoreCase);
        if (doctype < 0)
        {
            return false;
        }

        var end = head.IndexOf('>', doctype);
        var declaration = end < 0 ? head[doctype..] : head[doctype..end];
        return declaration.Contains('[') || declaration.Contains("SYSTEM", StringComparison.Ordinal) && !declaration.Contains("PUBLIC", StringComparison.Ordinal) || head.Contains("<!ENTITY", StringComparison.Ordinal);
    }

    /// <summary>A length in px (or without a unit); percentages and other units are not pixel sizes.</summary>
    private static int? Length(string? value)
    {
        var text = value?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        if (text.EndsWith("px", StringComparison.OrdinalIgnoreCase))
        {
            text = text[..^2];
        }

        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && number is >= 0 and < int.MaxValue ? (int)Math.Round(number) : null;
    }

    private static int? ViewBoxPart(string? viewBox, int index)
    {
        var parts = viewBox?.Split([' ', ','], StringSplitOptions.RemoveEmptyEntries);
        return parts is { Length: 4 } ? Length(parts[index]) : null;
    }
}
