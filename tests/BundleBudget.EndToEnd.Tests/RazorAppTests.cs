using System.Text.Json;
using System.Text.RegularExpressions;

namespace BundleBudget.EndToEnd.Tests;

/// <summary>
/// The SDK's own Razor Pages and Blazor Web App templates with the package, built with dotnet build: the check reads
/// what ASP.NET Core serves (the static web assets manifest) and what the layout loads, and the test checks the report
/// against the framework's own endpoints manifest (its Content-Length of each encoding), never against BundleBudget.
/// </summary>
public class RazorAppTests
{
    /// <summary>The size ASP.NET Core sends a route in, by its endpoints manifest: the Content-Length of the endpoint selected for that encoding.</summary>
    private static Dictionary<string, long> ServedLengths(string endpointsManifest, string encoding)
    {
        using var manifest = JsonDocument.Parse(File.ReadAllText(endpointsManifest));
        var lengths = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var endpoint in manifest.RootElement.GetProperty("Endpoints").EnumerateArray())
        {
            var selected = endpoint.GetProperty("Selectors").EnumerateArray().Select(s => s.GetProperty("Value").GetString()).SingleOrDefault();
            if (selected == encoding)
            {
                var length = endpoint.GetProperty("ResponseHeaders").EnumerateArray().Single(h => h.GetProperty("Name").GetString() == "Content-Length").GetProperty("Value").GetString()!;
                lengths[endpoint.GetProperty("Route").GetString()!] = long.Parse(length, System.Globalization.CultureInfo.InvariantCulture);
            }
        }

