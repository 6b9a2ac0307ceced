using BundleBudget.Core.Assets;

namespace BundleBudget.Core.Tests.Assets;

public class AssetClassifierTests
{
    [TestCase("a.js", AssetType.Script)]
    [TestCase("_framework/System.Private.CoreLib.hf5ynivft9.wasm", AssetType.Wasm)]
    [TestCase("_framework/Microsoft.AspNetCore.Components.dll", AssetType.Wasm)]
    [TestCase("_framework/icudt_EFIGS.tptq2av103.dat", AssetType.Wasm)]
    [TestCase("data/levels.dat", AssetType.Other)]
    [TestCase("a.mjs", AssetType.Script)]
    [TestCase("a.cjs", AssetType.Script)]
    [TestCase("A.JS", AssetType.Script)]
    [TestCase("a.css", AssetType.Stylesheet)]
    [TestCase("a.png", AssetType.Image)]
    [TestCase("a.jpg", AssetType.Image)]
    [TestCase("a.jpeg", AssetType.Image)]
    [TestCase("a.gif", AssetType.Image)]
    [TestCase("a.webp", AssetType.Image)]
    [TestCase("a.avif", AssetType.Image)]
    [TestCase("a.svg", AssetType.Image)]
    [TestCase("a.ico", AssetType.Image)]
    [TestCase("a.bmp", AssetType.Image)]
    [TestCase("a.woff2", AssetType.Font)]
    [TestCase("a.woff", AssetType.Font)]
    [TestCase("a.ttf", AssetType.Font)]
    [TestCase("a.otf", AssetType.Font)]
    [TestCase("a.eot", AssetType.Font)]
    [TestCase("a.html", AssetType.Document)]
    [TestCase("a.htm", AssetType.Document)]
    [TestCase("a.mp4", AssetType.Media)]
    [TestCase("a.webm", AssetType.Media)]
    [TestCase("a.mp3", AssetType.Media)]
    [TestCase("a.ogg", AssetType.Media)]
    [TestCase("a.wav", AssetType.Media)]
    [TestCase("a.js.map", AssetType.SourceMap)]
    [TestCase("a.js.gz", AssetType.Precompressed)]
    [TestCase("a.css.br", AssetType.Precompressed)]
    [TestCase("manifest.json", AssetType.Other)]
    [TestCase("LICENSE", AssetType.Other)]
    public void Classifies_by_extension(string name, AssetType expected)
    {
        Assert.That(AssetClassifier.Classify(name), Is.EqualTo(expected));
    }

    [Test]
    public void Source_maps_and_precompressed_siblings_are_listed_but_never_counted()
    {
        Assert.That(AssetType.SourceMap.IsCounted(), Is.False);
        Assert.That(AssetType.Precompressed.IsCounted(), Is.False);
        Assert.That(AssetType.Script.IsCounted(), Is.True);
    }
}
