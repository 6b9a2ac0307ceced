using System.Text.Json;
using BundleBudget.Core.Assets;
using BundleBudget.Core.Diagnostics;
using BundleBudget.Core.Evaluation;

namespace BundleBudget.Core.Tests.Hostile;

/// <summary>Output folders that are links, loops, aliases, and pages that name files twice or too large to parse.</summary>
[Platform(Exclude = "Win", Reason = "symbolic links to folders need privileges on Windows")]
public class OutputFolderTests
{
    private TemporaryFolder _folder = null!;

    [SetUp]
    public void SetUp() => _folder = new TemporaryFolder();

    [TearDown]
    public void TearDown() => _folder.Dispose();

    private CheckResult Check(string outputPath, string budgets, string extra = "")
    {
        var path = _folder.Write("project/budget.json", $$"""
            {
              "outputPath": {{JsonSerializer.Serialize(outputPath)}},
              "imports": { "rules": "none" },
              {{extra}}
              "budgets": [ {{budgets}} ]
            }
            """);
        return BudgetCheck.Run(new CheckOptions(path));
    }

    [Test]
    public void A_symlinked_output_folder_is_measured_like_the_folder_it_points_to()
    {
        TemporaryFolder.CopyDirectory(TestAssets.ViteDist, _folder.Combine("client", "dist"));
        Directory.CreateDirectory(_folder.Combine("project"));
        Directory.CreateSymbolicLink(_folder.Combine("project", "wwwroot"), Path.Combine("..", "client", "dist"));
        const string Budgets = """{ "type": "script", "maximumError": "500KB" }, { "type": "initial", "maximumError": "500KB" }""";

        var linked = Check("wwwroot", Budgets);
        var real = Check(_folder.Combine("client", "dist"), Budgets);

        Assert.That(linked.Assets.Select(a => (a.Path, a.Length)), Is.EqualTo(real.Assets.Select(a => (a.Path, a.Length))));
        Assert.That(linked.Assets, Has.Count.EqualTo(20));
        Assert.That(linked.Budgets[0].MatchedFiles, Is.EqualTo(4));
        Assert.That(linked.Budgets.Select(b => b.Actual), Is.EqualTo(real.Budgets.Select(b => b.Actual)));
        Assert.That(linked.Diagnostics.Select(d => d.Code), Does.Not.Contain(DiagnosticCodes.EmptyOutputFolder).And.Not.Contain(DiagnosticCodes.BudgetIncomplete));
    }

    [Test]
    public void A_link_loop_is_named_and_not_followed_and_a_second_link_to_a_folder_is_an_alias_pages_can_load_through()
    {
        _folder.Write("dist/index.html", "<script type=module src=\"/static/app.js\"></script>");
        _folder.Write("dist/assets/app.js", "export const x = 1;");
        Directory.CreateSymbolicLink(_folder.Combine("dist", "assets", "loop"), "..");
        Directory.CreateSymbolicLink(_folder.Combine("dist", "static"), "assets");

        var result = Check(_folder.Combine("dist"), """{ "type": "script", "maximumError": "500KB" }, { "type": "initial", "maximumError": "500KB" }""");

        Assert.That(result.Assets.Select(a => a.Path), Is.EqualTo(new[] { "assets/app.js", "index.html" }), "each file once, under its own path");
        var loop = result.Diagnostics.Single(d => d.Code == DiagnosticCodes.SymbolicLinkLoop);
        Assert.That(loop.Message, Does.Contain("assets/loop"));
        Assert.That(loop.Severity, Is.EqualTo(Severity.Warning));
        var page = result.Pages.Find("index.html")!;
        Assert.That(page.Initial.Select(f => f.Path), Is.EqualTo(new[] { "index.html", "assets/app.js" }), "/static/app.js is the same file through the link");
        Assert.That(page.Gaps, Is.Empty);
        Assert.That(result.Budgets.Select(b => b.Status), Is.All.EqualTo(BudgetStatus.Pass));
    }

