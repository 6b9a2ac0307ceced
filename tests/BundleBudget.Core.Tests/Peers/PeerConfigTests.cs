using System.Text;
using System.Text.Json;
using BundleBudget.Core.Budgets;
using BundleBudget.Core.Diagnostics;
using BundleBudget.Core.Evaluation;
using BundleBudget.Core.Peers;

namespace BundleBudget.Core.Tests.Peers;

/// <summary>
/// The budgets of bundlewatch 0.4.2, bundlesize 0.18.2 and size-limit 12.1.0 (testassets/peer-configs, on the real
/// vite-app build), read with their meaning there: each verdict is the one the tool itself gave on the same files
/// (results/verdicts.json, written by running the tools from npm).
/// </summary>
public class PeerConfigTests
{
    private static readonly string Fixture = Path.Combine(TestAssets.Folder, "peer-configs");
    private TemporaryFolder _folder = null!;

    [SetUp]
    public void SetUp() => _folder = new TemporaryFolder();

    [TearDown]
    public void TearDown() => _folder.Dispose();

    private static JsonElement Verdicts(string tool) => JsonDocument.Parse(File.ReadAllText(Path.Combine(Fixture, "results", "verdicts.json"))).RootElement.GetProperty(tool);

    private static CheckResult From(string file) => BudgetCheck.Run(new CheckOptions(Path.Combine(Fixture, file)) { FromPeerConfig = true });

    /// <summary>A file's verdict: fail when a budget counting it is over its limit.</summary>
    private static string VerdictOf(CheckResult result, string file)
    {
        var counted = result.Budgets.Where(b => b.Budget.Matches(result.Assets.Single(a => a.Path == file))).ToList();
        Assert.That(counted, Has.Count.EqualTo(1), $"{file} is counted by one budget, as the tool keeps one result for it");
        return counted[0].Offenders.Any(o => o.Asset.Path == file) ? "fail" : "pass";
    }

    [Test]
    public void Size_limit_checks_give_size_limits_verdicts_and_sizes()
    {
        var result = From(".size-limit.json");

        foreach (var check in Verdicts("sizeLimit").GetProperty("checks").EnumerateArray())
        {
            var budget = result.Budgets.Single(b => b.Budget.Label == "size-limit: " + check.GetProperty("name").GetString());
            Assert.That(budget.Status, Is.EqualTo(check.GetProperty("passed").GetBoolean() ? BudgetStatus.Pass : BudgetStatus.Error), budget.Budget.Label);
            Assert.That(budget.Budget.MaximumError!.Value, Is.EqualTo(check.GetProperty("sizeLimit").GetInt64()), "bytes-iec's units: kB 1000 B, KiB 1024 B");
            // Brotli (quality 11) and raw sizes are the same bytes; .NET's gzip level 9 is zlib-ng's, within 0.5% of zlib's.
            var size = check.GetProperty("size").GetInt64();
            Assert.That(budget.Actual, budget.Budget.Compression == Compression.Gzip ? Is.EqualTo(size).Within(size / 200) : Is.EqualTo(size), $"{budget.Budget.Label}: the size @size-limit/file measures");
        }

        Assert.That(result.OutputFolder, Is.EqualTo(Path.Combine(TestAssets.Folder, "vite-app", "dist", "assets")), "the folder the checks' paths share");
        Assert.That(result.Diagnostics.Where(d => d.Code.StartsWith("BB9", StringComparison.Ordinal)), Is.Empty);
    }

    [Test]
    public void Bundlewatch_files_give_bundlewatchs_verdicts_a_later_entry_taking_over_a_file_and_a_path_with_no_file_failing()
    {
        var result = From("bundlewatch.config.json");

        foreach (var file in Verdicts("bundlewatch").GetProperty("files").EnumerateArray())
        {
            var path = file.GetProperty("path").GetString()!;
            var status = file.GetProperty("status").GetString();
            if (status == "error")
            {
                var budget = result.Budgets.Single(b => b.Budget.Label == "bundlewatch: " + path);
                Assert.That(budget.Status, Is.EqualTo(BudgetStatus.Error), "bundlewatch fails a path that matches no file");
                Assert.That(result.Diagnostics.Single(d => d.Code == DiagnosticCodes.BudgetMatchedNothing).Severity, Is.EqualTo(Severity.Error));
                continue;
            }

            Assert.That(VerdictOf(result, Path.GetFileName(path)), Is.EqualTo(status), path);
        }

        Assert.That(result.Status, Is.EqualTo(BudgetStatus.Error), "bundlewatch exits 1");
        var limit = result.Budgets.Last(b => b.Budget.Label == "bundlewatch: ../vite-app/dist/assets/main-*.js").Budget.MaximumError!;
        Assert.That((limit.Value, limit.Text), Is.EqualTo((8704L, "8.5kB (8,704 B; bundlewatch's kB is 1024 B)")), "8.5 kB in BundleBudget's units is 8,500 B, which main's gzip size is over");
    }

