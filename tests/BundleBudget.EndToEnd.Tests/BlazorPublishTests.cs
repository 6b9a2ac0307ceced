using System.Text.Json;

namespace BundleBudget.EndToEnd.Tests;

/// <summary>The SDK's own Blazor WebAssembly template with the package: it is trimmed and compressed only when published, so that is what it checks.</summary>
public class BlazorPublishTests
{
    [Test]
    public void A_Blazor_WebAssembly_app_checks_its_published_output_by_default_and_not_the_source_wwwroot()
    {
        using var folder = new TemporaryFolder();
        var created = ProcessRunner.Dotnet(folder.Path, "new", "blazorwasm", "-o", "app", "--no-restore");
        Assert.That(created.ExitCode, Is.Zero, created.ToString());
        PackageFeed.UseIn(folder);
        PackageFeed.AddTo(folder.Combine("app/app.csproj"));
        File.WriteAllText(folder.Combine("app/budget.json"), """{ "budgets": [ { "type": "total", "maximumError": "50MB" }, { "type": "wasm", "scope": "each", "compression": "brotli", "maximumError": "2MB" }, { "type": "initial", "compression": "brotli", "maximumError": "5MB" } ], "imports": { "rules": "none" } }""");

        // A build does not check (the source wwwroot has no runtime), and says so at the default verbosity.
        var built = ProcessRunner.Dotnet(folder.Combine("app"), "build", "--disable-build-servers", $"-p:RestorePackagesPath={folder.Combine("packages")}");
        Assert.That(built.ExitCode, Is.Zero, built.ToString());
        Assert.That(built.Output, Does.Contain("BundleBudget: app is checked when published (dotnet publish), not by this build: BundleBudgetOn=publish, the default for Blazor WebAssembly"));

        var published = folder.Combine("published");
        var result = ProcessRunner.Dotnet(folder.Combine("app"), "publish", "-c", "Release", "-o", published, "--disable-build-servers", "-v:n", $"-p:RestorePackagesPath={folder.Combine("packages")}");

        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        Assert.That(File.Exists(folder.Combine("app/obj/bundlebudget/bundle-budget.json")), Is.False, "the build's check does not run: the source wwwroot is not what ships");
        using var report = JsonDocument.Parse(File.ReadAllText(folder.Combine("app/obj/bundlebudget/publish/bundle-budget.json")));
        Assert.That(report.RootElement.GetProperty("outputPath").GetString(), Is.EqualTo(Path.Combine(published, "wwwroot")));
        var assets = report.RootElement.GetProperty("assets").EnumerateArray().Select(a => a.GetProperty("path").GetString()!).ToList();
        Assert.That(assets, Has.Some.Match(@"^_framework/dotnet\.[a-z0-9]+\.js$"));
        Assert.That(assets, Has.Some.Match(@"^_framework/System\.Private\.CoreLib\.[a-z0-9]+\.wasm$"));
        Assert.That(result.Output, Does.Contain("BundleBudget: within budget"));

        // The runtime's files are their own type, budgeted one by one at the size of the framework's .br files.
        var wasm = report.RootElement.GetProperty("budgets").EnumerateArray().Single(b => b.GetProperty("type").GetString() == "wasm");
        var runtimeFiles = Directory.GetFiles(Path.Combine(published, "wwwroot", "_framework")).Where(f => f.EndsWith(".wasm", StringComparison.Ordinal) || (Path.GetFileName(f).StartsWith("icudt", StringComparison.Ordinal) && f.EndsWith(".dat", StringComparison.Ordinal))).ToList();
        Assert.That(wasm.GetProperty("matchedFiles").GetInt32(), Is.EqualTo(runtimeFiles.Count));
        Assert.That(wasm.GetProperty("actual").GetInt64(), Is.EqualTo(runtimeFiles.Max(f => new FileInfo(f + ".br").Length)), "the largest, as the framework compressed it");
        Assert.That(result.Output, Does.Not.Contain("BB1005"), "every file the page and the runtime load is found (the import map's ./dotnet.js, Emscripten's new URL(\"./\"))");

        // What index.html loads first is what the runtime downloads: the boot configuration's native runtime and
        // assemblies and the one ICU file it picks, at the sizes of the framework's own .gz files (what is served).
        var page = report.RootElement.GetProperty("pages").EnumerateArray().Single(p => p.GetProperty("path").GetString() == "index.html");
        var boot = page.GetProperty("initial").EnumerateArray().Where(f => f.GetProperty("reason").GetString() == "blazor-boot").ToList();
        var booted = boot.Select(f => f.GetProperty("path").GetString()!).ToList();
        Assert.That(booted, Has.Some.Match(@"^_framework/System\.Private\.CoreLib\.[a-z0-9]{10}\.wasm$").And.Some.Match(@"^_framework/app\.[a-z0-9]{10}\.wasm$").And.Some.Match(@"^_framework/dotnet\.native\.[a-z0-9]{10}\.wasm$"));
        Assert.That(booted.Where(p => p.Contains("icudt", StringComparison.Ordinal)).ToList(), Has.Count.EqualTo(1).And.All.Contains("icudt_EFIGS"));
        foreach (var file in boot)
        {
            var gzip = new FileInfo(Path.Combine(published, "wwwroot", file.GetProperty("path").GetString()! + ".gz")).Length;
            Assert.That(file.GetProperty("gzip").GetInt64(), Is.EqualTo(gzip), file.GetProperty("path").GetString());
        }

        // The whole initial load, byte for byte: the boot configuration's eager set (read here from the loader's inline
        // JSON) and the page's own files, each at the size of the framework's .br and .gz files.
        var loader = Directory.GetFiles(Path.Combine(published, "wwwroot", "_framework"), "dotnet.*.js").Single(f => System.Text.RegularExpressions.Regex.IsMatch(Path.GetFileName(f), @"^dotnet\.[a-z0-9]{10}\.js$"));
        var eager = BootConfiguration.EagerFiles(loader);
        Assert.That(booted, Is.SupersetOf(eager));
        Assert.That(booted.Except(eager), Has.All.Contains("icudt_EFIGS").Or.Contains("_content/"), "besides the eager set, only the ICU shard and library initializers");

        foreach (var encoding in new[] { ("brotli", ".br"), ("gzip", ".gz") })
        {
            var expected = page.GetProperty("initial").EnumerateArray().Sum(f => new FileInfo(Path.Combine(published, "wwwroot", f.GetProperty("path").GetString()! + encoding.Item2)).Length);
            Assert.That(page.GetProperty("initialTotal").GetProperty(encoding.Item1).GetInt64(), Is.EqualTo(expected), encoding.Item1);
        }

        Assert.That(page.GetProperty("initialTotal").GetProperty("gzip").GetInt64(), Is.GreaterThan(2_000_000), "the runtime, not just the HTML and CSS");

        // What drives the size is named with the project's own settings: the template leaves globalization on, so the
        // English ICU shard loads, at the size of the framework's .br file.
        var drivers = report.RootElement.GetProperty("dotnetRuntime").EnumerateArray().ToDictionary(d => d.GetProperty("setting").GetString()!);
        var icu = booted.Single(p => p.Contains("icudt", StringComparison.Ordinal));
        Assert.That(drivers["InvariantGlobalization"].GetProperty("bytes").GetInt64(), Is.EqualTo(new FileInfo(Path.Combine(published, "wwwroot", icu + ".br")).Length));
        Assert.That(drivers["PublishTrimmed"].GetProperty("effect").GetString(), Does.Contain("trimmed"));
        // The README's suggested budget for Blazor WebAssembly passes on the template as published.
        File.WriteAllText(folder.Combine("app/readme-budget.json"), ReadmeExamples.BudgetFor("Blazor WebAssembly"));
        var cli = ProcessRunner.Dotnet(folder.Combine("app"), Path.Combine(TestContext.CurrentContext.TestDirectory, "bundle-budget.dll"), "check", "--budget", "readme-budget.json", "--dir", Path.Combine(published, "wwwroot"));
        Assert.That(cli.ExitCode, Is.Zero, cli.ToString());
        Assert.That(cli.StandardOutput, Does.Contain("BundleBudget: within budget").And.Not.Contain("BB1001").And.Not.Contain("BB1002"));

        // A one-line change (one that makes the app's assembly larger), published again: compare pairs ASP.NET's fingerprinted files (name.{fingerprint}.ext) as
        // the same files, changed, never as one removed and one added.
        var baseReport = folder.Combine("base.json");
        File.Copy(folder.Combine("app/obj/bundlebudget/publish/bundle-budget.json"), baseReport);
        var counter = folder.Combine("app/Pages/Counter.razor");
        File.WriteAllText(counter, File.ReadAllText(counter).Replace("currentCount++;", "currentCount++; System.Console.WriteLine(\"counted \" + currentCount + \" times on the counter page of the template\");", StringComparison.Ordinal));
        var again = ProcessRunner.Dotnet(folder.Combine("app"), "publish", "-c", "Release", "-o", folder.Combine("published2"), "--disable-build-servers", $"-p:RestorePackagesPath={folder.Combine("packages")}");
        Assert.That(again.ExitCode, Is.Zero, again.ToString());
        Assert.That(again.Output, Does.Contain("BB1013: .NET runtime: PublishTrimmed=true"), "what drives the download is shown at the default verbosity");
        var comparison = folder.Combine("comparison.json");
        var compare = ProcessRunner.Dotnet(folder.Path, Path.Combine(TestContext.CurrentContext.TestDirectory, "bundle-budget.dll"), "compare", baseReport, folder.Combine("app/obj/bundlebudget/publish/bundle-budget.json"), "--json", comparison, "--threshold-bytes", "0", "--threshold-percent", "0");
        Assert.That(compare.ExitCode, Is.Zero, compare.ToString());
        using var changes = JsonDocument.Parse(File.ReadAllText(comparison));
        var files = changes.RootElement.GetProperty("assets").EnumerateArray().ToList();
        Assert.That(files.Where(f => f.GetProperty("basePath").ValueKind == JsonValueKind.Null || f.GetProperty("headPath").ValueKind == JsonValueKind.Null).Select(f => f.ToString()), Is.Empty, "nothing added or removed");
        Assert.That(files.Select(f => f.GetProperty("headPath").GetString()), Has.Some.Match(@"^_framework/app\.[a-z0-9]{10}\.wasm$"), "the app's assembly changed, under a new fingerprint");
        Assert.That(files.Single(f => f.GetProperty("headPath").GetString()!.StartsWith("_framework/app.", StringComparison.Ordinal)).GetProperty("basePath").GetString(), Does.Match(@"^_framework/app\.[a-z0-9]{10}\.wasm$"));
    }
}