    [TestCase("..", TestName = "A link to the folder holding the output folder is named, not followed, and makes its budgets incomplete")]
    [TestCase("/", TestName = "A link to the root of the file system is named and never scanned")]
    public void A_link_above_the_output_folder_is_never_followed_and_never_a_silent_pass(string target)
    {
        _folder.Write("site/vendor.js", new string('v', 5000));
        _folder.Write("site/dist/index.html", "<script src=\"/up/vendor.js\"></script>");
        _folder.Write("site/dist/app.js", "let a;");
        Directory.CreateSymbolicLink(_folder.Combine("site", "dist", "up"), target);

        var result = Check(_folder.Combine("site", "dist"), """{ "type": "script", "maximumError": "100KB" }, { "files": "app.js", "maximumError": "100KB" }, { "type": "initial", "maximumError": "100KB" }""");

        Assert.That(result.Assets.Select(a => a.Path), Is.EqualTo(new[] { "app.js", "index.html" }));
        var named = result.Diagnostics.Single(d => d.Code == DiagnosticCodes.SymbolicLinkLoop);
        Assert.That(named.Message, Does.Contain("holds the output folder").And.Contain("not measured"));
        Assert.That(result.Budgets.Select(b => b.Status), Is.EqualTo(new[] { BudgetStatus.Incomplete, BudgetStatus.Pass, BudgetStatus.Incomplete }), "app.js cannot be under up/");
        Assert.That(result.Budgets[0].Unmeasured.Single().Path, Is.EqualTo("up/"));
    }

    [Test]
    public void A_folder_reached_through_two_links_is_listed_once_and_found_through_either()
    {
        _folder.Write("out/X/g.js", "let g;");
        _folder.Write("out/X/sub/f.js", "let f;");
        _folder.Write("dist/index.html", "<script type=module src=\"/b/sub/f.js\"></script><script type=module src=\"/a/f.js\"></script>");
        Directory.CreateSymbolicLink(_folder.Combine("dist", "a"), Path.Combine("..", "out", "X", "sub"));
        Directory.CreateSymbolicLink(_folder.Combine("dist", "b"), Path.Combine("..", "out", "X"));

        var result = Check(_folder.Combine("dist"), """{ "type": "initial", "maximumError": "100KB" }""", "\"strict\": true,");

        Assert.That(result.Assets.Count(a => a.Path.EndsWith("f.js", StringComparison.Ordinal)), Is.EqualTo(1));
        var page = result.Pages.Find("index.html")!;
        Assert.That(page.Gaps, Is.Empty);
        Assert.That(page.Initial, Has.Count.EqualTo(2), "the page and f.js, once");
        Assert.That(result.Budgets.Single().Status, Is.EqualTo(BudgetStatus.Pass));
    }

    [Test]
    public void A_single_page_folder_is_not_taken_for_the_site_root_when_its_page_loads_files_from_beside_it()
    {
        _folder.Write("dist/pages/index.html", "<script type=module src=\"/assets/big.js\"></script>");
        _folder.Write("dist/assets/big.js", new string('b', 2000));

        var result = Check(_folder.Combine("dist"), """{ "type": "script", "compression": "raw", "maximumError": "1KB" }, { "type": "initial", "maximumError": "100KB" }""");

        Assert.That(result.SiteRoot, Is.Empty);
        Assert.That(result.Diagnostics.Select(d => d.Code), Does.Not.Contain(DiagnosticCodes.ServedFromSubfolder).And.Not.Contain(DiagnosticCodes.MissingPageFile));
        Assert.That(result.Budgets[0].Status, Is.EqualTo(BudgetStatus.Error), "big.js ships and is counted");
        Assert.That(result.Pages.Pages.Single().Initial.Select(f => f.Path), Is.EqualTo(new[] { "pages/index.html", "assets/big.js" }));
    }

    [Test]
    public void A_glob_that_matches_only_files_no_budget_counts_says_so()
    {
        var result = Check(TestAssets.ViteDist, """{ "files": "**/*.map", "maximumError": "1MB" }, { "files": "assets/*.woff", "maximumError": "1MB" }""", "\"imports\": { \"rules\": \"none\" },".Replace("\"imports\": { \"rules\": \"none\" },", string.Empty, StringComparison.Ordinal));
        var messages = result.Diagnostics.Where(d => d.Code == DiagnosticCodes.BudgetMatchedNothing).Select(d => d.Message).ToList();
        Assert.That(messages, Has.Count.EqualTo(2));
        Assert.That(messages[0], Does.Contain("counts no file").And.Contain("4 source maps or precompressed copies"));
        Assert.That(messages[1], Does.Contain("1 fonts no browser downloads"));
    }