        return lengths;
    }

    private static List<(string Path, long Gzip)> InitialOf(JsonElement page) =>
        page.GetProperty("initial").EnumerateArray().Select(f => (f.GetProperty("path").GetString()!, f.GetProperty("gzip").GetInt64())).ToList();

    [Test]
    public void A_Razor_Pages_app_checks_what_it_serves_with_its_library_and_what_its_layout_loads_at_build_and_publish()
    {
        using var folder = new TemporaryFolder();
        Assert.That(ProcessRunner.Dotnet(folder.Path, "new", "webapp", "-o", "app", "--no-restore").ExitCode, Is.Zero);
        Assert.That(ProcessRunner.Dotnet(folder.Path, "new", "razorclasslib", "-o", "Lib", "--no-restore").ExitCode, Is.Zero);
        PackageFeed.UseIn(folder);
        PackageFeed.AddTo(folder.Combine("app/app.csproj"), "\n    <ProjectReference Include=\"../Lib/Lib.csproj\" />");
        File.WriteAllText(folder.Combine("app/budget.json"), """{ "budgets": [ { "type": "script", "maximumError": "1MB" }, { "type": "initial", "maximumError": "300kB" } ], "imports": { "rules": "none" } }""");
        var restore = $"-p:RestorePackagesPath={folder.Combine("packages")}";

        var built = ProcessRunner.Dotnet(folder.Combine("app"), "build", "--disable-build-servers", "-v:n", restore);

        Assert.That(built.ExitCode, Is.Zero, built.ToString());
        Assert.That(built.Output, Does.Contain("BundleBudget: within budget"));
        using (var report = JsonDocument.Parse(File.ReadAllText(folder.Combine("app/obj/bundlebudget/bundle-budget.json"))))
        {
            var root = report.RootElement;
            Assert.That(root.GetProperty("servedBy").GetString(), Does.EndWith("staticwebassets.development.json"));
            var assets = root.GetProperty("assets").EnumerateArray().ToDictionary(a => a.GetProperty("path").GetString()!, a => a);
            Assert.That(assets.Keys, Does.Contain("_content/Lib/exampleJsInterop.js").And.Contain("app.styles.css"), "the library's files and the scoped-CSS bundle, served from outside wwwroot");

            // The layout is the entry page: what it names (read here with a regular expression), and the library's
            // scoped CSS that the app's bundle @imports, each at the size of the framework's gzip file.
            var layout = File.ReadAllText(folder.Combine("app/Pages/Shared/_Layout.cshtml"));
            var named = Regex.Matches(layout, "(?:href|src)=\"~/([^\"]+)\"").Select(m => m.Groups[1].Value).ToList();
            var page = root.GetProperty("pages").EnumerateArray().Single();
            Assert.That(page.GetProperty("path").GetString(), Is.EqualTo("Pages/Shared/_Layout.cshtml"));
            Assert.That(page.GetProperty("serverRendered").GetBoolean(), Is.True);
            var initial = InitialOf(page);
            Assert.That(initial.Select(f => f.Path).ToList(), Is.EquivalentTo(named.Append(initial.Single(f => f.Path.StartsWith("_content/Lib/Lib.", StringComparison.Ordinal) && f.Path.EndsWith(".bundle.scp.css", StringComparison.Ordinal)).Path)));
            var gzip = ServedLengths(folder.Combine("app/bin/Debug/net10.0/app.staticwebassets.endpoints.json"), "gzip");
            foreach (var (path, size) in initial)
            {
                Assert.That(size, Is.EqualTo(gzip[path]), path);
            }

            Assert.That(page.GetProperty("initialTotal").GetProperty("gzip").GetInt64(), Is.EqualTo(initial.Sum(f => gzip[f.Path])));
            Assert.That(page.GetProperty("gaps").GetArrayLength(), Is.Zero);

            // Of the scripts served, those the layout and the pages' partials name are loaded; the other variants in
            // lib/ are not (BB1012).
            var views = Directory.GetFiles(folder.Combine("app/Pages"), "*.cshtml", SearchOption.AllDirectories).Select(File.ReadAllText);
            var scriptsNamed = views.SelectMany(v => Regex.Matches(v, "src=\"~/([^\"]+\\.js)\"").Select(m => m.Groups[1].Value)).Distinct().ToList();
            var scripts = assets.Values.Where(a => a.GetProperty("type").GetString() == "script").ToDictionary(a => a.GetProperty("path").GetString()!, a => a.GetProperty("loaded").GetBoolean());
            Assert.That(scripts.Where(s => s.Value).Select(s => s.Key), Is.EquivalentTo(scriptsNamed));
            Assert.That(scriptsNamed, Has.Some.Contains("jquery.validate"), "the validation partial's");
            Assert.That(scripts, Does.ContainKey("lib/jquery/dist/jquery.js").WithValue(false));
            Assert.That(built.Output, Does.Contain("BB1012"));
        }

        // The README's suggested budget for Razor Pages, checked with the CLI in the project folder: it finds the build's
        // static web assets manifest as MSBuild passes it, agrees with the build's check, and the template passes.
        File.WriteAllText(folder.Combine("app/readme-budget.json"), ReadmeExamples.BudgetFor("Razor Pages, MVC"));
        var cliReport = folder.Combine("cli.json");
        var cli = ProcessRunner.Dotnet(folder.Combine("app"), Path.Combine(TestContext.CurrentContext.TestDirectory, "bundle-budget.dll"), "check", "--budget", "readme-budget.json", "--json", cliReport);
        Assert.That(cli.ExitCode, Is.Zero, cli.ToString());
        Assert.That(cli.StandardOutput, Does.Contain("info BB9035").And.Contain("BundleBudget: within budget"));
        Assert.That(cli.StandardOutput, Does.Not.Contain("BB1005").And.Not.Contain("warning BB2005").And.Not.Contain("BB1007"), "a .NET project without npm has no imports to analyse; nothing is missing");
        using (var fromCli = JsonDocument.Parse(File.ReadAllText(cliReport)))
        using (var fromBuild = JsonDocument.Parse(File.ReadAllText(folder.Combine("app/obj/bundlebudget/bundle-budget.json"))))
        {
            static long InitialGzip(JsonDocument report) => report.RootElement.GetProperty("pages").EnumerateArray().Single().GetProperty("initialTotal").GetProperty("gzip").GetInt64();
            Assert.That(InitialGzip(fromCli), Is.EqualTo(InitialGzip(fromBuild)), "the CLI and the build check the same served files");
        }

        // Unchanged, the check is skipped; a change in the library's wwwroot (outside the app's) runs it again.
        var unchanged = ProcessRunner.Dotnet(folder.Combine("app"), "build", "--disable-build-servers", "-v:n", restore);
        Assert.That(unchanged.Output, Does.Match("Skipping target \"CheckBundleBudget\""));
        File.AppendAllText(folder.Combine("Lib/wwwroot/exampleJsInterop.js"), "\nexport const grown = '" + new string('g', 2000) + "';\n");
        var changed = ProcessRunner.Dotnet(folder.Combine("app"), "build", "--disable-build-servers", "-v:n", restore);
        Assert.That(changed.ExitCode, Is.Zero, changed.ToString());
        Assert.That(changed.Output, Does.Not.Match("Skipping target \"CheckBundleBudget\""));
        using (var report = JsonDocument.Parse(File.ReadAllText(folder.Combine("app/obj/bundlebudget/bundle-budget.json"))))
        {
            var interop = report.RootElement.GetProperty("assets").EnumerateArray().Single(a => a.GetProperty("path").GetString() == "_content/Lib/exampleJsInterop.js");
            Assert.That(interop.GetProperty("raw").GetInt64(), Is.EqualTo(new FileInfo(folder.Combine("Lib/wwwroot/exampleJsInterop.js")).Length));
        }

        // An edit of the layout (a source file, not an output) runs it again, and the page loads what the edit adds.
        var layoutPath = folder.Combine("app/Pages/Shared/_Layout.cshtml");
        File.WriteAllText(layoutPath, File.ReadAllText(layoutPath).Replace("</body>", "<script src=\"~/lib/jquery/dist/jquery.js\"></script></body>", StringComparison.Ordinal));
        var edited = ProcessRunner.Dotnet(folder.Combine("app"), "build", "--disable-build-servers", "-v:n", restore);
        Assert.That(edited.ExitCode, Is.Zero, edited.ToString());
        Assert.That(edited.Output, Does.Not.Match("Skipping target \"CheckBundleBudget\""));
        using (var report = JsonDocument.Parse(File.ReadAllText(folder.Combine("app/obj/bundlebudget/bundle-budget.json"))))
        {
            Assert.That(InitialOf(report.RootElement.GetProperty("pages").EnumerateArray().Single()).Select(f => f.Path), Does.Contain("lib/jquery/dist/jquery.js"));
        }

        // Published, the same layout resolves in the publish folder, at the sizes of the publish's own compressed files.
        var published = folder.Combine("published");
        var publish = ProcessRunner.Dotnet(folder.Combine("app"), "publish", "-c", "Release", "-o", published, "--disable-build-servers", "-v:n", "-p:BundleBudgetOn=publish", restore);
        Assert.That(publish.ExitCode, Is.Zero, publish.ToString());
        using (var report = JsonDocument.Parse(File.ReadAllText(folder.Combine("app/obj/bundlebudget/publish/bundle-budget.json"))))
        {
            var page = report.RootElement.GetProperty("pages").EnumerateArray().Single();
            var gzip = ServedLengths(Path.Combine(published, "app.staticwebassets.endpoints.json"), "gzip");
            Assert.That(page.GetProperty("gaps").GetArrayLength(), Is.Zero);
            foreach (var (path, size) in InitialOf(page))
            {
                Assert.That(size, Is.EqualTo(gzip[path]), path);
            }
        }
    }

    [Test]
    public void A_Blazor_Web_App_s_App_razor_loads_blazor_web_js_from_the_framework_s_own_static_web_assets()
    {
        using var folder = new TemporaryFolder();
        Assert.That(ProcessRunner.Dotnet(folder.Path, "new", "blazor", "--interactivity", "WebAssembly", "-o", "web", "--no-restore").ExitCode, Is.Zero);
        PackageFeed.UseIn(folder);
        PackageFeed.AddTo(folder.Combine("web/web/web.csproj"));
        File.WriteAllText(folder.Combine("web/web/budget.json"), """{ "budgets": [ { "type": "initial", "maximumError": "300kB" } ], "imports": { "rules": "none" } }""");

        var built = ProcessRunner.Dotnet(folder.Combine("web/web"), "build", "--disable-build-servers", "-v:n", $"-p:RestorePackagesPath={folder.Combine("packages")}");

        Assert.That(built.ExitCode, Is.Zero, built.ToString());
        Assert.That(built.Output, Does.Not.Contain("BB1005"));
        using var report = JsonDocument.Parse(File.ReadAllText(folder.Combine("web/web/obj/bundlebudget/bundle-budget.json")));
        var page = report.RootElement.GetProperty("pages").EnumerateArray().Single();
        Assert.That(page.GetProperty("path").GetString(), Is.EqualTo("Components/App.razor"));
        var initial = InitialOf(page);
        Assert.That(initial.Select(f => f.Path), Is.EquivalentTo(new[] { "lib/bootstrap/dist/css/bootstrap.min.css", "app.css", "web.styles.css", "_framework/blazor.web.js" }), "the @Assets[...] the template's App.razor names");
        var gzip = ServedLengths(folder.Combine("web/web/bin/Debug/net10.0/web.staticwebassets.endpoints.json"), "gzip");
        foreach (var (path, size) in initial)
        {
            Assert.That(size, Is.EqualTo(gzip[path]), path);
        }
    }

    [Test]
    public void A_Blazor_Web_App_rendered_on_WebAssembly_as_a_whole_loads_the_runtime_with_every_page_when_published()
    {
        using var folder = new TemporaryFolder();
        Assert.That(ProcessRunner.Dotnet(folder.Path, "new", "blazor", "--interactivity", "WebAssembly", "--all-interactive", "-o", "all", "--no-restore").ExitCode, Is.Zero);
        PackageFeed.UseIn(folder);
        PackageFeed.AddTo(folder.Combine("all/all/all.csproj"));
        File.WriteAllText(folder.Combine("all/all/budget.json"), """{ "budgets": [ { "type": "initial", "compression": "brotli", "maximumError": "5MB" } ], "imports": { "rules": "none" } }""");
        var published = folder.Combine("published");

        var publish = ProcessRunner.Dotnet(folder.Combine("all/all"), "publish", "-c", "Release", "-o", published, "--disable-build-servers", "-v:n", "-p:BundleBudgetOn=publish", $"-p:RestorePackagesPath={folder.Combine("packages")}");

        Assert.That(publish.ExitCode, Is.Zero, publish.ToString());
        using var report = JsonDocument.Parse(File.ReadAllText(folder.Combine("all/all/obj/bundlebudget/publish/bundle-budget.json")));
        var page = report.RootElement.GetProperty("pages").EnumerateArray().Single();
        Assert.That(page.GetProperty("gaps").GetArrayLength(), Is.Zero);

        // The runtime's loader holds its boot configuration: what it lists to load at start is what the page loads
        // first, besides the App.razor's own files, at the sizes of the framework's .br files.
        var wwwroot = Path.Combine(published, "wwwroot");
        var eager = BootConfiguration.EagerFiles(Path.Combine(wwwroot, "_framework", "dotnet.js"));
        var initial = page.GetProperty("initial").EnumerateArray().Select(f => f.GetProperty("path").GetString()!).ToList();
        Assert.That(initial, Is.SupersetOf(eager).And.Contains("_framework/blazor.web.js").And.Contains("_framework/dotnet.js"));
        Assert.That(page.GetProperty("initialTotal").GetProperty("brotli").GetInt64(), Is.EqualTo(initial.Sum(p => new FileInfo(Path.Combine(wwwroot, p + ".br")).Length)));
    }
}
