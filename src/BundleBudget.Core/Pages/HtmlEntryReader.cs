using System.Text;
using AngleSharp.Html;
using AngleSharp.Html.Parser;
using AngleSharp.Html.Parser.Tokens;
using AngleSharp.Text;

namespace BundleBudget.Core.Pages;

/// <summary>A reference from an HTML page: its URL as written, why the page loads it, and whether it waits (lazy).</summary>
internal sealed record HtmlReference(string Url, LoadReason Reason, bool Lazy = false, string? Loading = null);

/// <summary>What an HTML page asks for, as read from it.</summary>
/// <param name="InlineStyles">The text of its &lt;style&gt; elements, for their @imports.</param>
/// <param name="ImportMap">The JSON of its import map, or null.</param>
internal sealed record HtmlPage(string? BaseHref, IReadOnlyList<HtmlReference> References, IReadOnlyList<string> InlineModules, string? ImportMap, IReadOnlyList<string> InlineStyles);

/// <summary>
/// Reads what an HTML page asks for before it is usable: scripts (classic and module; async and defer scripts still
/// load at once), stylesheets, module preloads, preloads (fonts and images too), eager images (the one a &lt;picture&gt;
/// or srcset gives the emulated phone), video posters, image inputs, frames, objects and embeds, and inline styles'
/// @imports. The page is tokenized as a browser with scripting on tokenizes it (a &lt;noscript&gt; fallback is text),
/// without building a document tree: time is linear in the page's length, however deep its nesting.
/// </summary>
internal static class HtmlEntryReader
{
    /// <summary>The script types browsers run as classic scripts (the JavaScript MIME type essences of the HTML standard).</summary>
    private static readonly HashSet<string> ClassicScriptTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        "application/ecmascript", "application/javascript", "application/x-ecmascript", "application/x-javascript", "text/ecmascript", "text/javascript",
        "text/javascript1.0", "text/javascript1.1", "text/javascript1.2", "text/javascript1.3", "text/javascript1.4", "text/javascript1.5",
        "text/jscript", "text/livescript", "text/x-ecmascript", "text/x-javascript",
    };

    public static HtmlPage Read(string html)
    {
        var reader = new Reader();
        var tokenizer = new HtmlTokenizer(new TextSource(html), HtmlEntityProvider.Resolver) { SkipComments = true };
        while (true)
        {
            var token = tokenizer.Get();
            if (token.Type == HtmlTokenType.EndOfFile)
            {
                break;
            }

            if (token.Type == HtmlTokenType.StartTag)
            {
                tokenizer.State = reader.Start(token.AsTag());
            }
            else if (token.Type == HtmlTokenType.EndTag)
            {
                reader.End(token.Name);
                tokenizer.State = HtmlParseMode.PCData;
            }
            else if (token.Type == HtmlTokenType.Character)
            {
                reader.Text(token.Data);
            }
        }

        return reader.Page();
    }

    private sealed class Reader
    {
        private readonly List<HtmlReference> _references = [];
        private readonly List<string> _inlineModules = [];
        private readonly List<string> _inlineStyles = [];
        private string? _importMap;
        private readonly StringBuilder _text = new();
        private string? _baseHref;
        private int _templateDepth;

        /// <summary>What the text being collected belongs to: an inline module, an import map, a style, or nothing.</summary>
        private string? _collecting;

        /// <summary>The first &lt;source&gt; of the open &lt;picture&gt; that applies, once found; null outside a picture.</summary>
        private (bool Open, string? Chosen, bool Decided) _picture;

        public HtmlPage Page() => new(_baseHref, _references, _inlineModules, _importMap, _inlineStyles);

        /// <summary>Handles a start tag and gives the tokenizer state for what follows it.</summary>
        public HtmlParseMode Start(HtmlTagToken tag)
        {
            var name = tag.Name.ToLowerInvariant();
            if (name == "template")
            {
                _templateDepth++;
            }

            if (_templateDepth > 0)
            {
                return ModeAfter(name); // the content of a <template> is inert: nothing in it loads
            }

            switch (name)
            {
                case "base" when _baseHref is null && Attribute(tag, "href") is { } href:
                    _baseHref = href;
                    break;
                case "script":
                    return Script(tag);
                case "style":
                    BeginCollecting("style");
                    break;
                case "link":
                    Link(tag);
                    break;
                case "picture":
                    _picture = (true, null, false);
                    break;
                case "source" when _picture is { Open: true, Decided: false } && ResponsiveImages.Applies(Attribute(tag, "type"), Attribute(tag, "media")):
                    _picture = (true, ResponsiveImages.Choose(Attribute(tag, "srcset"), Attribute(tag, "sizes"), null), true);
                    break;
                case "img":
                    Image(tag);
                    break;
                case "video" when Attribute(tag, "poster") is { Length: > 0 } poster:
                    _references.Add(new HtmlReference(poster, LoadReason.Image));
                    break;
                case "input" when string.Equals(Attribute(tag, "type")?.Trim(), "image", StringComparison.OrdinalIgnoreCase) && Attribute(tag, "src") is { Length: > 0 } src:
                    _references.Add(new HtmlReference(src, LoadReason.Image));
                    break;
                case "iframe" when Attribute(tag, "src") is { Length: > 0 } frame:
                    _references.Add(new HtmlReference(frame, LoadReason.Frame, Lazy: IsLazy(tag)));
                    break;
                case "object" when Attribute(tag, "data") is { Length: > 0 } data:
                    _references.Add(new HtmlReference(data, LoadReason.Embed));
                    break;
                case "embed" when Attribute(tag, "src") is { Length: > 0 } embedded:
                    _references.Add(new HtmlReference(embedded, LoadReason.Embed));
                    break;
            }

            return ModeAfter(name);
        }

        public void End(string tagName)
        {
            var name = tagName.ToLowerInvariant();
            if (name == "template" && _templateDepth > 0)
            {
                _templateDepth--;
                return;
            }

            if (name == "picture")
            {
                _picture = default;
            }

            if (_collecting is null || name is not ("script" or "style"))
            {
                return;
            }

            var text = _text.ToString();
            switch (_collecting)
            {
                case "module":
                    _inlineModules.Add(text);
                    break;
                case "importmap":
                    _importMap ??= text; // the first import map of a page is the one that applies
                    break;
                case "style":
                    _inlineStyles.Add(text);
                    break;
            }

            _collecting = null;
        }

        public void Text(string data)
        {
            if (_collecting is not null)
            {
                _text.Append(data);
            }
        }

        private HtmlParseMode Script(HtmlTagToken tag)
        {
            var type = Attribute(tag, "type")?.Trim() ?? string.Empty;
            var essence = type.Split(';')[0].Trim();
            if (essence.Equals("importmap", StringComparison.OrdinalIgnoreCase))
            {
                BeginCollecting("importmap");
                return HtmlParseMode.Script;
            }

            var isModule = essence.Equals("module", StringComparison.OrdinalIgnoreCase);
            var isClassic = essence.Length == 0 || ClassicScriptTypes.Contains(essence);
            if ((!isModule && !isClassic) || tag.Attributes.Any(a => a.Name.Equals("nomodule", StringComparison.OrdinalIgnoreCase)))
            {
                return HtmlParseMode.Script; // data blocks and legacy bundles modern browsers skip
            }

            if (Attribute(tag, "src") is { Length: > 0 } src)
            {
                var loading = HasAttribute(tag, "async") ? "async" : HasAttribute(tag, "defer") ? "defer" : null;
                _references.Add(new HtmlReference(src, isModule ? LoadReason.ModuleScript : LoadReason.Script, Loading: loading));
            }
            else if (isModule)
            {
                BeginCollecting("module");
            }

            return HtmlParseMode.Script;
        }

        private void Link(HtmlTagToken tag)
        {
            var href = Attribute(tag, "href");
            var rel = Tokens(Attribute(tag, "rel"));
            if (rel.Contains("stylesheet") && !rel.Contains("alternate") && href is { Length: > 0 })
            {
                _references.Add(new HtmlReference(href, LoadReason.Stylesheet));
            }
            else if (rel.Contains("modulepreload") && href is { Length: > 0 })
            {
                _references.Add(new HtmlReference(href, LoadReason.ModulePreload));
            }
            else if (rel.Contains("preload"))
            {
                var isImage = string.Equals(Attribute(tag, "as")?.Trim(), "image", StringComparison.OrdinalIgnoreCase);
                var url = isImage ? ResponsiveImages.Choose(Attribute(tag, "imagesrcset"), Attribute(tag, "imagesizes"), href) : href;
                if (url is { Length: > 0 } && (!isImage || ResponsiveImages.Applies(Attribute(tag, "type"), Attribute(tag, "media"))))
                {
                    _references.Add(new HtmlReference(url, LoadReason.Preload));
                }
            }
        }

        private void Image(HtmlTagToken tag)
        {
            var url = _picture is { Open: true, Chosen: { } fromSource }
                ? fromSource
                : ResponsiveImages.Choose(Attribute(tag, "srcset"), Attribute(tag, "sizes"), Attribute(tag, "src"));
            if (url is { Length: > 0 })
            {
                _references.Add(new HtmlReference(url, LoadReason.Image, IsLazy(tag)));
            }
        }

        private void BeginCollecting(string what)
        {
            _collecting = what;
            _text.Clear();
        }

        /// <summary>The tokenizer state after an element's start tag, as the HTML tree builder sets it (scripting on).</summary>
        private static HtmlParseMode ModeAfter(string name) => name switch
        {
            "script" => HtmlParseMode.Script,
            "style" or "xmp" or "iframe" or "noembed" or "noframes" or "noscript" => HtmlParseMode.Rawtext,
            "textarea" or "title" => HtmlParseMode.RCData,
            "plaintext" => HtmlParseMode.Plaintext,
            _ => HtmlParseMode.PCData,
        };

        private static bool IsLazy(HtmlTagToken tag) => string.Equals(Attribute(tag, "loading")?.Trim(), "lazy", StringComparison.OrdinalIgnoreCase);

        private static string? Attribute(HtmlTagToken tag, string name) =>
            tag.Attributes.FirstOrDefault(a => a.Name.Equals(name, StringComparison.OrdinalIgnoreCase)).Value;

        private static bool HasAttribute(HtmlTagToken tag, string name) => tag.Attributes.Any(a => a.Name.Equals(name, StringComparison.OrdinalIgnoreCase));

        private static HashSet<string> Tokens(string? value) =>
            (value ?? string.Empty).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Select(t => t.ToLowerInvariant()).ToHashSet(StringComparer.Ordinal);
    }
}
