using BundleBudget.Core.Text;

namespace BundleBudget.Core.Imports;

/// <summary>
/// Reads the modules a stylesheet source (.css, .scss, .sass, .less) pulls in: <c>@import</c> (quoted or
/// <c>url()</c>, several separated by commas in Sass), and Sass's <c>@use</c> and <c>@forward</c>. Comments and strings
/// are skipped; a leading '~' (webpack's "from node_modules") is dropped. Each is a side-effect import at its quote.
/// </summary>
internal static class StylesheetModuleReader
{
    private static readonly string[] AtRules = ["@import", "@use", "@forward"];

    /// <param name="lineComments">Sass, SCSS and Less allow // comments.</param>
    /// <param name="indented">Indented Sass (.sass): a line break ends a statement.</param>
    public static IReadOnlyList<ModuleReference> Read(string text, bool lineComments, Func<int, (int Line, int Column)> locate, bool indented = false)
    {
        var references = new List<ModuleReference>();
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (CssText.SkipCommentOrString(text, i, lineComments) is >= 0 and var skipped)
            {
                i = skipped;
            }
            else if (c == '@' && AtRules.FirstOrDefault(r => string.Compare(text, i, r, 0, r.Length, StringComparison.OrdinalIgnoreCase) == 0 && (i + r.Length >= text.Length || !char.IsLetterOrDigit(text[i + r.Length]) && text[i + r.Length] != '-')) is { } rule)
            {
                i = ReadImports(text, i + rule.Length, references, locate, indented);
            }
        }

        return references;
    }

    /// <summary>
    /// Reads the specifiers after an at-rule up to its ';' or '{' (or the line's end in indented Sass); returns where it
    /// stopped. A specifier is a string or url() at the start, or after a comma (Sass imports several); what else follows
    /// (layer(), supports(), a media query) names no file, whatever strings it holds.
    /// </summary>
    private static int ReadImports(string text, int at, List<ModuleReference> references, Func<int, (int Line, int Column)> locate, bool indented)
    {
        var i = at;
        var expectSpecifier = true;
        var depth = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (depth == 0 && (c is ';' or '{' or '}' || (indented && c is '\n' or '\r')))
            {
                return i;
            }

            if (c is '"' or '\'')
            {
                var end = CssText.StringEnd(text, i);
                if (expectSpecifier && depth == 0)
                {
                    Add(text[(i + 1)..Math.Min(end, text.Length)], i, references, locate);
                    expectSpecifier = false;
                }

                i = end + 1;
            }
            else if (depth == 0 && expectSpecifier && string.Compare(text, i, "url(", 0, 4, StringComparison.OrdinalIgnoreCase) == 0)
            {
                var close = text.IndexOf(')', i + 4);
                if (close < 0)
                {
                    return text.Length;
                }

                var inner = text[(i + 4)..close].Trim();
                var quoted = inner.Length > 1 && inner[0] is '"' or '\'';
                var start = text.IndexOf(quoted ? inner[0] : inner.FirstOrDefault(), i + 4);
                Add(quoted ? inner[1..^1] : inner, Math.Max(start, i), references, locate);
                expectSpecifier = false;
                i = close + 1;
            }
            else
            {
                depth += c == '(' ? 1 : c == ')' && depth > 0 ? -1 : 0;
                expectSpecifier |= depth == 0 && c == ',';
                i++;
            }
        }

        return i;
    }

    private static void Add(string specifier, int offset, List<ModuleReference> references, Func<int, (int Line, int Column)> locate)
    {
        var module = specifier.Trim().TrimStart('~');
        if (module.Length == 0 || module.Contains("://", StringComparison.Ordinal) || module.StartsWith("//", StringComparison.Ordinal) || module.StartsWith("data:", StringComparison.OrdinalIgnoreCase))
        {
            return;
        }

        var (line, column) = locate(offset);
        references.Add(new ModuleReference(module, ImportForm.SideEffect, line, column, [], null, TypeOnly: false));
    }
}