    [Test]
    public void Bundlesize_in_package_json_gives_bundlesizes_verdicts()
    {
        var result = From("package.json");

        foreach (var file in Verdicts("bundlesize").GetProperty("files").EnumerateArray())
        {
            Assert.That(VerdictOf(result, Path.GetFileName(file.GetProperty("path").GetString()!)), Is.EqualTo(file.GetProperty("status").GetString()));
        }

        Assert.That(result.Budgets.Select(b => b.Budget.Label), Has.All.StartWith("bundlesize: "));
    }

    [Test]
    public void A_budget_json_that_extends_them_checks_its_own_output_folder_with_their_budgets_and_the_same_verdicts()
    {
        var budget = _folder.Write("budget.json", $$"""
            { "outputPath": {{JsonSerializer.Serialize(Path.Combine(TestAssets.Folder, "vite-app", "dist"))}},
              "extends": [{{JsonSerializer.Serialize(Path.Combine(Fixture, ".size-limit.json"))}}, {{JsonSerializer.Serialize(Path.Combine(Fixture, "bundlewatch.config.json"))}}],
              "budgets": [{ "type": "image", "scope": "each", "maximumError": "1MB" }] }
            """);

        var result = BudgetCheck.Run(new CheckOptions(budget));

        Assert.That(result.BudgetFile!.Extends, Is.EqualTo(new[] { Path.Combine(Fixture, ".size-limit.json"), Path.Combine(Fixture, "bundlewatch.config.json") }), "inputs of an incremental build, as budget.json is");
        var sizeLimit = result.Budgets.Where(b => b.Budget.Label.StartsWith("size-limit: ", StringComparison.Ordinal)).ToList();
        Assert.That(sizeLimit.Select(b => b.Budget.Files!.Pattern), Has.All.StartWith("assets/").Or.StartWith("{assets/"));
        Assert.That(sizeLimit.Select(b => b.Status == BudgetStatus.Pass), Is.EqualTo(Verdicts("sizeLimit").GetProperty("checks").EnumerateArray().Select(c => c.GetProperty("passed").GetBoolean())));
        Assert.That(result.Budgets, Has.Count.EqualTo(1 + sizeLimit.Count + 7), "the image budget, the size-limit checks and the seven bundlewatch entries");
        var main = result.Budgets.First(b => b.Budget.Label == "size-limit: main");
        Assert.That(result.Diagnostics.Where(d => d.Code == DiagnosticCodes.BudgetErrorExceeded).Select(d => d.File), Does.Contain(Path.Combine(Fixture, ".size-limit.json")), "a limit is reported at its line in the config it comes from");
        Assert.That(main.Budget.Location.Line, Is.EqualTo(2));
    }

    [Test]
    public void Options_that_need_the_tools_bundler_or_browser_are_named_and_left_out()
    {
        var config = _folder.Write(".size-limit.json", """
            [
              { "path": "dist/*.js", "limit": "10 kB", "import": "{ map }" },
              { "path": "dist/*.js", "limit": "500 ms" },
              { "path": "dist/*.js", "limit": "10 kB", "colour": "red" }
            ]
            """);
        _folder.Write("dist/app.js", "console.log(1)");
        var context = new ReadContext(config);

        var (budgets, output) = PeerConfigs.Read(config, null, context);

        Assert.That(budgets, Has.Count.EqualTo(2));
        Assert.That(output, Is.EqualTo(_folder.Combine("dist")));
        Assert.That(context.Diagnostics.Select(d => (d.Code, d.Line)), Is.EqualTo(new[] { (PeerDiagnostics.OptionNotImported, 2), (PeerDiagnostics.OptionNotImported, 3), (PeerDiagnostics.OptionNotImported, 4) }));
        Assert.That(context.Diagnostics[0].Message, Does.Contain("\"import\" needs its bundler"));
        Assert.That(context.Diagnostics[1].Message, Does.Contain("time limit \"500 ms\""));
    }

    [TestCase("module.exports = [\n  { \"path\": \"dist/*.js\", \"limit\": \"1 kB\" }\n];\n", true)]
    [TestCase("export default [{ \"path\": \"dist/*.js\", \"limit\": \"1 kB\" }]", true)]
    [TestCase("module.exports = [{ path: 'dist/*.js', limit: '1 kB' }]", false)]
    public void A_size_limit_js_is_read_when_it_holds_JSON_and_never_run(string script, bool read)
    {
        var config = _folder.Write(".size-limit.js", script);
        var context = new ReadContext(config);

        var (budgets, _) = PeerConfigs.Read(config, _folder.Combine("dist"), context);

        Assert.That(budgets, Has.Count.EqualTo(read ? 1 : 0));
        Assert.That(context.Diagnostics.Any(d => d.Code == PeerDiagnostics.NotRead && d.Message.Contains("never run", StringComparison.Ordinal)), Is.EqualTo(!read));
    }

