using System.Diagnostics;
using BundleBudget.Core.Assets;
using BundleBudget.Core.Pages;

namespace BundleBudget.Core.Tests.Pages;

/// <summary>What a browser fetches for a page, element by element, on Lighthouse's emulated phone (412 px, DPR 1.75).</summary>
public class HtmlEntryReaderTests
{
    private static IReadOnlyList<string> Initial(string html) =>
        HtmlEntryReader.Read(html).References.Where(r => !r.Lazy).Select(r => $"{r.Reason}:{r.Url}").ToList();

    [TestCase("<svg><title/><path d=M0 /></svg><script src=big.js></script>", "Script:big.js")]
    [TestCase("<svg><title>x</svg><script src=big.js></script>", "Script:big.js")]
    [TestCase("<svg><style>x</svg><script src=big.js></script>", "Script:big.js")]
    [TestCase("<svg><textarea>x</svg><script src=big.js></script>", "Script:big.js")]
    [TestCase("<svg><script>x</svg><script src=big.js></script>", "Script:big.js")]
    [TestCase("<math><style></math><script src=big.js></script>", "Script:big.js")]
    [TestCase("<svg><template></svg><script src=big.js></script>", "Script:big.js")]
    [TestCase("<svg><foreignObject><textarea><script src=no.js></script></textarea></foreignObject></svg><script src=big.js></script>", "Script:big.js")]
    [TestCase("<svg><p>breaks out<script src=big.js></script>", "Script:big.js")]
    [TestCase("<svg><image href=a.png /><use href=\"sprite.svg#i\"/><use href=\"#local\"/><script href=s.js /></svg>", "Image:a.png|Image:sprite.svg#i|Script:s.js")]
    [TestCase("<div><template shadowrootmode=open><link rel=stylesheet href=big.css><img src=big.png></template></div>", "Stylesheet:big.css|Image:big.png")]
    [TestCase("<image src=big.png>", "Image:big.png")]
    [TestCase("<frameset><frame src=f.html></frameset>", "Frame:f.html")]
    [TestCase("<iframe srcdoc=\"<script src=big.js></script><img src=i.png>\"></iframe>", "Script:big.js|Image:i.png")]
    [TestCase("<img src=a.png loading=\"lazy \"><img src=b.png loading=LAZY><input type=\" IMAGE \" src=c.png>", "Image:a.png")]
    [TestCase("<picture><source media=\"(max-width: 600px)\"><source srcset=big.png><img src=small.jpg></picture>", "Image:big.png")]
    [TestCase("<div><picture><source srcset=small.webp type=image/webp><img src=small.jpg></div><img src=big.png>", "Image:small.webp|Image:big.png")]
    [TestCase("<img srcset=\"small.png 400w, big.png 800w\" sizes=\"(max-width: 600px) calc(100vw - 32px), 50vw\">", "Image:big.png")]
    [TestCase("<img srcset=\"small.png 400w, big.png 800w\" sizes=\"min(100vw, 600px)\">", "Image:big.png")]
    [TestCase("<img srcset=\"small.png 400w, big.png 800w 600h\">", "Image:big.png")]
    [TestCase("<picture><source srcset=big.png media=\"(prefers-reduced-motion: no-preference)\"><img src=small.jpg></picture>", "Image:big.png")]
    [TestCase("<picture><source srcset=big.png media=\"(min-resolution: 1.5dppx)\"><img src=small.jpg></picture>", "Image:big.png")]
    [TestCase("<picture><source srcset=big.png media=\"(min-width: 600px) or (orientation: portrait)\"><img src=small.jpg></picture>", "Image:big.png")]
    [TestCase("<picture><source srcset=big.png media=\"(min-width: 0)\"><img src=small.jpg></picture>", "Image:big.png")]
    [TestCase("<picture><source srcset=big.png media=\"(hover: none)\"><img src=small.jpg></picture>", "Image:big.png")]
    [TestCase("<picture><source srcset=dark.png media=\"(prefers-color-scheme: dark)\"><img src=light.jpg></picture>", "Image:light.jpg")]
    [TestCase("<picture><source srcset=wide.png media=\"(400px <= width <= 700px)\"><img src=small.jpg></picture>", "Image:wide.png")]
    [TestCase("<picture><source srcset=tall.png media=\"(max-height: 600px)\"><img src=small.jpg></picture>", "Image:small.jpg")]
    [TestCase("<img srcset=\"small.jpg 1x, big.jpg 2x\">", "Image:big.jpg")]
    [TestCase("<img src=one.jpg srcset=\"two.jpg 2x\">", "Image:two.jpg")]
    [TestCase("<img src=one.jpg srcset=\"onehalf.jpg 1.5x\">", "Image:onehalf.jpg")]
    [TestCase("<img srcset=\"s.jpg 400w, m.jpg 800w, l.jpg 1600w\">", "Image:m.jpg")]
    [TestCase("<img srcset=\"s.jpg 400w, m.jpg 800w, l.jpg 1600w\" sizes=\"(min-width: 800px) 33vw, 50vw\">", "Image:s.jpg")]
    [TestCase("<img srcset=\"s.jpg 300w, m.jpg 500w\" sizes=\"100vw\">", "Image:m.jpg")]
    [TestCase("<picture><source srcset=pic.avif type=image/avif><source srcset=pic.webp type=image/webp><img src=pic.jpg></picture>", "Image:pic.avif")]
    [TestCase("<picture><source srcset=pic.jxl type=image/jxl><source srcset=pic.webp type=image/webp><img src=pic.jpg></picture>", "Image:pic.webp")]
    [TestCase("<picture><source media=\"(min-width: 800px)\" srcset=wide.jpg><img src=narrow.jpg></picture>", "Image:narrow.jpg")]
    [TestCase("<picture><source media=\"(max-width: 600px)\" srcset=phone.jpg><img src=desk.jpg></picture>", "Image:phone.jpg")]
    [TestCase("<link rel=preload as=image href=fallback.jpg imagesrcset=\"a.jpg 400w, b.jpg 1000w\">", "Preload:b.jpg")]
    [TestCase("<script type=text/jscript src=a.js></script><script type=\"text/livescript\" src=b.js></script>", "Script:a.js|Script:b.js")]
    [TestCase("<script type=text/x-template src=t.js></script><script type=application/json src=d.json></script>", "")]
    [TestCase("<video poster=poster.jpg></video><input type=image src=go.png>", "Image:poster.jpg|Image:go.png")]
    [TestCase("<iframe src=frame.html></iframe><object data=movie.swf></object><embed src=pdf.pdf>", "Frame:frame.html|Embed:movie.swf|Embed:pdf.pdf")]
    [TestCase("<template><script src=never.js></script><img src=never.png></template><script src=yes.js></script>", "Script:yes.js")]
    [TestCase("<noscript><link rel=stylesheet href=a.css><img src=b.png></noscript>", "")]
    [TestCase("<textarea><script src=no.js></script></textarea><title><img src=no.png></title>", "")]
    [TestCase("<script>document.write('<script src=no.js><\\/script>')</script><script src=after.js></script>", "Script:after.js")]
    public void Reads_what_a_browser_fetches(string html, string expected)
    {
        Assert.That(Initial(html), Is.EqualTo(expected.Length == 0 ? [] : expected.Split('|')));
    }

