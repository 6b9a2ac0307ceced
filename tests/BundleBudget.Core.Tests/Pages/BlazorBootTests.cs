using BundleBudget.Core.Pages;

namespace BundleBudget.Core.Tests.Pages;

/// <summary>The boot configuration .NET 10 inlines in _framework/dotnet.{fingerprint}.js, in the shape the SDK writes it.</summary>
public class BlazorBootTests
{
    private static string Loader(string resources, string extra = "") => $$"""
        var e={};const t=/*json-start*/{
          "mainAssemblyName": "app",{{extra}}
          "resources": {{{resources}}}
        }/*json-end*/;export{t as default};
        """;

    private const string Sharded = """
        "jsModuleNative": [ { "name": "dotnet.native.b6l13xorvf.js" } ],
        "wasmNative": [ { "name": "dotnet.native.rw4kynp763.wasm", "hash": "sha256-x" } ],
        "icu": [ { "virtualPath": "icudt_CJK.dat", "name": "icudt_CJK.tjcz0u77k5.dat" }, { "name": "icudt_EFIGS.tptq2av103.dat" }, { "name": "icudt_no_CJK.lfu7j35m59.dat" } ],
        "coreAssembly": [ { "name": "System.Private.CoreLib.hf5ynivft9.wasm" } ],
        "assembly": [ { "name": "app.po3mqkjsfl.wasm" }, { "name": "/abs.wasm" }, { "name": "https://cdn.example/x.wasm" }, { "name": "//cdn.example/y.wasm" } ],
        "modulesAfterConfigLoaded": [ { "name": "../_content/Lib/Lib.lib.module.js" } ],
        "lazyAssembly": [ { "name": "Reports.1a2b3c4d5e.wasm" } ],
        "satelliteResources": { "fr": [ { "name": "app.resources.9z8y7x6w5v.wasm" } ], "../x": [ { "name": "evil.wasm" } ] },
        "pdb": [ { "name": "app.pdb" } ]
        """;

    [Test]
    public void The_runtime_and_assemblies_load_at_start_lazy_assemblies_and_satellites_later_and_one_ICU_file()
    {
        var resources = BlazorBoot.Resources(Loader(Sharded));

        Assert.That(resources.Where(r => !r.Lazy).Select(r => r.Name), Is.EqualTo(new[]
        {
            "dotnet.native.b6l13xorvf.js", "dotnet.native.rw4kynp763.wasm", "System.Private.CoreLib.hf5ynivft9.wasm", "app.po3mqkjsfl.wasm", "../_content/Lib/Lib.lib.module.js", "icudt_EFIGS.tptq2av103.dat",
        }), "the English ICU shard; no symbols; no URL of another origin or root path");
        Assert.That(resources.Where(r => r.Lazy).Select(r => r.Name), Is.EqualTo(new[] { "icudt_CJK.tjcz0u77k5.dat", "icudt_no_CJK.lfu7j35m59.dat", "Reports.1a2b3c4d5e.wasm", "fr/app.resources.9z8y7x6w5v.wasm" }), "the shards of other cultures; a satellite in its culture's folder, as the runtime asks for it");
    }

    [Test]
    public void Debug_symbols_and_every_satellite_load_at_start_when_the_configuration_says_so()
    {
        var resources = BlazorBoot.Resources(Loader(Sharded, "\n  \"debugLevel\": -1, \"loadAllSatelliteResources\": true,"));
        Assert.That(resources.Where(r => !r.Lazy).Select(r => r.Name), Does.Contain("app.pdb").And.Contain("fr/app.resources.9z8y7x6w5v.wasm"));
    }

    [TestCase("all", "icudt.x1.dat")]
    [TestCase("custom", "icudt_custom.x2.dat")]
    [TestCase("sharded", "icudt_EFIGS.x3.dat")]
    [TestCase("hybrid", "icudt_hybrid.x4.dat")]
    public void The_ICU_file_is_the_one_the_runtime_picks_in_its_mode(string mode, string? expected)
    {
        const string Icu = """
            "icu": [ { "virtualPath": "icudt_custom.dat", "name": "icudt_custom.x2.dat" }, { "virtualPath": "icudt.dat", "name": "icudt.x1.dat" }, { "virtualPath": "icudt_EFIGS.dat", "name": "icudt_EFIGS.x3.dat" }, { "virtualPath": "icudt_hybrid.dat", "name": "icudt_hybrid.x4.dat" } ]
            """;
        var picked = BlazorBoot.Resources(Loader(Icu, $"\n  \"globalizationMode\": \"{mode}\",")).Where(r => !r.Lazy).Select(r => r.Name).SingleOrDefault();
        Assert.That(picked, Is.EqualTo(expected));
    }

    [Test]
    public void Invariant_globalization_loads_no_ICU_data()
    {
        var resources = BlazorBoot.Resources(Loader(Sharded, "\n  \"globalizationMode\": \"invariant\","));
        Assert.That(resources.Select(r => r.Name), Has.None.StartsWith("icudt"));
    }

    [TestCase("var x=1;")]
    [TestCase("/*json-start*/{ not json /*json-end*/")]
    [TestCase("/*json-start*/[1,2]/*json-end*/")]
    [TestCase("const a=\"/*json-start*/*json-end*/\";import('./x.js')")]
    [TestCase("{ \"name\": \"package.json\", \"version\": \"1.0.0\" }")]
    public void A_script_without_a_boot_configuration_it_can_read_lists_nothing(string code)
    {
        Assert.That(BlazorBoot.Resources(code), Is.Empty);
    }

    /// <summary>The real blazor.boot.json of a .NET 8 and a .NET 9 publish (testassets/blazor-boot): each category an object of name to hash.</summary>
    [TestCase("net8", "icudt_EFIGS.dat")]
    [TestCase("net9", "icudt_EFIGS.tptq2av103.dat")]
    public void The_boot_json_of_NET_8_and_9_lists_what_the_runtime_loads_at_start(string version, string icu)
    {
        var path = Path.Combine(TestAssets.Folder, "blazor-boot", $"{version}.blazor.boot.json");
        using var config = System.Text.Json.JsonDocument.Parse(File.ReadAllText(path));
        var resources = config.RootElement.GetProperty("resources");
        var expected = new[] { "jsModuleNative", "jsModuleRuntime", "wasmNative", "coreAssembly", "assembly" }
            .SelectMany(c => resources.TryGetProperty(c, out var list) ? list.EnumerateObject().Select(p => p.Name) : [])
            .Append(icu)
            .ToList();

        var read = BlazorBoot.Resources(File.ReadAllText(path));

        Assert.That(read.Where(r => !r.Lazy).Select(r => r.Name), Is.EquivalentTo(expected));
        Assert.That(read.Where(r => r.Lazy).Select(r => r.Name).ToList(), Has.Count.EqualTo(2).And.All.StartWith("icudt_").And.None.EqualTo(icu));
    }
}