    [Test]
    public void A_path_outside_the_output_folder_and_a_file_of_no_known_format_are_BB9036_errors()
    {
        var budget = _folder.Write("budget.json", """{ "outputPath": "dist", "extends": ["bundlewatch.config.json", "other.json"] }""");
        _folder.Write("bundlewatch.config.json", """{ "files": [{ "path": "build/*.js", "maxSize": "10kB" }] }""");
        _folder.Write("other.json", """{ "hello": 1 }""");
        _folder.Write("dist/app.js", "console.log(1)");

        var read = BudgetFileReader.Read(budget);

        var errors = read.Diagnostics.Where(d => d.Code == PeerDiagnostics.NotRead).ToList();
        Assert.That(errors.Select(e => Path.GetFileName(e.File)), Is.EqualTo(new[] { "bundlewatch.config.json", "other.json" }));
        Assert.That(errors[0].Message, Does.Contain("\"build/*.js\" names files outside the output folder"));
        Assert.That(errors[1].Message, Does.StartWith("This is no budget config BundleBudget reads. It reads Angular (angular.json), Lighthouse CI (its budget.json: an array of budgets with resourceSizes, resourceCounts or timings), bundlewatch"));
    }

    [Test]
    public void Import_writes_a_budget_json_that_reads_back_to_the_same_budgets_and_verdicts()
    {
        var from = BudgetFileReader.ReadFrom(Path.Combine(Fixture, "bundlewatch.config.json"));
        var target = _folder.Combine("budget.json");

        File.WriteAllText(target, BudgetFileWriter.Write(from.File!, target));
        var back = BudgetFileReader.Read(target);

        Assert.That(back.Diagnostics, Is.Empty);
        string Describe(Budget b) => $"{b.Name}|{b.Files?.Pattern}|{string.Join(";", b.Exclude.Select(g => g.Pattern))}|{b.Scope}|{b.Compression}|{b.MaximumError?.Value}|{b.MustMatch}";
        Assert.That(back.File!.Budgets.Select(Describe), Is.EqualTo(from.File!.Budgets.Select(Describe)));
        Assert.That(back.File.OutputPath, Is.EqualTo(from.File.OutputPath));
        Assert.That(BudgetCheck.Run(new CheckOptions(target)).Budgets.Select(b => b.Status), Is.EqualTo(From("bundlewatch.config.json").Budgets.Select(b => b.Status)));
    }

    [Test]
    public void Bundlewatch_and_size_limit_compress_images_and_fonts_too_and_import_keeps_it()
    {
        var bundlewatch = From("bundlewatch.config.json");
        var hero = bundlewatch.Budgets.Single(b => b.Budget.Label == "bundlewatch: ../vite-app/dist/assets/hero-*.png");
        Assert.That(hero.Budget.CompressesEveryFile, Is.True);
        Assert.That(hero.Offenders.Single().Actual, Is.EqualTo(184_771), "the PNG's brotli, as bundlewatch measured it (180.44KB), not its raw 184,766 B");

        var sizeLimit = From(".size-limit.json");
        var font = sizeLimit.Budgets.Single(b => b.Budget.Label == "size-limit: font brotli");
        Assert.That((font.Actual, font.Status), Is.EqualTo((23_623L, BudgetStatus.Pass)), "the WOFF2's brotli, under the 23,640 B its raw 23,664 B would exceed");

        var target = _folder.Combine("budget.json");
        File.WriteAllText(target, BudgetFileWriter.Write(BudgetFileReader.ReadFrom(Path.Combine(Fixture, "bundlewatch.config.json")).File!, target));
        Assert.That(File.ReadAllText(target), Does.Contain("\"compressEveryFile\": true"));
        Assert.That(BudgetCheck.Run(new CheckOptions(target)).Budgets.Single(b => b.Budget.Label == hero.Budget.Label).Offenders.Single().Actual, Is.EqualTo(184_771));
    }

    [Test]
    public void Checking_another_folder_than_the_configs_paths_name_leaves_its_budgets_out_with_BB9036()
    {
        var result = BudgetCheck.Run(new CheckOptions(Path.Combine(Fixture, ".size-limit.json"), OutputPath: Path.Combine(TestAssets.Folder, "vite-app", "dist")) { FromPeerConfig = true });

        Assert.That(result.Budgets, Is.Empty);
        var errors = result.Diagnostics.Where(d => d.Code == PeerDiagnostics.NotRead).ToList();
        Assert.That(errors, Has.Count.EqualTo(7), "every size-limit check");
        Assert.That(errors[0].Message, Does.StartWith("'size-limit: main' is not checked: its paths are of ").And.Contain("the folder checked is"));
        Assert.That(errors[0].Line, Is.EqualTo(2));
    }

