using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace BundleBudget.Core.Pages;

/// <summary>A reference from an HTML page, its URL as written, and the inline module code to follow if any.</summary>
internal sealed record HtmlReference(string Url, LoadReason Reason, bool Lazy = false, string? Loading = null);

/// <summary>
/// Reads what an HTML page asks for before it is usable: scripts (classic and module; async and defer scripts still
/// load at once), stylesheets, module preloads, preloads (fonts and images too) and eager images. Attribute values
/// are compared case-insensitively, as browsers do.
/// </summary>
internal static class HtmlEntryReader
{
    public static (string? BaseHref, IReadOnlyList<HtmlReference> References, IReadOnlyList<string> InlineModules, IReadOnlyDictionary<string, string> ImportMap) Read(string html)
    {
        // Parsed as a browser with scripting on parses it: a <noscript> fallback (Angular writes one for every stylesheet it
        // loads late) is text then, not a second copy of the stylesheet.
        var document = new HtmlParser(new HtmlParserOptions { IsScripting = true }).ParseDocument(html);
        var baseHref = document.QuerySelector("base[href]")?.GetAttribute("href");
        var references = new List<HtmlReference>();
        var inlineModules = new List<string>();
        var importMap = new Dictionary<string, string>(StringComparer.Ordinal);

        foreach (var script in document.QuerySelectorAll("script"))
        {
            var type = script.GetAttribute("type")?.Trim() ?? string.Empty;
            if (type.Equals("importmap", StringComparison.OrdinalIgnoreCase))
            {
                ReadImportMap(script.TextContent, importMap);
                continue;
            }

            var isModule = type.Equals("module", StringComparison.OrdinalIgnoreCase);
            var isClassic = type.Length == 0 || type.Contains("javascript", StringComparison.OrdinalIgnoreCase) || type.Contains("ecmascript", StringComparison.OrdinalIgnoreCase);
            if ((!isModule && !isClassic) || script.HasAttribute("nomodule"))
            {
                continue; // data blocks (application/json, importmap) and legacy bundles modern browsers skip
            }

            if (script.GetAttribute("src") is { Length: > 0 } src)
            {
                var loading = script.HasAttribute("async") ? "async" : script.HasAttribute("defer") ? "defer" : null;
                references.Add(new HtmlReference(src, isModule ? LoadReason.ModuleScript : LoadReason.Script, Loading: loading));
            }
            else if (isModule)
            {
                inlineModules.Add(script.TextContent);
            }
        }

        foreach (var link in document.QuerySelectorAll("link[href]"))
        {
            var href = link.GetAttribute("href")!;
            var rel = Tokens(link.GetAttribute("rel"));
            if (rel.Contains("stylesheet") && !rel.Contains("alternate"))
            {
                references.Add(new HtmlReference(href, LoadReason.Stylesheet));
            }
            else if (rel.Contains("modulepreload"))
            {
                references.Add(new HtmlReference(href, LoadReason.ModulePreload));
            }
            else if (rel.Contains("preload"))
            {
                references.Add(new HtmlReference(href, LoadReason.Preload));
            }
        }

        foreach (var image in document.QuerySelectorAll("img[src]"))
        {
            var lazy = string.Equals(image.GetAttribute("loading")?.Trim(), "lazy", StringComparison.OrdinalIgnoreCase);
            references.Add(new HtmlReference(image.GetAttribute("src")!, LoadReason.Image, lazy));
        }

        return (baseHref, references, inlineModules, importMap);
    }

    /// <summary>The "imports" of an import map: bare specifiers (or "prefix/" keys) to URLs. A broken map maps nothing.</summary>
    private static void ReadImportMap(string json, Dictionary<string, string> importMap)
    {
        try
        {
            using var document = System.Text.Json.JsonDocument.Parse(json);
            if (document.RootElement.TryGetProperty("imports", out var imports) && imports.ValueKind == System.Text.Json.JsonValueKind.Object)
            {
                foreach (var entry in imports.EnumerateObject().Where(e => e.Value.ValueKind == System.Text.Json.JsonValueKind.String))
                {
                    importMap[entry.Name] = entry.Value.GetString()!;
                }
            }
        }
        catch (System.Text.Json.JsonException)
        {
        }
    }

    private static HashSet<string> Tokens(string? value) =>
        (value ?? string.Empty).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Select(t => t.ToLowerInvariant()).ToHashSet(StringComparer.Ordinal);
}
