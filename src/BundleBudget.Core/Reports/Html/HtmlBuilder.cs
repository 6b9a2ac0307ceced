using System.Net;
using System.Text;

namespace BundleBudget.Core.Reports.Html;

/// <summary>One cell of a table: its text (always escaped) and, for sizes and counts, right-aligned; a status cell shows its badge.</summary>
public readonly record struct HtmlCell(string Text, bool Numeric = false, string? Status = null)
{
    public static implicit operator HtmlCell(string text) => new(text);

    public static HtmlCell Number(string text) => new(text, Numeric: true);

    public static HtmlCell Badge(string status) => new(status, Status: status);
}

/// <summary>
/// Writes the HTML report's markup. Every text given is escaped here, so a file or package named
/// <c>&lt;img onerror=...&gt;</c> is text on the page, never markup; only this class and the writer's fixed strings add tags.
/// </summary>
public sealed class HtmlBuilder
{
    private readonly StringBuilder _html = new();

    public static string Encode(string text) => WebUtility.HtmlEncode(Core.Text.PlainText.EscapeControl(text));

    /// <summary>Markup written by the report itself (never data).</summary>
    internal HtmlBuilder Markup(string html)
    {
        _html.Append(html);
        return this;
    }

    public HtmlBuilder Text(string text)
    {
        _html.Append(Encode(text));
        return this;
    }

    public HtmlBuilder StartSection(string id, string title)
    {
        _html.Append("<section id=\"").Append(Encode(id)).Append("\" aria-labelledby=\"").Append(Encode(id)).Append("-h\"><h2 id=\"")
            .Append(Encode(id)).Append("-h\">").Append(Encode(title)).Append("</h2>\n");
        return this;
    }

    public HtmlBuilder EndSection() => Markup("</section>\n");

    public HtmlBuilder Heading(string text) => Markup("<h3>").Text(text).Markup("</h3>\n");

    public HtmlBuilder Paragraph(string text) => Markup("<p>").Text(text).Markup("</p>\n");

    /// <summary>A table with a header row; <paramref name="caption"/> names it for a screen reader.</summary>
    public HtmlBuilder Table(string caption, IReadOnlyList<HtmlCell> headers, IEnumerable<IReadOnlyList<HtmlCell>> rows)
    {
        _html.Append("<div class=\"scroll\"><table><caption>").Append(Encode(caption)).Append("</caption>\n<thead><tr>");
        foreach (var header in headers)
        {
            _html.Append(header.Numeric ? "<th scope=\"col\" class=\"num\">" : "<th scope=\"col\">").Append(Encode(header.Text)).Append("</th>");
        }

        _html.Append("</tr></thead>\n<tbody>\n");
        foreach (var row in rows)
        {
            _html.Append("<tr>");
            foreach (var cell in row)
            {
                if (cell.Status is { } status)
                {
                    _html.Append("<td><span class=\"badge s-").Append(Encode(status)).Append("\">").Append(Encode(cell.Text)).Append("</span></td>");
                }
                else
                {
                    _html.Append(cell.Numeric ? "<td class=\"num\">" : "<td>").Append(Encode(cell.Text)).Append("</td>");
                }
            }

            _html.Append("</tr>\n");
        }

        _html.Append("</tbody></table></div>\n");
        return this;
    }

    public override string ToString() => _html.ToString();
}
