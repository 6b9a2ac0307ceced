using BundleBudget.Core.Assets;
using BundleBudget.Core.Diagnostics;
using BundleBudget.Core.Measurement;

namespace BundleBudget.Core.Tests.Assets;

public class AssetScannerTests
{
    [Test]
    public void Scans_the_real_vite_output_in_path_order_with_slash_separators()
    {
        var assets = AssetScanner.Scan(TestAssets.ViteDist).Assets;
        var paths = assets.Select(a => a.Path).ToList();
        Assert.That(paths, Is.Ordered.Using((IComparer<string>)StringComparer.Ordinal));
        Assert.That(paths, Does.Contain("assets/main-C17BpASX.js"));
        Assert.That(paths, Does.Contain(".vite/manifest.json"));
        Assert.That(assets.Single(a => a.Path == "assets/main-C17BpASX.js.map").Type, Is.EqualTo(AssetType.SourceMap));
        Assert.That(assets.Count(a => a.Type == AssetType.Font), Is.EqualTo(2));
        Assert.That(assets.Count(a => a.Type == AssetType.Image), Is.EqualTo(5));
        Assert.That(assets.Single(a => a.Path == "assets/hero-BWnkITgT.png").Length, Is.EqualTo(184_766));
    }

    [Test]
    [Platform(Exclude = "Win")]
    public void A_symbolic_link_loop_is_followed_once_and_a_broken_link_is_one_warning()
    {
        using var folder = new TemporaryFolder();
        folder.Write("dist/a/x.js", "x()");
        Directory.CreateSymbolicLink(folder.Combine("dist", "a", "loop"), "..");
        File.CreateSymbolicLink(folder.Combine("dist", "broken.js"), "/nonexistent/target.js");
        Directory.CreateSymbolicLink(folder.Combine("dist", "linked"), folder.Combine("dist", "a"));

        var assets = AssetScanner.Scan(folder.Combine("dist")).Assets;

        Assert.That(assets.Select(a => a.Path), Is.EquivalentTo(new[] { "a/x.js", "broken.js" }));
        var measured = AssetMeasurer.Measure(assets, _ => false, Content.ContentStore.InMemory());
        Assert.That(measured.Diagnostics.Single().Code, Is.EqualTo(DiagnosticCodes.UnreadableAsset));
        Assert.That(measured.SizesByPath.Keys, Is.EquivalentTo(new[] { "a/x.js" }));
    }
}