    [Test]
    public void Inline_styles_import_maps_base_and_inline_modules_are_read()
    {
        var page = HtmlEntryReader.Read("""
            <base href="/v2/"><base href="/ignored/">
            <script type="importmap">{ "imports": { "lib": "./lib.js" } }</script>
            <script type="module">import "lib"; import "./inl.js";</script>
            <style>@import url("inline.css"); body { color: red }</style>
            """);
        Assert.That(page.BaseHref, Is.EqualTo("/v2/"));
        Assert.That(page.ImportMap, Does.Contain("\"lib\": \"./lib.js\""));
        Assert.That(page.InlineModules.Single(), Does.Contain("import \"./inl.js\""));
        Assert.That(page.InlineStyles.Single(), Does.Contain("@import url(\"inline.css\")"));
    }

    [Test]
    public void The_base_url_applies_to_import_maps_inline_modules_and_inline_style_imports()
    {
        using var folder = new TemporaryFolder();
        folder.Write("dist/index.html", """
            <base href="/v2/"><script type="importmap">{"imports":{"lib":"./lib.js"}}</script>
            <script type="module">import "lib"; import "./inl.js";</script><style>@import "s.css";</style>
            """);
        foreach (var file in new[] { "lib.js", "inl.js", "s.css", "v2/lib.js", "v2/inl.js", "v2/s.css" })
        {
            folder.Write($"dist/{file}", "/* x */");
        }

        var graph = PageGraph.Build(folder.Combine("dist"), AssetScanner.Scan(folder.Combine("dist")).Assets, null);
        Assert.That(graph.Pages.Single().Initial.Skip(1).Select(f => f.Path), Is.EquivalentTo(new[] { "v2/lib.js", "v2/inl.js", "v2/s.css" }));
    }

