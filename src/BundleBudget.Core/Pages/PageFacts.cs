using BundleBudget.Core.BundleContents;
using BundleBudget.Core.Content;
using BundleBudget.Core.Fonts;
using BundleBudget.Core.Imports;

namespace BundleBudget.Core.Pages;

/// <summary>What the page graph and the font checks learn from a script, a stylesheet or an HTML document, read once.</summary>
internal static class PageFacts
{
    public static ScriptFacts Script(ContentText content)
    {
        var (text, problem, tooLarge) = content.Text(ParseLimits.Script);
        return text is null ? ScriptFacts.Unreadable(problem!, tooLarge) : Script(text);
    }

    public static ScriptFacts Script(string code)
    {
        var (imports, problem) = ChunkImportScanner.Scan(code);
        return new ScriptFacts(imports, VitePreloads.Dependencies(code), problem, false, SourceMapComment.Location(code)) { Boot = BlazorBoot.Resources(code) };
    }

    public static StylesheetFacts Stylesheet(ContentText content)
    {
        var (text, problem, tooLarge) = content.Text(ParseLimits.Stylesheet);
        return text is null ? StylesheetFacts.Unreadable(problem!, tooLarge) : Stylesheet(text);
    }

    public static StylesheetFacts Stylesheet(string css) => new(
        StylesheetModuleReader.Read(css, lineComments: false, _ => (0, 0)).Select(r => r.Module).ToList(),
        CssFontFaces.Rules(css).ToList(),
        null,
        false) { Urls = Text.CssText.Urls(css) };

    public static DocumentFacts Document(ContentText content)
    {
        var (text, problem, tooLarge) = content.Text(ParseLimits.Page);
        if (text is null)
        {
            return DocumentFacts.Unreadable(problem!, tooLarge);
        }

        // A layout is rendered at the app's root whatever the request: its relative URLs resolve there.
        if (!RazorMarkup.IsRazor(content.Asset.Path))
        {
            return Document(text);
        }

        var layout = Document(RazorMarkup.ToHtml(text));
        return layout.BaseHref is null ? layout with { BaseHref = "/" } : layout;
    }

    public static DocumentFacts Document(string html)
    {
        var page = HtmlEntryReader.Read(html);
        return new DocumentFacts(
            page.BaseHref,
            page.References,
            page.InlineModules.Select(Script).ToList(),
            page.ImportMap,
            page.InlineStyles.Select(Stylesheet).ToList(),
            null,
            false);
    }

    /// <summary>The facts of a file too large to read: none, and why.</summary>
    public static ContentRecord TooLarge(ContentRecord record, FactKinds kinds, long length) => record with
    {
        Script = kinds.HasFlag(FactKinds.Script) ? ScriptFacts.Unreadable(ParseLimits.Over(length, ParseLimits.Script), true) : record.Script,
        Stylesheet = kinds.HasFlag(FactKinds.Stylesheet) ? StylesheetFacts.Unreadable(ParseLimits.Over(length, ParseLimits.Stylesheet), true) : record.Stylesheet,
        Document = kinds.HasFlag(FactKinds.Document) ? DocumentFacts.Unreadable(ParseLimits.Over(length, ParseLimits.Page), true) : record.Document,
    };
}