    [Test]
    public void Files_that_ship_only_compressed_are_counted_by_their_own_bytes_and_siblings_are_not()
    {
        CreateSparse(_folder.Combine("dist", "Build", "game.data.br"), 3_000_000);
        CreateSparse(_folder.Combine("dist", "Build", "game.wasm.gz"), 2_000_000);
        _folder.Write("dist/Build/game.framework.js.gz", new string('f', 50_000));
        _folder.Write("dist/Build/game.loader.js", "let loader;");
        _folder.Write("dist/app.js", new string('a', 10_000));
        _folder.Write("dist/app.js.br", new string('b', 100));
        _folder.Write("dist/index.html", "<script src=\"Build/game.loader.js\"></script><link rel=preload href=\"Build/game.data.br\" as=fetch><script src=app.js></script>");

        var result = Check(_folder.Combine("dist"), """{ "type": "total", "maximumError": "1MB" }, { "type": "initial", "maximumError": "1MB" }, { "files": "Build/**", "compression": "brotli", "maximumError": "1MB" }, { "type": "script", "maximumError": "1MB" }""");

        var data = result.Assets.Single(a => a.Path == "Build/game.data.br");
        Assert.That((data.Type, data.Encoding, data.IsCounted), Is.EqualTo((AssetType.Other, "br", true)));
        Assert.That(result.Assets.Single(a => a.Path == "Build/game.framework.js.gz").Type, Is.EqualTo(AssetType.Script));
        Assert.That(result.Assets.Single(a => a.Path == "app.js.br").Type, Is.EqualTo(AssetType.Precompressed), "beside app.js: the server's choice, not counted twice");
        Assert.That(result.Budgets.Select(b => b.Status), Is.EqualTo(new[] { BudgetStatus.Error, BudgetStatus.Error, BudgetStatus.Error, BudgetStatus.Pass }));
        Assert.That(result.Budgets[2].Actual, Is.EqualTo(3_000_000 + 2_000_000 + 50_000 + result.Sizes["Build/game.loader.js"].Brotli!.Value), "compressed files by their own bytes, the loader in brotli");
        Assert.That(result.Pages.Find("index.html")!.Initial.Select(f => f.Path), Does.Contain("Build/game.data.br"));
    }

    [Test]
    public void A_page_and_a_stylesheet_that_ship_only_compressed_are_read_decompressed()
    {
        using (var gzip = new System.IO.Compression.GZipStream(File.Create(_folder.Combine("dist-index.html.gz")), System.IO.Compression.CompressionLevel.Optimal))
        {
            gzip.Write("<!doctype html><script src=\"big.js\"></script><link rel=stylesheet href=\"site.css\">"u8);
        }

        Directory.CreateDirectory(_folder.Combine("dist"));
        File.Move(_folder.Combine("dist-index.html.gz"), _folder.Combine("dist", "index.html.gz"));
        using (var css = new System.IO.Compression.BrotliStream(File.Create(_folder.Combine("dist", "site.css.br")), System.IO.Compression.CompressionLevel.Optimal))
        {
            css.Write("@import \"more.css\";"u8);
        }

        // A .br and a .gz of one file with no uncompressed copy: the server sends the .br, so it alone counts.
        File.Copy(_folder.Combine("dist", "site.css.br"), _folder.Combine("dist", "site.css.gz"));
        _folder.Write("dist/big.js", new string('b', 5000));
        _folder.Write("dist/more.css", "p{}");

        var result = Check(_folder.Combine("dist"), """{ "type": "initial", "compression": "raw", "maximumError": "1MB" }, { "type": "stylesheet", "compression": "raw", "maximumError": "1MB" }""", "\"entries\": [\"index.html.gz\"],");

        var page = result.Pages.Find("index.html.gz")!;
        Assert.That(page.Gaps, Is.Empty);
        Assert.That(page.Initial.Select(f => f.Path), Is.EqualTo(new[] { "index.html.gz", "big.js", "site.css.br", "more.css" }), "a server sends site.css.br for site.css when only the compressed copy ships");
        Assert.That(result.Assets.Single(a => a.Path == "site.css.gz").Type, Is.EqualTo(AssetType.Precompressed));
        Assert.That(result.Budgets[1].MatchedFiles, Is.EqualTo(2), "site.css.br and more.css; the .gz beside the .br is not counted again");
    }

