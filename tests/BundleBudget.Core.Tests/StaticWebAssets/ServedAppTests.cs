using System.IO.Compression;
using System.Text.Json;
using BundleBudget.Core.Diagnostics;
using BundleBudget.Core.Evaluation;
using BundleBudget.Core.StaticWebAssets;

namespace BundleBudget.Core.Tests.StaticWebAssets;

/// <summary>
/// A Razor Pages app laid out as the .NET SDK lays one out at build: its wwwroot, a Razor class library's wwwroot, the
/// framework's gzip copies in obj/compressed (named as the SDK names them), the scoped-CSS bundle in obj/scopedcss, and
/// the runtime manifest that maps URL paths to them, in the SDK's shape (the end-to-end tests check the real one).
/// </summary>
public class ServedAppTests
{
    private string _project = null!;

    [SetUp]
    public void CreateProject()
    {
        _project = Path.Combine(Path.GetTempPath(), "bundlebudget-tests", "served-" + Guid.NewGuid().ToString("N")[..12], "App");
        Write("wwwroot/css/site.css", "body { margin: 0 }\n" + string.Concat(Enumerable.Repeat(".row { display: flex; }\n", 40)));
        Write("wwwroot/js/site.js", "console.log('site');\n" + string.Concat(Enumerable.Repeat("document.title += '';\n", 40)));
        Write("wwwroot/lib/bootstrap/LICENSE", "MIT");
        Write("wwwroot/lib/bootstrap/dist/js/bootstrap.js", "/* full */ " + new string('x', 3000));
        Write("wwwroot/lib/bootstrap/dist/js/bootstrap.min.js", "/* min */ " + new string('y', 1000));
        Write("obj/scopedcss/bundle/App.styles.css", "@import '_content/Lib/Lib.bundle.scp.css';\n.page[b-1] { color: red }\n");
        Write("../Lib/wwwroot/exampleJsInterop.js", "export function showPrompt(m) { return prompt(m, 'Type anything here'); }\n");
        Write("../Lib/obj/scopedcss/projectbundle/Lib.bundle.scp.css", ".my-component[b-2] { border: 2px dashed red }\n");
        Gzip("wwwroot/js/site.js", "obj/compressed/gd9znr7z8k-{0}-xtxxf3hu2r-xtxxf3hu2r.gz");
        Write("Pages/Shared/_Layout.cshtml", """
            @using App
            <!DOCTYPE html>
            <html><head>
                <title>@ViewData["Title"] - App</title>
                <link rel="stylesheet" href="~/css/site.css" asp-append-version="true" />
                <link rel="stylesheet" href="~/App.styles.css" asp-append-version="true" />
                @* <script src="~/js/commented-out.js"></script> *@
            </head><body>
                @RenderBody()
                <script src="~/lib/bootstrap/dist/js/bootstrap.min.js"></script>
                <script src="~/js/site.js" asp-append-version="true"></script>
                @await RenderSectionAsync("Scripts", required: false)
            </body></html>
            """);
        WriteManifest();
        Write("budget.json", """{ "budgets": [ { "type": "script", "maximumError": "100kB" }, { "type": "initial", "maximumError": "100kB" } ], "imports": { "rules": "none" } }""");
    }

    [TearDown]
    public void DeleteProject() => Directory.Delete(Path.GetDirectoryName(_project)!, recursive: true);

    private string Full(string relative) => Path.GetFullPath(Path.Combine(_project, relative));

