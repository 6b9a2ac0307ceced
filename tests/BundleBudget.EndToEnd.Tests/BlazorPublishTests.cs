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
        File.WriteAllText(folder.Combine("nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="local" value="{PackageFeed.Path}" />
                <add key="nuget.org" value="https://api.nuget.org/v3/index.json" />
              </packageSources>
            </configuration>
            """);
        File.WriteAllText(folder.Combine("Directory.Build.props"), "<Project />");
        var project = folder.Combine("app/app.csproj");
        File.WriteAllText(project, File.ReadAllText(project).Replace("</Project>", $"""
              <ItemGroup>
                <PackageReference Include="BundleBudget" Version="{PackageFeed.Version}" />
              </ItemGroup>
            </Project>
            """, StringComparison.Ordinal));
        File.WriteAllText(folder.Combine("app/budget.json"), """{ "budgets": [ { "type": "total", "maximumError": "50MB" } ], "imports": { "rules": "none" } }""");

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
    }
}
