using System.Text.Json;
using BundleBudget.Core.Assets;
using BundleBudget.Core.BundleContents;
using BundleBudget.Core.Diagnostics;
using BundleBudget.Core.Imports;

namespace BundleBudget.Core.Tests.BundleContents;

public class BundleAnalyzerTests
{
    private static string TsAppDist => Path.Combine(TestAssets.Folder, "ts-app", "dist");

    private static BundleAnalysis AnalyzeTsApp() =>
        BundleAnalyzer.Analyze(TsAppDist, AssetScanner.Scan(TsAppDist).Assets, ImportSettings.Default);

    [Test]
    public void Attributes_every_byte_of_every_bundle_as_source_map_explorer_does()
    {
        using var reference = JsonDocument.Parse(File.ReadAllText(Path.Combine(TestAssets.Folder, "ts-app", "source-map-explorer.json")));
        var analysis = AnalyzeTsApp();
        var expectedBundles = reference.RootElement.GetProperty("bundles").EnumerateObject().ToList();
        Assert.That(analysis.Bundles.Select(b => b.Bundle), Is.EqualTo(expectedBundles.Select(b => b.Name)));

        foreach (var expected in expectedBundles)
        {
            var bundle = analysis.Bundles.Single(b => b.Bundle == expected.Name);
            Assert.That(bundle.Bytes, Is.EqualTo(expected.Value.GetProperty("totalBytes").GetInt64()), expected.Name);
            var files = expected.Value.GetProperty("files").EnumerateObject().ToDictionary(f => f.Name, f => f.Value.GetInt64());
            var notFromSources = files.Where(f => f.Key.StartsWith('[')).Sum(f => f.Value);
            Assert.That(bundle.Packages.SingleOrDefault(p => p.Package == BundleComposition.Unmapped)?.Bytes ?? 0, Is.EqualTo(notFromSources), expected.Name);
            foreach (var (source, bytes) in bundle.Sources)
            {
                Assert.That(bytes, Is.EqualTo(files[source]), $"{expected.Name}: {source}");
            }

            Assert.That(bundle.Packages.Sum(p => p.Bytes), Is.EqualTo(bundle.Bytes), "every byte is attributed once");
        }
    }

    [Test]
    public void Finds_the_whole_of_lodash_and_moment_in_the_bundles_that_hold_them_and_nowhere_else()
    {
        var analysis = AnalyzeTsApp();
        Assert.That(analysis.Findings.Select(f => (f.Bundle.Path, f.Package, f.Source, f.Rule.Id)), Is.EqualTo(new[]
        {
            ("assets/isObjectLike-BCerrQYU.js", "lodash", "node_modules/lodash/lodash.js", "lodash"),
            ("assets/reports-3-a6-wP2.js", "moment", "node_modules/moment/dist/moment.js", "moment"),
        }));
        var lodash = analysis.Findings[0];
        Assert.That(lodash.PackageBytes, Is.EqualTo(71_478));
        Assert.That(lodash.BundleBytes, Is.EqualTo(73_545));

        var diagnostic = analysis.Diagnostics.First(d => d.Code == BundleDiagnostics.WholeLibraryBundled);
        Assert.That(diagnostic.Severity, Is.EqualTo(Severity.Warning));
        Assert.That(diagnostic.File, Is.EqualTo(Path.Combine(TsAppDist, "assets", "isObjectLike-BCerrQYU.js")));
        Assert.That(diagnostic.Message, Does.Contain("contains the whole of lodash (node_modules/lodash/lodash.js): 71.5 kB of its 73.5 kB (97%, raw)"));
    }

    [Test]
    public void Per_method_lodash_modules_and_lodash_es_are_not_the_whole_library()
    {
        var main = AnalyzeTsApp().Bundles.Single(b => b.Bundle == "assets/main-DLj0KV1X.js");
        Assert.That(main.Packages.Select(p => p.Package), Is.SupersetOf(new[] { "lodash-es", "lodash", "(app)" }));
        Assert.That(AnalyzeTsApp().Findings.Select(f => f.Bundle.Path), Has.None.EqualTo("assets/main-DLj0KV1X.js"));
    }

    [Test]
    public void An_allowed_package_is_not_reported()
    {
        var settings = ImportSettings.Default with { Allow = [BundleBudget.Core.Budgets.FileGlob.TryParse("moment", out var glob, out _) ? glob! : null!] };
        var analysis = BundleAnalyzer.Analyze(TsAppDist, AssetScanner.Scan(TsAppDist).Assets, settings);
        Assert.That(analysis.Findings.Select(f => f.Package), Is.EqualTo(new[] { "lodash" }));
    }

    [Test]
    public void Inline_maps_webpack_paths_and_a_broken_map_are_handled()
    {
        using var folder = new TemporaryFolder();
        var map = """{"version":3,"sources":["webpack://app/./node_modules/moment/moment.js","webpack://app/./src/index.js"],"names":[],"mappings":"AAAA,SCAA"}""";
        var inline = Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(map));
        folder.Write("dist/inline.js", $"var moment=1;f(moment)\n//# sourceMappingURL=data:application/json;charset=utf-8;base64,{inline}");
        folder.Write("dist/broken.js", "x()\n//# sourceMappingURL=broken.js.map");
        folder.Write("dist/broken.js.map", "{ \"version\": 3, \"sources\": [\"a.js\"], \"mappings\": \"!!!\" }");
        folder.Write("dist/nomap.js", "y()");
        var dist = folder.Combine("dist");

