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
        "assembly": [ { "name": "app.po3mqkjsfl.wasm" }, { "name": "../../etc/passwd" }, { "name": "https://cdn.example/x.wasm" } ],
        "lazyAssembly": [ { "name": "Reports.1a2b3c4d5e.wasm" } ],
        "satelliteResources": { "fr": [ { "name": "fr/app.resources.9z8y7x6w5v.wasm" } ] },
        "pdb": [ { "name": "app.pdb" } ]
        """;

    [Test]
    public void The_runtime_and_assemblies_load_at_start_lazy_assemblies_and_satellites_later_and_one_ICU_file()
    {
        var resources = BlazorBoot.Resources(Loader(Sharded));

        Assert.That(resources.Where(r => !r.Lazy).Select(r => r.Name), Is.EqualTo(new[]
        {
            "dotnet.native.b6l13xorvf.js", "dotnet.native.rw4kynp763.wasm", "System.Private.CoreLib.hf5ynivft9.wasm", "app.po3mqkjsfl.wasm", "icudt_EFIGS.tptq2av103.dat",
        }), "the English ICU shard; no symbols; nothing outside the loader's folder");
        Assert.That(resources.Where(r => r.Lazy).Select(r => r.Name), Is.EqualTo(new[] { "Reports.1a2b3c4d5e.wasm", "fr/app.resources.9z8y7x6w5v.wasm" }));
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
    [TestCase("/*json-start*/{\"resources\":{\"assembly\":{\"a.wasm\":\"sha\"}}}/*json-end*/")]
    public void A_script_without_a_boot_configuration_it_can_read_lists_nothing(string code)
    {
        Assert.That(BlazorBoot.Resources(code), Is.Empty);
    }
}