    [Test]
    public void An_entry_page_outside_the_detected_site_root_is_served_from_the_output_folder_and_counted()
    {
        _folder.Write("dist/app/index.html", "<script src=\"/main.js\"></script>");
        _folder.Write("dist/app/main.js", "m()");
        _folder.Write("dist/admin/panel.html", "<script src=\"big.js\"></script>");
        _folder.Write("dist/admin/big.js", new string('b', 5000));

        var result = Check(_folder.Combine("dist"), """{ "type": "initial", "compression": "raw", "maximumError": "1KB" }""", "\"entries\": [\"app/index.html\", \"admin/panel.html\"],");

        Assert.That(result.SiteRoot, Is.EqualTo("app"));
        Assert.That(result.Assets.Single(a => a.Path == "admin/big.js").IsCounted, Is.True);
        Assert.That(result.Budgets.Single().Status, Is.EqualTo(BudgetStatus.Error), "the panel's 5 kB script counts");
    }

    [Test]
    public void A_site_root_named_through_a_link_is_the_folder_the_link_names()
    {
        _folder.Write("dist/releases/v2/index.html", "<script src=\"/app.js\"></script>");
        _folder.Write("dist/releases/v2/app.js", new string('a', 3000));
        Directory.CreateSymbolicLink(_folder.Combine("dist", "current"), Path.Combine("releases", "v2"));

        var result = Check(_folder.Combine("dist"), """{ "type": "initial", "compression": "raw", "maximumError": "1KB" }, { "type": "script", "compression": "raw", "maximumError": "1KB" }""", "\"siteRoot\": \"current\",");

        Assert.That(result.Budgets.Select(b => b.Status), Is.All.EqualTo(BudgetStatus.Error));
        Assert.That(result.Pages.Pages.Single().Gaps, Is.Empty);
    }

    [Test]
    public void Frames_deeper_than_three_are_a_gap_not_a_silent_pass()
    {
        _folder.Write("dist/index.html", "<iframe src=f1.html></iframe>");
        _folder.Write("dist/f1.html", "<iframe src=f2.html></iframe>");
        _folder.Write("dist/f2.html", "<iframe src=f3.html></iframe>");
        _folder.Write("dist/f3.html", "<iframe src=f4.html></iframe>");
        _folder.Write("dist/f4.html", "<script src=big.js></script>");
        _folder.Write("dist/big.js", "b()");

        var result = Check(_folder.Combine("dist"), """{ "type": "initial", "maximumError": "1MB" }""", "\"entries\": [\"index.html\"],");

        Assert.That(result.Pages.Pages.Single().Gaps.Single().Reason, Does.Contain("frames are followed 3 deep"));
        Assert.That(result.Budgets.Single().Status, Is.EqualTo(BudgetStatus.Incomplete));
    }

    [Test]
    public void Many_links_and_many_references_through_them_are_resolved_in_linear_time()
    {
        _folder.Write("dist/real/x.png", "p");
        for (var i = 0; i < 2_000; i++)
        {
            Directory.CreateSymbolicLink(_folder.Combine("dist", $"l{i}"), "real");
        }

        _folder.Write("dist/index.html", string.Concat(Enumerable.Range(0, 30_000).Select(i => $"<img src=\"l{i % 2_000}/x.png\">")));
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var result = Check(_folder.Combine("dist"), """{ "type": "initial", "maximumError": "1MB" }""");
        watch.Stop();

        Assert.That(result.Pages.Pages.Single().Initial.Select(f => f.Path), Is.EqualTo(new[] { "index.html", "real/x.png" }));
        // A guard against sorting every alias for every lookup (3,000 links took 31 s), not a speed target.
        Assert.That(watch.Elapsed, Is.LessThan(TimeSpan.FromSeconds(30)));
    }