        var analysis = BundleAnalyzer.Analyze(dist, AssetScanner.Scan(dist).Assets, ImportSettings.Default);

        var inlineBundle = analysis.Bundles.Single();
        Assert.That(inlineBundle.SourceMap, Is.EqualTo("inline"));
        Assert.That(inlineBundle.Packages.Single(p => p.Package == "moment").Bytes, Is.EqualTo(9));
        Assert.That(inlineBundle.Packages.Single(p => p.Package == "(app)").Bytes, Is.EqualTo(13));
        Assert.That(analysis.Findings.Single().Package, Is.EqualTo("moment"));
        var problem = analysis.Diagnostics.Single(d => d.Code == BundleDiagnostics.SourceMapNotRead);
        Assert.That(problem.File, Is.EqualTo(Path.Combine(dist, "broken.js")));
        Assert.That(problem.Message, Does.Contain("Base64 VLQ"));
    }

    [TestCase("node_modules/lodash/lodash.js", "lodash", "lodash/lodash.js")]
    [TestCase("../../node_modules/@scope/pkg/dist/x.js", "@scope/pkg", "@scope/pkg/dist/x.js")]
    [TestCase("webpack:///./node_modules/a/node_modules/b/index.js", "b", "b/index.js")]
    [TestCase("../../src/main.ts", null, "../../src/main.ts")]
    public void The_package_of_a_source_is_after_its_last_node_modules(string source, string? package, string modulePath)
    {
        Assert.That(BundleComposition.PackageOf(source, out var path), Is.EqualTo(package));
        Assert.That(path, Is.EqualTo(modulePath));
    }

    [Test]
    public void A_large_inline_map_and_a_root_relative_map_url_are_found()
    {
        using var folder = new TemporaryFolder();
        var sources = string.Join(",", Enumerable.Range(0, 300).Select(i => $"\"src/module{i}.js\""));
        var map = $$"""{"version":3,"sources":["node_modules/lodash/lodash.js",{{sources}}],"names":[],"mappings":"AAAA"}""";
        folder.Write("dist/big-inline.js", "var lodash=1;\n//# sourceMappingURL=data:application/json;base64," + Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(map)));
        folder.Write("dist/assets/rooted.js", "var m=1;\n//# sourceMappingURL=/maps/rooted.js.map");
        folder.Write("dist/maps/rooted.js.map", """{"version":3,"sources":["node_modules/moment/moment.js"],"names":[],"mappings":"AAAA"}""");
        var dist = folder.Combine("dist");

        var analysis = BundleAnalyzer.Analyze(dist, AssetScanner.Scan(dist).Assets, ImportSettings.Default);

        Assert.That(analysis.Findings.Select(f => (f.Bundle.Path, f.Package)), Is.EquivalentTo(new[] { ("big-inline.js", "lodash"), ("assets/rooted.js", "moment") }));
        Assert.That(analysis.Bundles.Single(b => b.Bundle == "assets/rooted.js").SourceMap, Is.EqualTo("maps/rooted.js.map"));
    }

    [TestCase("""{"version":3,"sources":["a.js"],"names":[],"mappings":"D"}""", "negative column")]
    [TestCase("""{"version":3,"sections":[{"offset":{"line":-1,"column":0},"map":{"version":3,"sources":[],"mappings":""}}]}""", "negative offset")]
    public void A_hostile_map_is_warning_BB2004_and_the_rest_goes_on(string map, string reason)
    {
        using var folder = new TemporaryFolder();
        folder.Write("dist/bad.js", "x()\n//# sourceMappingURL=bad.js.map");
        folder.Write("dist/bad.js.map", map);
        folder.Write("dist/good.js", "y()");
        var dist = folder.Combine("dist");

        var analysis = BundleAnalyzer.Analyze(dist, AssetScanner.Scan(dist).Assets, ImportSettings.Default);

        var problem = analysis.Diagnostics.Single();
        Assert.That(problem.Code, Is.EqualTo(BundleDiagnostics.SourceMapNotRead));
        Assert.That(problem.Message, Does.Contain(reason));
    }

    [Test]
    [Platform(Exclude = "Win")]
    public void A_map_url_outside_the_output_folder_is_never_read()
    {
        using var folder = new TemporaryFolder();
        folder.Write("dist/escape.js", "x()\n//# sourceMappingURL=../../../../../../dev/zero");
        folder.Write("dist/rooted.js", "x()\n//# sourceMappingURL=/../../../dev/zero");
        var dist = folder.Combine("dist");
        var analysis = BundleAnalyzer.Analyze(dist, AssetScanner.Scan(dist).Assets, ImportSettings.Default);
        Assert.That(analysis.Bundles, Is.Empty);
        Assert.That(analysis.Diagnostics, Is.Empty);
    }
}
