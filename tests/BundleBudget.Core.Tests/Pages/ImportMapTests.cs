using System.Diagnostics;
using System.Text;
using BundleBudget.Core.Assets;
using BundleBudget.Core.Pages;

namespace BundleBudget.Core.Tests.Pages;

/// <summary>Import maps as the HTML standard resolves them, on pages with real files.</summary>
public class ImportMapTests
{
    private static IReadOnlyList<string> Initial(string html, params string[] files)
    {
        using var folder = new TemporaryFolder();
        folder.Write("dist/index.html", html);
        foreach (var file in files)
        {
            folder.Write($"dist/{file}", "export {};");
        }

        var graph = PageGraph.Build(folder.Combine("dist"), AssetScanner.Scan(folder.Combine("dist")).Assets, null);
        return graph.Pages.Single(p => p.Path == "index.html").Initial.Skip(1).Select(f => f.Path).ToList();
    }

    [Test]
    public void A_scope_that_prefixes_the_importer_wins_over_the_top_level_imports()
    {
        var loaded = Initial("""<script type=importmap>{"imports":{"app":"./small.js"},"scopes":{"/":{"app":"./big.js"}}}</script><script type=module>import "app";</script>""", "small.js", "big.js");
        Assert.That(loaded, Is.EqualTo(new[] { "big.js" }));
    }

    [Test]
    public void A_url_key_remaps_a_relative_import()
    {
        var loaded = Initial("""<script type=importmap>{"imports":{"./small.js":"./big.js"}}</script><script type=module>import "./small.js";</script>""", "small.js", "big.js");
        Assert.That(loaded, Is.EqualTo(new[] { "big.js" }));
    }

    [Test]
    public void A_prefix_key_maps_every_specifier_under_it_and_a_frame_uses_its_own_map()
    {
        var loaded = Initial("""
            <script type=importmap>{"imports":{"lit/":"./vendor/lit/"}}</script>
            <script type=module>import "lit/index.js";</script><iframe src="f1.html"></iframe>
            """, "vendor/lit/index.js", "js/big.mjs");
        Assert.That(loaded, Is.EqualTo(new[] { "vendor/lit/index.js" }));
    }

    [Test]
    public void A_lone_surrogate_in_an_import_map_maps_nothing_and_breaks_nothing()
    {
        var loaded = Initial("""<script type=importmap>{"imports":{"a":"\ud800"}}</script><script src="/big.js"></script>""", "big.js");
        Assert.That(loaded, Is.EqualTo(new[] { "big.js" }));
    }

    [Test]
    public void A_map_with_many_keys_and_many_bare_imports_is_resolved_in_linear_time()
    {
        var keys = string.Join(",", Enumerable.Range(0, 100_000).Select(i => $"\"k{i}/\":\"./x/{i}/\""));
        var imports = new StringBuilder();
        for (var i = 0; i < 100_000; i++)
        {
            imports.Append("import \"z").Append(i).Append("\";");
        }

        var watch = Stopwatch.StartNew();
        var loaded = Initial("<script type=importmap>{\"imports\":{" + keys + "}}</script><script type=module>" + imports + "</script>");
        watch.Stop();
        Assert.That(loaded, Is.Empty, "no key maps zN: bare and external");
        // A guard against the scan of every key for every import (400,000 of each took 10 minutes), not a speed target.
        Assert.That(watch.Elapsed, Is.LessThan(TimeSpan.FromSeconds(30)));
    }
}