    [Test]
    public void A_frame_is_loaded_with_the_page_and_what_it_loads_too()
    {
        using var folder = new TemporaryFolder();
        folder.Write("dist/index.html", "<iframe src=\"widgets/chat.html\"></iframe><iframe loading=lazy src=\"later.html\"></iframe>");
        folder.Write("dist/widgets/chat.html", "<script src=\"chat.js\"></script><iframe src=\"../index.html\"></iframe>");
        folder.Write("dist/widgets/chat.js", "let a;");
        folder.Write("dist/later.html", "<p>later</p>");

        var page = PageGraph.Build(folder.Combine("dist"), AssetScanner.Scan(folder.Combine("dist")).Assets, ["index.html"]).Pages.Single();
        Assert.That(page.Initial.Select(f => f.Path), Is.EqualTo(new[] { "index.html", "widgets/chat.html", "widgets/chat.js" }));
        Assert.That(page.Lazy.Select(f => f.Path), Is.EqualTo(new[] { "later.html" }));
    }

    [Test]
    public void Stylesheet_imports_are_found_in_any_case_across_lines_and_not_in_conditions()
    {
        using var folder = new TemporaryFolder();
        folder.Write("dist/index.html", "<link rel=stylesheet href=a.css><style>@IMPORT url(inline.css);</style>");
        folder.Write("dist/a.css", "@IMPORT url(upper.css);\n@import URL(urlupper.css);\n@import\n  url(\"newline.css\");\n@import url(cond.css) supports(font-family: \"Inter\") layer(x) screen;\n");
        foreach (var file in new[] { "inline.css", "upper.css", "urlupper.css", "newline.css", "cond.css" })
        {
            folder.Write($"dist/{file}", "p{}");
        }

        var graph = PageGraph.Build(folder.Combine("dist"), AssetScanner.Scan(folder.Combine("dist")).Assets, null);
        Assert.That(graph.Pages.Single().Initial.Skip(1).Select(f => f.Path), Is.EquivalentTo(new[] { "a.css", "inline.css", "upper.css", "urlupper.css", "newline.css", "cond.css" }));
        Assert.That(graph.Diagnostics, Is.Empty, "no false BB1005 for a string inside supports()");
    }

    [Test]
    public void Deep_nesting_is_read_in_linear_time()
    {
        var html = string.Concat(Enumerable.Repeat("<div>", 300_000)) + "<script src=deep.js></script>";
        var watch = Stopwatch.StartNew();
        var references = Initial(html);
        watch.Stop();
        Assert.That(references, Is.EqualTo(new[] { "Script:deep.js" }));
        // A guard against the document tree's quadratic nesting (100,000 divs took 28 s), not a speed target.
        Assert.That(watch.Elapsed, Is.LessThan(TimeSpan.FromSeconds(20)));
    }
}
