using System.Text;
using System.Xml;

namespace BundleBudget.Tasks;

/// <summary>
/// An MSBuild file the tasks write into obj/bundlebudget/ for the next build's evaluation to import (as NuGet's
/// nuget.g.props): what a task learned, so that an unchanged build decides with built-in MSBuild alone and never loads
/// the task assembly. Every value is escaped for MSBuild (no '%', '$', '@', ';', '*' or '?' keeps its meaning) and XML.
/// </summary>
internal sealed class GeneratedProps
{
    private readonly List<(string Name, string Value)> _properties = [];
    private readonly List<(string Type, string Include, IReadOnlyList<(string Name, string Value)> Metadata)> _items = [];

    public GeneratedProps Property(string name, string value)
    {
        _properties.Add((name, value));
        return this;
    }

    public GeneratedProps Item(string type, string include, params (string Name, string Value)[] metadata)
    {
        _items.Add((type, include, metadata));
        return this;
    }

    /// <exception cref="ArgumentException">A value holds a character XML cannot carry (U+FFFE, U+FFFF, a lone surrogate; the writer checks): nothing is written, and the next build works without it.</exception>
    public void Write(string path) => Core.IO.ReportFile.Write(path, WriteXml);

    private void WriteXml(Stream stream)
    {
        // Control characters never reach the writer (they are escaped), so its check refuses only what XML cannot hold.
        using (var writer = XmlWriter.Create(stream, new XmlWriterSettings { Indent = true, Encoding = new UTF8Encoding(false), CheckCharacters = true }))
        {
            writer.WriteStartElement("Project");
            writer.WriteComment(" Written by BundleBudget for the next build; do not edit. ");
            writer.WriteStartElement("PropertyGroup");
            foreach (var (name, value) in _properties)
            {
                writer.WriteElementString(name, Escape(value));
            }

            writer.WriteEndElement();
            writer.WriteStartElement("ItemGroup");
            foreach (var (type, include, metadata) in _items)
            {
                writer.WriteStartElement(type);
                writer.WriteAttributeString("Include", Escape(include));
                foreach (var (name, value) in metadata)
                {
                    writer.WriteAttributeString(name, Escape(value));
                }

                writer.WriteEndElement();
            }

            writer.WriteEndElement();
            writer.WriteEndElement();
        }
    }

    /// <summary>MSBuild's escaping (%XX) of the characters it gives a meaning, and of control characters XML cannot hold.</summary>
    public static string Escape(string value)
    {
        var escaped = new StringBuilder(value.Length);
        foreach (var c in value)
        {
            if (c is '%' or '$' or '@' or '\'' or ';' or '*' or '?' || (char.IsControl(c) && c is not ('\t' or '\n' or '\r')))
            {
                escaped.Append('%').Append(((int)c).ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }
            else
            {
                escaped.Append(c);
            }
        }

        return escaped.ToString();
    }
}