    private void Write(string relative, string text)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Full(relative))!);
        File.WriteAllText(Full(relative), text);
    }

    private void Gzip(string from, string to)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Full(to))!);
        using var output = File.Create(Full(to));
        using var gzip = new GZipStream(output, CompressionLevel.Fastest);
        gzip.Write(File.ReadAllBytes(Full(from)));
    }

    /// <summary>The manifest the SDK writes: explicit files by their content root, and a pattern serving the library's wwwroot at _content/Lib.</summary>
    private void WriteManifest(string? extraChild = null, string? extraSubPath = null)
    {
        var roots = new[] { Full("wwwroot") + "/", Full("obj/compressed") + "/", Full("obj/scopedcss/bundle") + "/", Full("../Lib/wwwroot") + "/", Full("../Lib/obj/scopedcss/projectbundle") + "/" };
        static object File(int root, string subPath) => new { Children = (object?)null, Asset = new { ContentRootIndex = root, SubPath = subPath }, Patterns = (object?)null };
        static object Folder(object children) => new { Children = children, Asset = (object?)null, Patterns = (object?)null };
        var children = new Dictionary<string, object>
        {
            ["App.styles.css"] = File(2, "App.styles.css"),
            ["css"] = Folder(new Dictionary<string, object> { ["site.css"] = File(0, "css/site.css") }),
            ["js"] = Folder(new Dictionary<string, object> { ["site.js"] = File(0, "js/site.js"), ["site.js.gz"] = File(1, "gd9znr7z8k-{0}-xtxxf3hu2r-xtxxf3hu2r.gz") }),
            ["lib"] = Folder(new Dictionary<string, object>
            {
                ["bootstrap"] = Folder(new Dictionary<string, object>
                {
                    ["LICENSE"] = File(0, "lib/bootstrap/LICENSE"),
                    ["dist"] = Folder(new Dictionary<string, object> { ["js"] = Folder(new Dictionary<string, object> { ["bootstrap.js"] = File(0, "lib/bootstrap/dist/js/bootstrap.js"), ["bootstrap.min.js"] = File(0, "lib/bootstrap/dist/js/bootstrap.min.js") }) }),
                }),
            }),
            ["_content"] = Folder(new Dictionary<string, object>
            {
                ["Lib"] = new
                {
                    Children = new Dictionary<string, object> { ["Lib.bundle.scp.css"] = File(4, "Lib.bundle.scp.css") },
                    Asset = (object?)null,
                    Patterns = new[] { new { ContentRootIndex = 3, Pattern = "**", Depth = 2 } },
                },
            }),
        };
        if (extraChild is not null)
        {
            children[extraChild] = File(0, extraSubPath ?? extraChild);
        }

        var manifest = new { ContentRoots = roots, Root = new { Children = children, Asset = (object?)null, Patterns = new[] { new { ContentRootIndex = 0, Pattern = "**", Depth = 0 } } } };
        Write("bin/App.staticwebassets.runtime.json", JsonSerializer.Serialize(manifest));
    }

    private CheckResult Check(string? manifest = "bin/App.staticwebassets.runtime.json") =>
        BudgetCheck.Run(new CheckOptions(Full("budget.json"), DefaultOutputPath: Full("wwwroot")) { StaticWebAssetsManifest = manifest is null ? null : Full(manifest) });

    [Test]
    public void The_manifest_maps_each_URL_path_to_its_file_in_every_content_root()
    {
        var manifest = RuntimeManifest.Read(Full("bin/App.staticwebassets.runtime.json"));

        var routes = manifest.Files.ToDictionary(f => f.Route, f => f.FullPath);
        Assert.That(routes["App.styles.css"], Is.EqualTo(Full("obj/scopedcss/bundle/App.styles.css")));
        Assert.That(routes["js/site.js.gz"], Is.EqualTo(Full("obj/compressed/gd9znr7z8k-{0}-xtxxf3hu2r-xtxxf3hu2r.gz")));
        Assert.That(routes["_content/Lib/exampleJsInterop.js"], Is.EqualTo(Full("../Lib/wwwroot/exampleJsInterop.js")), "served by the pattern under _content/Lib");
        Assert.That(routes["_content/Lib/Lib.bundle.scp.css"], Is.EqualTo(Full("../Lib/obj/scopedcss/projectbundle/Lib.bundle.scp.css")));
        Assert.That(manifest.Serves(Full("wwwroot")), Is.True);
        Assert.That(manifest.Serves(Full("wwwroot") + "/"), Is.True);
        Assert.That(manifest.Serves(Full("ClientApp/dist")), Is.False);
    }

    [Test]
    public void A_build_checks_what_the_app_serves_from_every_folder_with_the_frameworks_gzip_sizes()
    {
        var result = Check();

        Assert.That(result.ServedBy, Is.EqualTo(Full("bin/App.staticwebassets.runtime.json")));
        var paths = result.Assets.Where(a => a.IsCounted).Select(a => a.Path).ToList();
        Assert.That(paths, Is.SupersetOf(new[] { "App.styles.css", "_content/Lib/exampleJsInterop.js", "_content/Lib/Lib.bundle.scp.css", "js/site.js" }));
        Assert.That(result.Sizes["js/site.js"].Gzip, Is.EqualTo(new FileInfo(Full("obj/compressed/gd9znr7z8k-{0}-xtxxf3hu2r-xtxxf3hu2r.gz")).Length), "the size the framework's .gz gives, not a recompression");
        Assert.That(result.Budgets.Single(b => !b.Budget.IsInitial).Status, Is.EqualTo(BudgetStatus.Pass));
    }

    [Test]
    public void Without_the_manifest_the_folder_alone_is_checked()
    {
        var result = Check(manifest: null);

        Assert.That(result.ServedBy, Is.Null);
        Assert.That(result.Assets.Select(a => a.Path), Has.None.StartsWith("_content/").And.No.EqualTo("App.styles.css"));
    }

    [Test]
    public void The_layout_is_the_entry_page_and_its_initial_load_follows_the_scoped_CSS_into_the_library()
    {
        var result = Check();

        var page = result.Pages.Pages.Single();
        Assert.That(page.Path, Is.EqualTo("Pages/Shared/_Layout.cshtml"));
        Assert.That(page.ServerRendered, Is.True);
        Assert.That(page.Initial.Select(f => f.Path), Is.EqualTo(new[] { "css/site.css", "App.styles.css", "lib/bootstrap/dist/js/bootstrap.min.js", "js/site.js", "_content/Lib/Lib.bundle.scp.css" }), "no commented-out script; the document itself is rendered per request");
        Assert.That(page.Gaps, Is.Empty);
        var initial = result.Budgets.Single(b => b.Budget.IsInitial);
        var expected = page.Initial.Sum(f => result.Sizes[f.Path].Gzip!.Value);
        Assert.That(initial.Actual, Is.EqualTo(expected));
        Assert.That(initial.Status, Is.EqualTo(BudgetStatus.Pass));
    }

    [Test]
    public void A_file_the_manifest_serves_that_is_gone_is_named_and_its_budgets_cannot_pass()
    {
        WriteManifest(extraChild: "gone.js");

        var result = Check();

        Assert.That(result.Diagnostics.Any(d => d.Code == DiagnosticCodes.UnreadableAsset && d.Message.Contains("gone.js")), Is.True);
        Assert.That(result.Budgets.Single(b => !b.Budget.IsInitial).Status, Is.EqualTo(BudgetStatus.Incomplete));
    }

    [TestCase("{ not json")]
    [TestCase("""{ "Version": 1 }""")]
    [TestCase("[]")]
    public void A_manifest_that_cannot_be_read_is_BB9033_and_no_budget_passes(string text)
    {
        Write("bin/App.staticwebassets.runtime.json", text);

        var result = Check();

        Assert.That(result.Diagnostics.Single(d => d.Code == DiagnosticCodes.StaticWebAssetsUnreadable).File, Is.EqualTo(Full("bin/App.staticwebassets.runtime.json")));
        Assert.That(result.Budgets.Select(b => b.Status), Is.All.EqualTo(BudgetStatus.Incomplete));
    }

    [Test]
    public void A_missing_manifest_is_BB9033()
    {
        var result = Check("bin/none.json");
        Assert.That(result.Diagnostics.Single(d => d.Code == DiagnosticCodes.StaticWebAssetsUnreadable).Message, Does.Contain("does not exist"));
    }

    [Test]
    public void Files_no_page_loads_are_one_BB1012_finding_and_a_loaded_budget_leaves_them_out()
    {
        Write("budget.json", """{ "budgets": [ { "type": "script", "maximumError": "100kB" }, { "type": "script", "loaded": true, "maximumError": "100kB" } ], "imports": { "rules": "none" } }""");

        var result = Check();

        var finding = result.Diagnostics.Single(d => d.Code == DiagnosticCodes.NeverLoaded);
        Assert.That(finding.Severity, Is.EqualTo(Severity.Info));
        Assert.That(finding.Message, Does.Contain("lib/bootstrap/dist/js/bootstrap.js").And.Contain("_content/Lib/exampleJsInterop.js"));
        var all = result.Budgets[0];
        var loaded = result.Budgets[1];
        Assert.That(all.MatchedFiles, Is.EqualTo(4));
        Assert.That(loaded.MatchedFiles, Is.EqualTo(2), "bootstrap.min.js and site.js, which the layout loads");
        Assert.That(loaded.Actual, Is.EqualTo(result.Sizes["lib/bootstrap/dist/js/bootstrap.min.js"].Gzip + result.Sizes["js/site.js"].Gzip));
        Assert.That(loaded.Status, Is.EqualTo(BudgetStatus.Pass));
        var flags = Core.Reports.ReportParts.Assets(result).Where(a => a.Counted).ToDictionary(a => a.Path, a => a.Loaded);
        Assert.That(flags["lib/bootstrap/dist/js/bootstrap.js"], Is.False);
        Assert.That(flags["js/site.js"], Is.True);
    }

    [Test]
    public void A_loaded_budget_without_a_page_or_with_a_page_whose_loads_are_unknown_cannot_pass()
    {
        Write("budget.json", """{ "entries": ["Pages/Shared/_Layout.cshtml"], "budgets": [ { "type": "script", "loaded": true, "maximumError": "100kB" } ], "imports": { "rules": "none" } }""");
        Write("Pages/Shared/_Layout.cshtml", """<script src="~/js/site.js"></script><script src="@Model.Script"></script>""");

        var unknown = Check();

        Assert.That(unknown.Diagnostics.Any(d => d.Code == DiagnosticCodes.RazorUrlNotResolved), Is.True);
        Assert.That(unknown.Budgets.Single().Status, Is.EqualTo(BudgetStatus.Incomplete), "the computed URL may be any script");

        File.Delete(Full("Pages/Shared/_Layout.cshtml"));
        Write("budget.json", """{ "budgets": [ { "type": "script", "loaded": true, "maximumError": "100kB" } ], "imports": { "rules": "none" } }""");
        Assert.That(Check().Budgets.Single().Status, Is.EqualTo(BudgetStatus.Incomplete), "no entry page to say what is loaded");
    }

    [Test]
    public void A_layout_over_its_initial_budget_is_an_error_at_the_layout()
    {
        Write("budget.json", """{ "budgets": [ { "type": "initial", "maximumError": "100B" } ], "imports": { "rules": "none" } }""");

        var result = Check();

        var exceeded = result.Diagnostics.Single(d => d.Code == DiagnosticCodes.BudgetErrorExceeded);
        Assert.That(exceeded.File, Is.EqualTo(Full("Pages/Shared/_Layout.cshtml")));
        Assert.That(result.Diagnostics.Where(d => d.Code == DiagnosticCodes.InternalError), Is.Empty);
    }

    [Test]
    public void What_the_pages_and_partials_inside_the_layout_name_is_loaded()
    {
        Write("Pages/Shared/_ValidationScriptsPartial.cshtml", """<script src="~/lib/bootstrap/dist/js/bootstrap.js"></script>""");
        Write("budget.json", """{ "budgets": [ { "type": "script", "loaded": true, "maximumError": "100kB" } ], "imports": { "rules": "none" } }""");

        var result = Check();

        Assert.That(result.Budgets.Single().MatchedFiles, Is.EqualTo(3), "the partial's script too");
        Assert.That(result.Pages.Pages.Single().Initial.Select(f => f.Path), Has.None.EqualTo("lib/bootstrap/dist/js/bootstrap.js"), "loaded on some pages, not at the start of every one");
        Assert.That(result.Pages.Views.Select(v => v.Path), Is.EqualTo(new[] { "Pages/Shared/_ValidationScriptsPartial.cshtml" }));
    }

    [Test]
    public void A_pattern_folder_with_a_link_back_to_itself_is_listed_once_and_named()
    {
        Directory.CreateSymbolicLink(Full("../Lib/wwwroot/up"), "..");

        var result = Check();

        Assert.That(result.Assets.Count(a => a.Path.EndsWith("exampleJsInterop.js", StringComparison.Ordinal)), Is.EqualTo(1));
        Assert.That(result.Diagnostics.Any(d => d.Code == DiagnosticCodes.SymbolicLinkLoop), Is.True);
    }

    [TestCase("/etc/hostname")]
    [TestCase("../../../../../../etc/hostname")]
    public void A_file_the_manifest_names_outside_its_content_root_is_not_measured_and_its_budgets_cannot_pass(string subPath)
    {
        WriteManifest(extraChild: "evil.js", extraSubPath: subPath);

        var result = Check();

        Assert.That(result.Assets.Select(a => a.Path), Has.None.EqualTo("evil.js"));
        Assert.That(result.Diagnostics.Any(d => d.Code == DiagnosticCodes.UnreadableAsset && d.Message.Contains("evil.js")), Is.True);
        Assert.That(result.Budgets.Single(b => !b.Budget.IsInitial).Status, Is.EqualTo(BudgetStatus.Incomplete));
    }

    [Test]
    public void The_wwwroot_named_through_a_link_is_still_the_folder_the_manifest_serves()
    {
        var link = Full("../wwwroot-link");
        Directory.CreateSymbolicLink(link, Full("wwwroot"));

        var result = BudgetCheck.Run(new CheckOptions(Full("budget.json"), DefaultOutputPath: link) { StaticWebAssetsManifest = Full("bin/App.staticwebassets.runtime.json") });

        Assert.That(result.ServedBy, Is.Not.Null);
    }

    [Test]
    public void A_manifest_named_on_the_command_line_that_does_not_serve_the_folder_is_a_warning()
    {
        Directory.CreateDirectory(Full("other"));
        Write("other/a.js", "x");

        var result = BudgetCheck.Run(new CheckOptions(Full("budget.json"), DefaultOutputPath: Full("other")) { StaticWebAssetsManifest = Full("bin/App.staticwebassets.runtime.json"), StaticWebAssetsNamed = true });

        Assert.That(result.ServedBy, Is.Null);
        Assert.That(result.Diagnostics.Single(d => d.Code == DiagnosticCodes.StaticWebAssetsUnreadable).Message, Does.Contain("does not serve"));
    }

    [Test]
    public void What_a_lazy_frame_loads_is_not_followed_so_a_loaded_budget_cannot_pass()
    {
        Write("budget.json", """{ "entries": ["index.html"], "budgets": [ { "type": "script", "loaded": true, "maximumError": "100kB" } ], "imports": { "rules": "none" } }""");
        Write("wwwroot/index.html", """<!DOCTYPE html><html><body><iframe loading="lazy" src="frame.html"></iframe><script src="js/site.js"></script></body></html>""");
        Write("wwwroot/frame.html", """<!DOCTYPE html><html><body><script src="lib/bootstrap/dist/js/bootstrap.js"></script></body></html>""");

        var result = Check(manifest: null);

        Assert.That(result.Budgets.Single().Status, Is.EqualTo(BudgetStatus.Incomplete));
    }

    [Test]
    public void Budget_json_may_name_the_manifest_for_the_command_line()
    {
        Write("budget.json", """{ "staticWebAssets": "bin/App.staticwebassets.runtime.json", "budgets": [ { "type": "script", "maximumError": "100kB" } ], "imports": { "rules": "none" } }""");

        var fromCli = BudgetCheck.Run(new CheckOptions(Full("budget.json"), DefaultOutputPath: Full("wwwroot")) { UseBudgetStaticWebAssets = true });
        var fromMSBuild = Check(manifest: null);

        Assert.That(fromMSBuild.ServedBy, Is.Null, "MSBuild passes the project's own manifest (none at publish): the key is the command line's");
        var result = fromCli;
        Assert.That(result.ServedBy, Is.EqualTo(Full("bin/App.staticwebassets.runtime.json")));
        Assert.That(result.Assets.Select(a => a.Path), Does.Contain("_content/Lib/exampleJsInterop.js"));
    }

    [Test]
    public void The_command_line_finds_the_last_builds_manifest_of_the_project_whose_wwwroot_it_checks()
    {
        Write("App.csproj", "<Project Sdk=\"Microsoft.NET.Sdk.Web\" />");
        Write("bin/Release/net10.0/App.staticwebassets.runtime.json", File.ReadAllText(Full("bin/App.staticwebassets.runtime.json")));
        Write("bin/Debug/net10.0/App.staticwebassets.runtime.json", File.ReadAllText(Full("bin/App.staticwebassets.runtime.json")));
        Write("bin/Debug/net10.0/Other.staticwebassets.runtime.json", "not this project's");
        File.SetLastWriteTimeUtc(Full("bin/Release/net10.0/App.staticwebassets.runtime.json"), DateTime.UtcNow.AddDays(-1));
        File.SetLastWriteTimeUtc(Full("bin/App.staticwebassets.runtime.json"), DateTime.UtcNow.AddDays(-2));

        var result = BudgetCheck.Run(new CheckOptions(Full("budget.json"), DefaultOutputPath: Full("wwwroot")) { UseBudgetStaticWebAssets = true });

        Assert.That(result.ServedBy, Is.EqualTo(Full("bin/Debug/net10.0/App.staticwebassets.runtime.json")), "the newest build's");
        Assert.That(result.Assets.Select(a => a.Path), Does.Contain("App.styles.css").And.Contain("_content/Lib/exampleJsInterop.js"));
        var found = result.Diagnostics.Single(d => d.Code == DiagnosticCodes.StaticWebAssetsFound);
        Assert.That((found.Severity, found.File), Is.EqualTo((Severity.Info, Full("bin/Debug/net10.0/App.staticwebassets.runtime.json"))));
        Assert.That(found.Message, Does.Contain("bin/Debug/net10.0/App.staticwebassets.runtime.json").And.Contain("--static-web-assets"));
        Assert.That(result.Diagnostics.Where(d => d.Code == DiagnosticCodes.MissingPageFile), Is.Empty, "App.styles.css is served");
    }

    [Test]
    public void Before_a_build_the_scoped_CSS_bundle_is_missing_and_BB1005_says_to_build()
    {
        Write("App.csproj", "<Project Sdk=\"Microsoft.NET.Sdk.Web\" />");
        Directory.Delete(Full("bin"), recursive: true);

        var result = BudgetCheck.Run(new CheckOptions(Full("budget.json"), DefaultOutputPath: Full("wwwroot")) { UseBudgetStaticWebAssets = true });

        Assert.That(result.ServedBy, Is.Null);
        Assert.That(result.Diagnostics.Where(d => d.Code == DiagnosticCodes.StaticWebAssetsFound), Is.Empty);
        var missing = result.Diagnostics.Single(d => d.Code == DiagnosticCodes.MissingPageFile);
        Assert.That(missing.Message, Does.Contain("App.styles.css").And.Contain("Build the project").And.Contain("--static-web-assets"));
        Assert.That(result.Budgets.Single(b => b.Budget.IsInitial).Status, Is.Not.EqualTo(BudgetStatus.Pass));
    }

    [Test]
    public void A_folder_that_is_no_projects_wwwroot_gets_no_manifest()
    {
        Write("App.csproj", "<Project Sdk=\"Microsoft.NET.Sdk.Web\" />");
        Write("dist/index.html", "<!DOCTYPE html><html><body><script src=\"a.js\"></script></body></html>");
        Write("dist/a.js", "console.log(1);");

        Assert.That(ManifestFinder.Find(Full("dist")), Is.Null);
        Assert.That(ManifestFinder.Find(Full("wwwroot")), Is.EqualTo(Full("bin/App.staticwebassets.runtime.json")));
        File.Delete(Full("App.csproj"));
        Assert.That(ManifestFinder.Find(Full("wwwroot")), Is.Null, "no project beside wwwroot");
    }
}
