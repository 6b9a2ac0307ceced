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

    /// <summary>srcdoc documents inside srcdoc documents are read this deep.</summary>
    private const int MaxSourceDocumentDepth = 3;

    public static HtmlPage Read(string html) => ReadDocument(html, 0);

    private static HtmlPage ReadDocument(string html, int depth)
    {
        var reader = new Reader(depth);
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
        private readonly int _depth;
        private string? _baseHref;

        /// <summary>For each open &lt;template&gt;, whether it is inert (a declarative shadow root is not: what it holds loads).</summary>
        private readonly Stack<bool> _templates = new();
        private int _inertTemplates;

        /// <summary>How deep in SVG or MathML the tokenizer is, and how deep in an HTML integration point inside it.</summary>
        private int _foreign;
        private int _integration;

        /// <summary>What the text being collected belongs to: an inline module, an import map, a style, or nothing.</summary>
        private string? _collecting;

        /// <summary>The first &lt;source&gt; of the open &lt;picture&gt; that applies, once found; closed by the picture's &lt;img&gt;.</summary>
        private (bool Open, string? Chosen, bool Decided) _picture;

        public Reader(int depth = 0) => _depth = depth;

        public HtmlPage Page() => new(_baseHref, _references, _inlineModules, _importMap, _inlineStyles);

        /// <summary>Handles a start tag and gives the tokenizer state for what follows it.</summary>
        public HtmlParseMode Start(HtmlTagToken tag)
        {
            var name = tag.Name.ToLowerInvariant();
            if (_foreign > 0 && _integration == 0 && !BreaksOutOfForeignContent(name, tag))
            {
                return ForeignStart(name, tag);
            }

            if (_foreign > 0 && _integration == 0)
            {
                _foreign = 0; // an HTML element ends the SVG or MathML, as the tree builder does
            }

            if (name == "template")
            {
                var inert = Attribute(tag, "shadowrootmode") is not ("open" or "closed");
                _templates.Push(inert);
                _inertTemplates += inert ? 1 : 0;
            }

            if (_inertTemplates > 0)
            {
                return ModeAfter(name); // the content of a <template> is inert: nothing in it loads
            }

            switch (name)
            {
                case "svg" or "math" when !tag.IsSelfClosing:
                    _foreign = 1;
                    return HtmlParseMode.PCData;
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
                case "source" when _picture is { Open: true, Decided: false } && Attribute(tag, "srcset") is { Length: > 0 } && ResponsiveImages.Applies(Attribute(tag, "type"), Attribute(tag, "media")):
                    _picture = (true, ResponsiveImages.Choose(Attribute(tag, "srcset"), Attribute(tag, "sizes"), null), true);
                    break;
                case "img" or "image":
                    Image(tag);
                    break;
                case "video" when Attribute(tag, "poster") is { Length: > 0 } poster:
                    _references.Add(new HtmlReference(poster, LoadReason.Image));
                    break;
                case "input" when string.Equals(Attribute(tag, "type"), "image", StringComparison.OrdinalIgnoreCase) && Attribute(tag, "src") is { Length: > 0 } src:
                    _references.Add(new HtmlReference(src, LoadReason.Image));
                    break;
                case "iframe" when Attribute(tag, "srcdoc") is { } srcdoc:
                    ReadSourceDocument(srcdoc, IsLazy(tag));
                    break;
                case "iframe" or "frame" when Attribute(tag, "src") is { Length: > 0 } frame:
                    _references.Add(new HtmlReference(frame, LoadReason.Frame, Lazy: name == "iframe" && IsLazy(tag)));
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
            if (_foreign > 0)
            {
                if (_integration > 0 && IsIntegrationPoint(name))
                {
                    _integration--;
                }
                else if (_integration == 0 && name is "svg" or "math")
                {
                    _foreign--;
                }

                if (_integration == 0)
                {
                    return;
                }
            }

            if (name == "template" && _templates.Count > 0)
            {
                _inertTemplates -= _templates.Pop() ? 1 : 0;
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

        /// <summary>
        /// A start tag inside SVG or MathML: no element switches the tokenizer to raw text there (an SVG &lt;style&gt; or
        /// &lt;script&gt; holds markup), a &lt;template&gt; is no template; an SVG &lt;image&gt;, an external &lt;use&gt; and an
        /// SVG &lt;script href&gt; load their files.
        /// </summary>
        private HtmlParseMode ForeignStart(string name, HtmlTagToken tag)
        {
            var href = Attribute(tag, "href") ?? Attribute(tag, "xlink:href");
            switch (name)
            {
                case "svg" or "math" when !tag.IsSelfClosing:
                    _foreign++;
                    break;
                case "image" when href is { Length: > 0 }:
                case "use" when href is { Length: > 0 } && !href.StartsWith('#'):
                    _references.Add(new HtmlReference(href!, LoadReason.Image));
                    break;
                case "script" when href is { Length: > 0 }:
                    _references.Add(new HtmlReference(href!, LoadReason.Script));
                    break;
            }

            if (IsIntegrationPoint(name) && !tag.IsSelfClosing)
            {
                _integration++; // what follows is HTML again, until this element ends
            }

            return HtmlParseMode.PCData;
        }

        /// <summary>SVG's foreignObject, desc and title, and MathML's text elements hold HTML.</summary>
        private static bool IsIntegrationPoint(string name) => name is "foreignobject" or "desc" or "title" or "mi" or "mo" or "mn" or "ms" or "mtext" or "annotation-xml";

        /// <summary>The HTML start tags that end SVG or MathML content (the HTML standard's list).</summary>
        private static bool BreaksOutOfForeignContent(string name, HtmlTagToken tag) =>
            name is "b" or "big" or "blockquote" or "body" or "br" or "center" or "code" or "dd" or "div" or "dl" or "dt" or "em" or "embed"
                or "h1" or "h2" or "h3" or "h4" or "h5" or "h6" or "head" or "hr" or "i" or "img" or "li" or "listing" or "menu" or "meta"
                or "nobr" or "ol" or "p" or "pre" or "ruby" or "s" or "small" or "span" or "strong" or "strike" or "sub" or "sup"
                or "table" or "tt" or "u" or "ul" or "var"
            || (name == "font" && (HasAttribute(tag, "color") || HasAttribute(tag, "face") || HasAttribute(tag, "size")));

        /// <summary>An &lt;iframe srcdoc&gt;: its document loads with the page, from the page's own URL.</summary>
        private void ReadSourceDocument(string html, bool lazy)
        {
            if (_depth >= MaxSourceDocumentDepth)
            {
                return;
            }

            var inner = ReadDocument(html, _depth + 1);
            _references.AddRange(inner.References.Select(r => lazy ? r with { Lazy = true } : r));
            if (!lazy)
            {
                _inlineModules.AddRange(inner.InlineModules);
                _inlineStyles.AddRange(inner.InlineStyles);
            }
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

            _picture = default; // a picture's <img> is its last word: a later <img> is outside it even if </picture> never comes
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

        /// <summary>loading=lazy, matched exactly (ASCII case-insensitively, no trimming: "lazy " is not lazy, as in the browser).</summary>
        private static bool IsLazy(HtmlTagToken tag) => string.Equals(Attribute(tag, "loading"), "lazy", StringComparison.OrdinalIgnoreCase);

        private static string? Attribute(HtmlTagToken tag, string name) =>
            tag.Attributes.FirstOrDefault(a => a.Name.Equals(name, StringComparison.OrdinalIgnoreCase)).Value;

        private static bool HasAttribute(HtmlTagToken tag, string name) => tag.Attributes.Any(a => a.Name.Equals(name, StringComparison.OrdinalIgnoreCase));

        private static HashSet<string> Tokens(string? value) =>
            (value ?? string.Empty).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Select(t => t.ToLowerInvariant()).ToHashSet(StringComparer.Ordinal);
    }
}
