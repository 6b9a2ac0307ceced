using System.Diagnostics;
using System.Text;
using System.Text.Json;
using BundleBudget.Core.Assets;
using BundleBudget.Core.Imports;
using BundleBudget.Core.Pages;

namespace BundleBudget.Core.Tests.Pages;

/// <summary>The one-pass scanner that finds what a built chunk loads, checked against a real parser on real bundles.</summary>
public class ChunkImportScannerTests
{
    private static IReadOnlyList<string> Scan(string code)
    {
        var (references, problem) = ChunkImportScanner.Scan(code);
        Assert.That(problem, Is.Null);
        return references.Select(r => (r.Dynamic ? "dynamic " : "static ") + r.Specifier).ToList();
    }

    [TestCase("import{a as b}from\"./x.js\";", "static ./x.js")]
    [TestCase("import x,{y}from'./x.js'", "static ./x.js")]
    [TestCase("import*as ns from\"./x.js\"", "static ./x.js")]
    [TestCase("import\"./side.css\";", "static ./side.css")]
    [TestCase("export*from\"./x.js\";export*as n from'./y.js'", "static ./x.js|static ./y.js")]
    [TestCase("export{a,b as c}from\"./x.js\"", "static ./x.js")]
    [TestCase("export{a as\"a-b\"}from\"./x.js\"", "static ./x.js")]
    [TestCase("const m=()=>import(\"./lazy.js\");", "dynamic ./lazy.js")]
    [TestCase("import(`./t.js`).then(f)", "dynamic ./t.js")]
    [TestCase("import(/* webpackChunkName: \"x\" */ './c.js')", "dynamic ./c.js")]
    [TestCase("import('./a\\x2ejs')", "dynamic ./a.js")]
    [TestCase("const w=new Worker(new URL(\"./worker.js\",import.meta.url),{type:\"module\"})", "dynamic ./worker.js")]
    [TestCase("fetch(new URL('./app.wasm', import.meta.url))", "dynamic ./app.wasm")]
    public void Finds_static_and_dynamic_references_in_minified_code(string code, string expected)
    {
        Assert.That(Scan(code), Is.EqualTo(expected.Split('|')));
    }

    [TestCase("const s='import(\"./no.js\")';")]
    [TestCase("const t=`import x from \"./no.js\"`;")]
    [TestCase("const t=`${a}import('./no.js')${`nested ${b} import('./no2.js')`}`;")]
    [TestCase("// import('./no.js')\n/* export * from './no.js' */")]
    [TestCase("const r=/import\\(\"\\.\\/no\\.js\"\\)/g;")]
    [TestCase("if(a)/\"/.test(b);const x=1")]
    [TestCase("export{a,b};export const c=1;export default d;")]
    [TestCase("const o={import:1,export:2};o.import(\"./no.js\");a?.import('./no.js')")]
    [TestCase("import.meta.url;new URL('./x.js',location.href);new URL(name,import.meta.url)")]
    [TestCase("class A{import(e){return e}}new A().import('./no.js')")]
    [TestCase("scriptDirectory=require(\"url\").fileURLToPath(new URL(\"./\",import.meta.url))")]
    public void Finds_nothing_in_strings_templates_comments_regular_expressions_or_properties(string code)
    {
        Assert.That(Scan(code), Is.Empty);
    }

    [Test]
    public void Division_is_not_taken_for_a_regular_expression()
    {
        Assert.That(Scan("const a=b/2/c;const q=x[1]/y/\"z\";import('./after.js')"), Is.EqualTo(new[] { "dynamic ./after.js" }));
        Assert.That(Scan("let i=0;i++/2;i--/1;import('./after.js')"), Is.EqualTo(new[] { "dynamic ./after.js" }));
    }

    [Test]
    public void A_chunk_that_never_closes_a_string_gives_what_came_before_and_a_problem()
    {
        var (references, problem) = ChunkImportScanner.Scan("import'./a.js';const s=\"never closed\nimport './b.js'");
        Assert.That(references.Select(r => r.Specifier), Is.EqualTo(new[] { "./a.js" }));
        Assert.That(problem, Does.Contain("string"));
    }

    /// <summary>Every chunk of every real build in testassets: the scanner finds what Acornima's syntax tree holds.</summary>
    public static IEnumerable<TestCaseData> RealChunks() =>
        new[] { "vite-app/dist", "vite-app-head/dist", "ts-app/dist", "angular-app/dist/angular-app/browser", "webpack-dashboard/dist" }
            .SelectMany(dist => Directory.EnumerateFiles(Path.Combine(FindTestAssets(), dist), "*.js", SearchOption.AllDirectories))
            .Select(file => new TestCaseData(file).SetArgDisplayNames(Path.GetRelativePath(FindTestAssets(), file)));

    [TestCaseSource(nameof(RealChunks))]
    public void On_real_bundles_it_finds_exactly_what_a_javascript_parser_finds(string file)
    {
        var code = File.ReadAllText(file);
        var parsed = SourceModuleReader.Read(Path.ChangeExtension(file, ".mjs"), code);
        Assert.That(parsed.Problem, Is.Null, "Acornima reads the chunk");
        var expected = parsed.References
            .Where(r => r.Form is not (ImportForm.Require or ImportForm.ImportType) && !r.TypeOnly)
            .Select(r => (r.Form == ImportForm.DynamicImport ? "dynamic " : "static ") + r.Module)
            .ToList();
        Assert.That(Scan(code), Is.EqualTo(expected));
    }

    [Test]
    public void A_20_MB_chunk_a_page_loads_is_followed_in_bounded_time_and_memory()
    {
        using var folder = new TemporaryFolder();
        var real = File.ReadAllText(Path.Combine(TestAssets.Folder, "ts-app", "dist", "assets", "reports-3-a6-wP2.js"));
        var chunk = new StringBuilder("import{a}from\"./first.js\";\n");
        while (chunk.Length < 20 * 1024 * 1024)
        {
            chunk.Append("(function(){const s=`${a}/*`;const r=/[\"'`]/g;return import(\"./lazy.js\")})();\n").Append(real.Replace("import", "impart", StringComparison.Ordinal)).Append('\n');
        }

        chunk.Append("export*from\"./last.js\";\n");
        folder.Write("dist/big.js", chunk.ToString());
        folder.Write("dist/first.js", "export const a=1;");
        folder.Write("dist/last.js", "export const z=1;");
        folder.Write("dist/lazy.js", "export const l=1;");
        folder.Write("dist/index.html", "<script type=module src=big.js></script>");

        var watch = Stopwatch.StartNew();
        var graph = PageGraph.Build(folder.Combine("dist"), AssetScanner.Scan(folder.Combine("dist")).Assets, null);
        watch.Stop();

        var page = graph.Pages.Single();
        Assert.That(page.Initial.Select(f => f.Path), Is.EqualTo(new[] { "index.html", "big.js", "first.js", "last.js" }));
        Assert.That(page.Lazy.Select(f => f.Path), Is.EqualTo(new[] { "lazy.js" }));
        Assert.That(page.Gaps, Is.Empty);
        // A guard against a hang (the syntax tree took minutes on such chunks), not a speed target: those are in bench/.
        Assert.That(watch.Elapsed, Is.LessThan(TimeSpan.FromSeconds(60)));
    }

    private static string FindTestAssets() => TestAssets.Folder;
}
