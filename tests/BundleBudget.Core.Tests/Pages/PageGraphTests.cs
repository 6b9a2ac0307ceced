using System.Text.Json;
using BundleBudget.Core.Assets;
using BundleBudget.Core.Diagnostics;
using BundleBudget.Core.Pages;

namespace BundleBudget.Core.Tests.Pages;

public class PageGraphTests
{
    /// <summary>What Vite's own manifest says a page loads first (entry file, static imports, their CSS) and later (dynamic imports).</summary>
    private static (SortedSet<string> Initial, SortedSet<string> Lazy) FromManifest(string dist, string page)
    {
        using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(dist, ".vite", "manifest.json")));
        var chunks = manifest.RootElement.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.Clone());
        var initial = new SortedSet<string>(StringComparer.Ordinal) { page };
        var dynamicRoots = new List<string>();
        void AddStatic(string key, SortedSet<string> into, HashSet<string> visited)
        {
            if (!visited.Add(key))
            {
                return;
            }

            var chunk = chunks[key];
            into.Add(chunk.GetProperty("file").GetString()!);
            foreach (var css in chunk.TryGetProperty("css", out var list) ? list.EnumerateArray() : default)
            {
                into.Add(css.GetString()!);
            }

            foreach (var import in chunk.TryGetProperty("imports", out var imports) ? imports.EnumerateArray() : default)
            {
                AddStatic(import.GetString()!, into, visited);
            }

            foreach (var dynamicImport in chunk.TryGetProperty("dynamicImports", out var dynamics) ? dynamics.EnumerateArray() : default)
            {
                dynamicRoots.Add(dynamicImport.GetString()!);
            }
        }

        AddStatic(page, initial, []);
        var lazy = new SortedSet<string>(StringComparer.Ordinal);
        var lazyVisited = new HashSet<string>();
        foreach (var root in dynamicRoots.ToList())
        {
            AddStatic(root, lazy, lazyVisited);
        }

        lazy.ExceptWith(initial);
        return (initial, lazy);
    }

    [TestCase("ts-app", "index.html")]
    [TestCase("ts-app", "admin.html")]
    [TestCase("vite-app", "index.html")]
    [TestCase("vite-app", "about.html")]
    public void The_initial_and_lazy_files_of_each_page_are_those_of_the_bundlers_manifest(string fixture, string page)
    {
        var dist = Path.Combine(TestAssets.Folder, fixture, "dist");
        var graph = PageGraph.Build(dist, AssetScanner.Scan(dist).Assets, null);
        var (initial, lazy) = FromManifest(dist, page);

        var built = graph.Find(page)!;
        Assert.That(built.Initial.Select(f => f.Path).Order(StringComparer.Ordinal), Is.EqualTo(initial));
        Assert.That(built.Lazy.Select(f => f.Path).Order(StringComparer.Ordinal), Is.EqualTo(lazy));
        Assert.That(graph.Diagnostics, Is.Empty);
    }

    [Test]
    public void The_lazy_chunk_of_the_ts_app_is_reached_through_a_dynamic_import()
    {
        var dist = Path.Combine(TestAssets.Folder, "ts-app", "dist");
        var index = PageGraph.Build(dist, AssetScanner.Scan(dist).Assets, null).Find("index.html")!;
        var reports = index.Lazy.Single(f => f.Path == "assets/reports-3-a6-wP2.js");
        Assert.That(reports.Reason, Is.EqualTo(LoadReason.DynamicImport));
        Assert.That(reports.From, Is.EqualTo("assets/main-DLj0KV1X.js"));
        Assert.That(index.Initial.Single(f => f.Path == "assets/main-C5jmX5SH.css").Reason, Is.EqualTo(LoadReason.Stylesheet));
    }

    [Test]
    public void Html_references_are_resolved_by_the_checker_case_insensitively_and_external_urls_are_listed()
    {
        using var folder = new TemporaryFolder();
        folder.Write("dist/app/index.html", """
            <!DOCTYPE html>
            <html><head>
              <BASE HREF="/app/">
              <LINK REL="StyleSheet" HREF="css/main.css">
              <link rel="alternate stylesheet" href="css/print.css">
              <link rel="PRELOAD" href="fonts/inter.woff2" as="font" crossorigin>
              <link rel="preload" href="/app/img/hero.webp" as="image">
              <link rel="stylesheet" href="https://cdn.example.com/lib.css">
              <script SRC="js/classic.js" defer></script>
              <script type="MODULE" src="./js/entry.js"></script>
              <script nomodule src="js/legacy.js"></script>
              <script type="application/json" id="data">{"import": "x"}</script>
              <script type="module">import { boot } from './js/boot.js'; import('./js/lazy.js'); import('https://esm.sh/x');</script>
            </head><body>
              <img src="img/logo.png"><img src="img/below.png" loading="lazy"><img src="data:image/png;base64,iVBOR">
              <script src="js/missing.js"></script>
            </body></html>
            """);
        folder.Write("dist/app/css/main.css", "/* @import 'commented.css'; */ @import url('theme.css'); @import \"reset.css\" screen; body { color: red }");
        folder.Write("dist/app/css/theme.css", "@import './deeper.css';");
        folder.Write("dist/app/css/deeper.css", "a{}");
        folder.Write("dist/app/css/reset.css", "*{}");
        folder.Write("dist/app/css/print.css", "*{}");
        folder.Write("dist/app/fonts/inter.woff2", "wOF2");
        folder.Write("dist/app/img/hero.webp", "RIFF");
        folder.Write("dist/app/img/logo.png", "png");
        folder.Write("dist/app/img/below.png", "png");
        folder.Write("dist/app/js/classic.js", "window.x = 1;");
        folder.Write("dist/app/js/entry.js", "import './shared.js'; export * from './more.js'; const l = () => import('./route.js');");
        folder.Write("dist/app/js/shared.js", "export const s = 1;");
        folder.Write("dist/app/js/more.js", "export const m = 1;");
        folder.Write("dist/app/js/route.js", "import './shared.js'; import './route-only.js';");
        folder.Write("dist/app/js/route-only.js", "export {}");
        folder.Write("dist/app/js/boot.js", "export const boot = 1;");
        folder.Write("dist/app/js/lazy.js", "export {}");
        folder.Write("dist/app/js/legacy.js", "var legacy;");
        var dist = folder.Combine("dist");

        var graph = PageGraph.Build(dist, AssetScanner.Scan(dist).Assets, ["app/index.html"]);
        var page = graph.Pages.Single();

        Assert.That(page.Initial.Select(f => $"{f.Path} {f.Reason}"), Is.EquivalentTo(new[]
        {
            "app/index.html Document",
            "app/css/main.css Stylesheet",
            "app/fonts/inter.woff2 Preload",
            "app/img/hero.webp Preload",
            "app/js/classic.js Script",
            "app/js/entry.js ModuleScript",
            "app/img/logo.png Image",
            "app/js/boot.js StaticImport",
            "app/css/theme.css CssImport",
            "app/css/reset.css CssImport",
            "app/css/deeper.css CssImport",
            "app/js/shared.js StaticImport",
            "app/js/more.js StaticImport",
        }));
        Assert.That(page.Initial.Single(f => f.Path == "app/js/classic.js").Loading, Is.EqualTo("defer"));
        Assert.That(page.Initial.Single(f => f.Path == "app/js/entry.js").Loading, Is.Null);
        Assert.That(page.Lazy.Select(f => f.Path), Is.EquivalentTo(new[] { "app/img/below.png", "app/js/lazy.js", "app/js/route.js", "app/js/route-only.js" }));
        Assert.That(page.External, Is.EquivalentTo(new[] { "https://cdn.example.com/lib.css", "data:image/png;base64,iVBOR", "https://esm.sh/x" }));
        var missing = graph.Diagnostics.Single();
        Assert.That(missing.Code, Is.EqualTo(DiagnosticCodes.MissingPageFile));
        Assert.That(missing.File, Is.EqualTo(Path.Combine(dist, "app", "index.html")));
        Assert.That(missing.Message, Does.Contain("js/missing.js"));
    }

    [Test]
    public void A_base_path_the_server_adds_is_found_in_the_output_and_a_broken_chunk_is_a_warning_and_a_gap()
    {
        using var folder = new TemporaryFolder();
        folder.Write("dist/index.html", "<script type=module src=\"/my-app/assets/main.js\"></script>");
        folder.Write("dist/assets/main.js", "import './ok.js'; let s = \"never closed\nimport './unseen.js';");
        folder.Write("dist/assets/ok.js", "export {}");
        folder.Write("dist/assets/unseen.js", "export {}");
        var dist = folder.Combine("dist");

        var graph = PageGraph.Build(dist, AssetScanner.Scan(dist).Assets, null);

        var page = graph.Pages.Single();
        Assert.That(page.Initial.Select(f => f.Path), Is.EqualTo(new[] { "index.html", "assets/main.js", "assets/ok.js" }));
        Assert.That(graph.Diagnostics.Single().Code, Is.EqualTo(DiagnosticCodes.ChunkNotParsed));
        Assert.That(page.Gaps.Single().Target, Is.EqualTo("assets/main.js"), "what main.js imports after the error is unknown: the initial load is incomplete");
    }

    [Test]
    public void A_named_entry_that_is_not_in_the_output_is_a_warning()
    {
        var dist = Path.Combine(TestAssets.Folder, "vite-app", "dist");
        var graph = PageGraph.Build(dist, AssetScanner.Scan(dist).Assets, ["index.html", "missing.html"]);
        Assert.That(graph.Pages.Select(p => p.Path), Is.EqualTo(new[] { "index.html" }));
        Assert.That(graph.Diagnostics.Single().Message, Does.Contain("missing.html"));
    }

    [Test]
    public void Bare_specifiers_go_through_the_pages_import_map_and_are_external_without_one()
    {
        using var folder = new TemporaryFolder();
        folder.Write("dist/index.html", """
            <script type="importmap">{ "imports": { "app": "/assets/mapped.js", "lib/": "/vendor/lib/" } }</script>
            <script type="module">import "app"; import "lib/util.js"; import "react"; if (globalThis.process) { await import("module"); await import("node:fs"); }</script>
            """);
        folder.Write("dist/assets/mapped.js", "import 'lib/deep.js';");
        folder.Write("dist/vendor/lib/util.js", "export {}");
        folder.Write("dist/vendor/lib/deep.js", "export {}");
        var dist = folder.Combine("dist");

        var graph = PageGraph.Build(dist, AssetScanner.Scan(dist).Assets, null);

        var page = graph.Pages.Single();
        Assert.That(page.Initial.Select(f => f.Path), Is.EquivalentTo(new[] { "index.html", "assets/mapped.js", "vendor/lib/util.js", "vendor/lib/deep.js" }));
        Assert.That(page.External, Is.EqualTo(new[] { "react" }), "Node's built-ins, imported on a branch only Node takes, are not the page's");
        Assert.That(graph.Diagnostics, Is.Empty);
    }

    /// <summary>
    /// A .NET 8 publish's _framework, with the real blazor.boot.json and a stand-in file for each name it lists: the page
    /// loads blazor.webassembly.js, which imports dotnet.js, which fetches blazor.boot.json and what it lists.
    /// </summary>
    [Test]
    public void A_NET_8_Blazor_page_loads_the_boot_json_and_what_it_lists_through_the_loaders()
    {
        var folder = Path.Combine(Path.GetTempPath(), "bundlebudget-tests", "net8-" + Guid.NewGuid().ToString("N")[..12]);
        var framework = Path.Combine(folder, "_framework");
        Directory.CreateDirectory(framework);
        try
        {
            var config = File.ReadAllText(Path.Combine(TestAssets.Folder, "blazor-boot", "net8.blazor.boot.json"));
            File.WriteAllText(Path.Combine(framework, "blazor.boot.json"), config);
            using var json = JsonDocument.Parse(config);
            var listed = json.RootElement.GetProperty("resources").EnumerateObject().Where(p => p.Value.ValueKind == JsonValueKind.Object).SelectMany(p => p.Value.EnumerateObject().Select(f => f.Name)).ToList();
            foreach (var name in listed.Append("dotnet.js"))
            {
                File.WriteAllText(Path.Combine(framework, name), "x");
            }

            File.WriteAllText(Path.Combine(framework, "blazor.webassembly.js"), "let t=\"_framework/dotnet.js\";const m=await import(t);");
            File.WriteAllText(Path.Combine(folder, "index.html"), "<!DOCTYPE html><html><head><base href=\"/\" /></head><body><script src=\"_framework/blazor.webassembly.js\"></script></body></html>");

            var page = PageGraph.Build(folder, AssetScanner.Scan(folder).Assets, null).Find("index.html")!;

            var initial = page.Initial.Select(f => f.Path).ToList();
            Assert.That(initial.Take(4), Is.EqualTo(new[] { "index.html", "_framework/blazor.webassembly.js", "_framework/dotnet.js", "_framework/blazor.boot.json" }));
            Assert.That(initial.Skip(4), Is.EquivalentTo(listed.Where(n => !n.StartsWith("icudt_", StringComparison.Ordinal) || n == "icudt_EFIGS.dat").Select(n => "_framework/" + n)));
            Assert.That(page.Lazy.Select(f => f.Path), Is.EquivalentTo(new[] { "_framework/icudt_CJK.dat", "_framework/icudt_no_CJK.dat" }));
            Assert.That(page.Gaps, Is.Empty);
            var loaded = LoadedFiles.Of(PageGraph.Build(folder, AssetScanner.Scan(folder).Assets, null))!;
            Assert.That(listed.Select(n => "_framework/" + n).Where(p => !loaded.Contains(p)), Is.Empty, "the other cultures' ICU shards are loaded, by browsers in those cultures");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Test]
    public void A_fingerprint_placeholder_left_in_a_page_is_a_missing_file_that_says_why()
    {
        var folder = Path.Combine(Path.GetTempPath(), "bundlebudget-tests", "placeholder-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(Path.Combine(folder, "_framework"));
        try
        {
            File.WriteAllText(Path.Combine(folder, "_framework", "blazor.webassembly.js"), "console.log(1);");
            File.WriteAllText(Path.Combine(folder, "app.css"), "body{}");
            File.WriteAllText(Path.Combine(folder, "index.html"), "<!DOCTYPE html><html><head><link rel=\"stylesheet\" href=\"app#[{fingerprint}].css\"></head><body><script src=\"_framework/blazor.webassembly#[.{fingerprint}].js\"></script></body></html>");

            var graph = PageGraph.Build(folder, AssetScanner.Scan(folder).Assets, null);

            // Publish (and the build's served copy of the page) fills it in; a page that still has it asks a plain
            // server for "_framework/blazor.webassembly" and never starts.
            var page = graph.Find("index.html")!;
            Assert.That(page.Gaps.Select(g => g.Target), Is.EquivalentTo(new[] { "app#[{fingerprint}].css", "_framework/blazor.webassembly#[.{fingerprint}].js" }));
            Assert.That(graph.Diagnostics.Where(d => d.Code == DiagnosticCodes.MissingPageFile).Select(d => d.Message), Has.All.Contains("#[.{fingerprint}] placeholder"));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