    [Test]
    public void A_page_that_names_one_file_many_times_loads_it_once()
    {
        var repeated = string.Concat(Enumerable.Repeat("<script src=\"/app.js\"></script><link rel=modulepreload href=\"app.js\"><link rel=stylesheet href=\"/s.css\">", 20_000));
        _folder.Write("dist/index.html", $"<html><head>{repeated}<noscript><link rel=stylesheet href=\"/s.css\"></noscript></head></html>");
        _folder.Write("dist/app.js", new string('x', 10_000));
        _folder.Write("dist/s.css", "body{color:red}");

        var result = Check(_folder.Combine("dist"), """{ "type": "initial", "compression": "raw", "maximumError": "10MB" }""");

        var page = result.Pages.Find("index.html")!;
        Assert.That(page.Initial.Select(f => f.Path), Is.EqualTo(new[] { "index.html", "app.js", "s.css" }));
        var expected = new FileInfo(_folder.Combine("dist", "index.html")).Length + 10_000 + "body{color:red}".Length;
        Assert.That(result.Budgets.Single().Actual, Is.EqualTo(expected));
    }

    [Test]
    public void Files_larger_than_what_is_parsed_are_measured_named_and_make_the_initial_load_incomplete()
    {
        _folder.Write("dist/index.html", "<link rel=stylesheet href=big.css><script type=module src=big.js></script><a href=other.html>x</a>");
        CreateSparse(_folder.Combine("dist", "big.js"), ParseLimits.Script + 1);
        CreateSparse(_folder.Combine("dist", "big.css"), ParseLimits.Stylesheet + 1);
        CreateSparse(_folder.Combine("dist", "other.html"), ParseLimits.Page + 1);

        var result = Check(_folder.Combine("dist"), """{ "type": "total", "compression": "raw", "maximumError": "1GB" }, { "type": "initial", "compression": "raw", "maximumError": "1GB" }""");

        var tooLarge = result.Diagnostics.Where(d => d.Code == DiagnosticCodes.FileTooLargeToParse).Select(d => Path.GetFileName(d.File)).ToList();
        Assert.That(tooLarge, Is.SupersetOf(new[] { "big.js", "big.css", "other.html" }));
        Assert.That(result.Diagnostics.Single(d => d.File!.EndsWith("big.js", StringComparison.Ordinal) && d.Code == DiagnosticCodes.FileTooLargeToParse).Message, Does.Contain("64 MiB"));
        Assert.That(result.Sizes["big.js"].Raw, Is.EqualTo(ParseLimits.Script + 1));
        Assert.That(result.Budgets[0].Status, Is.EqualTo(BudgetStatus.Pass), "sizes are streamed: the total is complete");
        var initial = result.Budgets[1];
        Assert.That(initial.Status, Is.EqualTo(BudgetStatus.Incomplete), "what big.js and big.css load is unknown");
        Assert.That(initial.Unmeasured.Select(u => u.Path), Has.Some.Contains("big.js").And.Some.Contains("big.css"));
        Assert.That(result.Diagnostics.Where(d => d.Code == DiagnosticCodes.InternalError), Is.Empty);
    }

    [Test]
    public void A_missing_file_a_page_loads_first_never_lets_its_initial_budget_pass()
    {
        _folder.Write("dist/index.html", "<script src=\"/gone.js\"></script>");
        var result = Check(_folder.Combine("dist"), """{ "type": "initial", "maximumError": "170KB" }""");

        var budget = result.Budgets.Single();
        Assert.That(budget.Status, Is.EqualTo(BudgetStatus.Incomplete));
        Assert.That(budget.Unmeasured.Single().Path, Is.EqualTo("index.html: 'gone.js'").Or.EqualTo("index.html: '/gone.js'"));
        Assert.That(result.Diagnostics.Select(d => d.Code), Does.Contain(DiagnosticCodes.MissingPageFile).And.Contain(DiagnosticCodes.BudgetIncomplete));
        Assert.That(BundleBudget.Core.Reports.SummaryTable.Headline(result), Does.Contain("incomplete").And.Not.Contain("within budget"));
    }

    private static void CreateSparse(string path, long length)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using var stream = new FileStream(path, FileMode.Create);
        stream.SetLength(length);
    }
}
