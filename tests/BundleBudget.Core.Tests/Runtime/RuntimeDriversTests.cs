using System.IO.Compression;
using System.Text.Json;
using BundleBudget.Core.Runtime;

namespace BundleBudget.Core.Tests.Runtime;

/// <summary>
/// What drives a .NET WebAssembly app's download, on a .NET 8 publish's layout: the real blazor.boot.json
/// (testassets/blazor-boot) with a stand-in file of known size, and its brotli copy, for each name it lists.
/// </summary>
public class RuntimeDriversTests
{
    private string _folder = null!;
    private readonly Dictionary<string, long> _brotli = new(StringComparer.Ordinal);

    [SetUp]
    public void Publish()
    {
        _folder = Path.Combine(Path.GetTempPath(), "bundlebudget-tests", "runtime-" + Guid.NewGuid().ToString("N")[..12]);
        var framework = Path.Combine(_folder, "wwwroot", "_framework");
        Directory.CreateDirectory(framework);
        var config = File.ReadAllText(Path.Combine(TestAssets.Folder, "blazor-boot", "net8.blazor.boot.json"));
        File.WriteAllText(Path.Combine(framework, "blazor.boot.json"), config);
        using (var output = File.Create(Path.Combine(framework, "blazor.boot.json.br")))
        using (var brotli = new BrotliStream(output, CompressionLevel.Fastest))
        {
            brotli.Write(System.Text.Encoding.UTF8.GetBytes(config));
        }

        using var json = JsonDocument.Parse(config);
        var listed = json.RootElement.GetProperty("resources").EnumerateObject().Where(p => p.Value.ValueKind == JsonValueKind.Object).SelectMany(p => p.Value.EnumerateObject().Select(f => f.Name));
        var random = new Random(42);
        foreach (var name in listed.Append("dotnet.js").Append("blazor.webassembly.js"))
        {
            var bytes = new byte[name.StartsWith("icudt", StringComparison.Ordinal) ? 30_000 : 3_000];
            random.NextBytes(bytes);
            var path = Path.Combine(framework, name);
            File.WriteAllBytes(path, bytes);
            using (var output = File.Create(path + ".br"))
            using (var brotli = new BrotliStream(output, CompressionLevel.Fastest))
            {
                brotli.Write(bytes);
            }

            _brotli["_framework/" + name] = new FileInfo(path + ".br").Length;
        }

        File.WriteAllText(Path.Combine(_folder, "wwwroot", "index.html"), "<!DOCTYPE html><html><head><base href=\"/\" /></head><body><script src=\"_framework/blazor.webassembly.js\"></script></body></html>");
        File.WriteAllText(Path.Combine(_folder, "budget.json"), """{ "budgets": [ { "type": "initial", "compression": "brotli", "maximumError": "50MB" } ], "imports": { "rules": "none" } }""");
    }

    [TearDown]
    public void Delete() => Directory.Delete(_folder, recursive: true);

    private CheckResult Check(Dictionary<string, string> properties) =>
        BudgetCheck.Run(new CheckOptions(Path.Combine(_folder, "budget.json"), DefaultOutputPath: Path.Combine(_folder, "wwwroot")) { ProjectProperties = properties });

    [Test]
    public void Culture_data_the_native_runtime_and_the_assemblies_are_named_with_their_setting_and_their_brotli_bytes()
    {
        var result = Check(new Dictionary<string, string> { ["InvariantGlobalization"] = "false", ["RunAOTCompilation"] = "true" });

        var drivers = result.Analyses.Of(RuntimeAnalysis.Instance).ToDictionary(d => d.Setting);
        Assert.That(drivers["InvariantGlobalization"].Value, Is.EqualTo("false"));
        Assert.That(drivers["InvariantGlobalization"].Bytes, Is.EqualTo(_brotli["_framework/icudt_EFIGS.dat"]), "the one shard an English browser loads");
        Assert.That(drivers["RunAOTCompilation"].Effect, Does.Contain("dotnet.native.wasm").And.Contain("AOT"));
        Assert.That(drivers["RunAOTCompilation"].Bytes, Is.EqualTo(_brotli["_framework/dotnet.native.wasm"]));
        var assemblies = _brotli.Where(f => f.Key.EndsWith(".wasm", StringComparison.Ordinal) && !f.Key.Contains("dotnet.native", StringComparison.Ordinal)).ToList();
        Assert.That(drivers["PublishTrimmed"].Bytes, Is.EqualTo(assemblies.Sum(f => f.Value)));
        Assert.That(drivers["PublishTrimmed"].Value, Is.Null);
        Assert.That(drivers["PublishTrimmed"].Effect, Does.Not.Contain("trimmed"), "not told, not guessed");
        Assert.That(drivers, Does.Not.ContainKey("CompressionEnabled"), "every runtime file has its .br");
        Assert.That(result.Diagnostics.Count(d => d.Code == RuntimeDiagnostics.SizeDriver), Is.EqualTo(drivers.Count));
    }

    [Test]
    public void Runtime_files_without_precompressed_copies_are_named()
    {
        foreach (var br in Directory.GetFiles(Path.Combine(_folder, "wwwroot", "_framework"), "*.br"))
        {
            File.Delete(br);
        }

        var drivers = Check([]).Analyses.Of(RuntimeAnalysis.Instance);

        Assert.That(drivers.Single(d => d.Setting == "CompressionEnabled").Effect, Does.Contain("no precompressed"));
    }

    [Test]
    public void An_app_without_the_NET_runtime_has_no_drivers()
    {
        File.WriteAllText(Path.Combine(_folder, "wwwroot", "index.html"), "<!DOCTYPE html><html><body><p>static</p></body></html>");
        Assert.That(Check([]).Analyses.Of(RuntimeAnalysis.Instance), Is.Empty);
    }
}