    [Test]
    public void A_size_limit_check_whose_files_are_missing_or_all_excluded_fails_as_size_limit_does()
    {
        _folder.Write("dist/app.js", "console.log('app')");
        _folder.Write(".size-limit.json", """
            [
              { "name": "app", "path": "dist/app.js", "limit": 1000 },
              { "name": "missing", "path": "dist/vendor-*.js", "limit": "1 kB" },
              { "name": "all excluded", "path": ["dist/*.js", "!dist/app.js"], "limit": "1 kB" }
            ]
            """);

        var result = BudgetCheck.Run(new CheckOptions(_folder.Combine(".size-limit.json")) { FromPeerConfig = true });

        Assert.That(result.Budgets.Select(b => (b.Budget.Label, b.Status)), Is.EqualTo(new[]
        {
            ("size-limit: app", BudgetStatus.Pass), ("size-limit: missing", BudgetStatus.Error), ("size-limit: all excluded", BudgetStatus.Error),
        }));
        Assert.That(result.Budgets[0].Budget.MaximumError!.Value, Is.EqualTo(1000), "a number is bytes");
    }

    [Test]
    public void A_later_bundlewatch_entry_takes_files_over_only_from_patterns_that_start_alike_and_without_maxSize_still_must_match()
    {
        _folder.Write("dist/app.js", new string('a', 3000));
        _folder.Write("dist/vendor.js", new string('v', 3000));
        _folder.Write("bundlewatch.config.json", """
            { "files": [
                { "path": "dist/*.js", "maxSize": "1kB", "compression": "none" },
                { "path": "dist/vendor.js" },
                { "path": "./dist/app.js", "maxSize": "10kB", "compression": "none" },
                { "path": "dist/missing.js" },
                { "path": "dist/app.js", "maxSize": " 2kB", "compression": "none" } ] }
            """);

        var result = BudgetCheck.Run(new CheckOptions(_folder.Combine("bundlewatch.config.json")) { FromPeerConfig = true });

        // dist/*.js: vendor.js and app.js are taken over by later "dist/..." entries; ./dist/app.js is another key in bundlewatch.
        Assert.That(result.Budgets.Select(b => (b.Budget.Label, b.Status)), Is.EqualTo(new[]
        {
            ("bundlewatch: dist/*.js", BudgetStatus.Pass),
            ("bundlewatch: dist/vendor.js", BudgetStatus.Pass),
            ("bundlewatch: ./dist/app.js", BudgetStatus.Pass),
            ("bundlewatch: dist/missing.js", BudgetStatus.Error),
            ("bundlewatch: dist/app.js", BudgetStatus.Error),
        }));
        Assert.That(result.Budgets[4].Budget.MaximumError!.Value, Is.EqualTo(2), "\" 2kB\" is what parseInt makes of it in bundlewatch: 2 bytes");
        Assert.That(result.Diagnostics.Where(d => d.Code == PeerDiagnostics.OptionNotImported).Select(d => d.Line), Is.EqualTo(new[] { 3, 5, 6 }));
    }

    [Test]
    public void An_extends_path_no_file_system_takes_is_BB9036_at_its_line()
    {
        var budget = _folder.Write("budget.json", "{ \"outputPath\": \"dist\",\n  \"extends\": \"a\\u0000.json\" }");
        _folder.Write("dist/app.js", "console.log(1)");

        var read = BudgetFileReader.Read(budget);

        var error = read.Diagnostics.First(d => d.Code == PeerDiagnostics.NotRead);
        Assert.That(error.Line, Is.EqualTo(2));
    }

    [TestCase("100kB", 102_400L)]
    [TestCase("8.3kB", 8499L)]
    [TestCase("1MB", 1_048_576L)]
    [TestCase("600 B", 600L)]
    [TestCase("2048", 2048L)]
    public void Bundlewatch_and_bundlesize_sizes_are_the_bytes_packages(string text, long bytes) => Assert.That(PeerSizes.Binary(text), Is.EqualTo(bytes));

    [TestCase("10 kB", 10_000L)]
    [TestCase("10 KB", 10_000L)]
    [TestCase("23.2 KiB", 23_756L)]
    [TestCase("1.5 MB", 1_500_000L)]
    [TestCase("512", 512L)]
    public void Size_limit_sizes_are_bytes_iecs(string text, long bytes) => Assert.That(PeerSizes.Iec(text), Is.EqualTo(bytes));
}
