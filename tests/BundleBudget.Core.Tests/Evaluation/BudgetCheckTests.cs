using BundleBudget.Core.Assets;
using BundleBudget.Core.Budgets;
using BundleBudget.Core.Measurement;
using System.Text.Json;
using BundleBudget.Core.Diagnostics;
using BundleBudget.Core.Evaluation;

namespace BundleBudget.Core.Tests.Evaluation;

/// <summary>Whole checks of the real Vite build against budgets written for each case.</summary>
public class BudgetCheckTests
{
    // Sizes of testassets/vite-app/dist, as the measurer reports them (raw sizes are the files' lengths).
    private const long HeroPngRaw = 184_766;
    private const long TeamJpgRaw = 39_894;
    // The WOFF is listed after the WOFF2 in the same @font-face: no browser in use downloads it, so no budget counts it.
    private const long FontsRaw = 23_664;
    private const long FallbackWoffRaw = 30_696;
    private const long ScriptsRaw = 460 + 1325 + 22_033 + 1355;

    private TemporaryFolder _folder = null!;

    [SetUp]
    public void SetUp() => _folder = new TemporaryFolder();

    [TearDown]
    public void TearDown() => _folder.Dispose();

    private CheckResult Check(string budgets, string compression = "gzip", bool brotliForAll = false)
    {
        var dist = JsonSerializer.Serialize(TestAssets.ViteDist);
        var path = _folder.Write("budget.json", $$"""
            {
              "outputPath": {{dist}},
              "compression": "{{compression}}",
              "budgets": [
                {{budgets}}
              ]
            }
            """);
        return BudgetCheck.Run(new CheckOptions(path, BrotliForAll: brotliForAll));
    }

    private static long Sum(CheckResult result, Func<Asset, bool> which, Func<AssetSizes, long?> size) =>
        result.Assets.Where(a => a.IsCounted && which(a)).Sum(a => size(result.Sizes[a.Path])!.Value);

    [Test]
    public void A_script_budget_compares_the_gzip_total_of_every_script()
    {
        var result = Check("""{ "type": "script", "maximumError": "500KB" }""");
        var budget = result.Budgets.Single();
        Assert.That(budget.MatchedFiles, Is.EqualTo(4));
        Assert.That(budget.Actual, Is.EqualTo(Sum(result, a => a.Type == AssetType.Script, s => s.Gzip)));
        Assert.That(budget.Actual, Is.InRange(10_000, 10_600));
        Assert.That(budget.Status, Is.EqualTo(BudgetStatus.Pass));
        Assert.That(result.SizeDiagnostics(), Is.Empty);
    }

    [Test]
    public void An_exceeded_maximumError_is_error_BB1001_at_the_budget_line_with_size_limit_and_overrun()
    {
        var result = Check("""{ "type": "script", "maximumError": "10KB" }""");
        var error = result.SizeDiagnostics().Single();
        var actual = result.Budgets.Single().Actual;
        Assert.That(error.Code, Is.EqualTo("BB1001"));
        Assert.That(error.Severity, Is.EqualTo(Severity.Error));
        Assert.That(error.File, Is.EqualTo(_folder.Combine("budget.json")));
        Assert.That((error.Line, error.Column), Is.EqualTo((5, 5)));
        Assert.That(error.Message, Does.Contain("Budget 'script' exceeded"));
        Assert.That(error.Message, Does.Contain($"total {ByteSize.Format(actual)} gzip"));
        Assert.That(error.Message, Does.Contain("limit 10.0 kB (maximumError)"));
        Assert.That(error.Message, Does.Contain($"over by {ByteSize.Format(actual - 10_000)}"));
        Assert.That(error.Message, Does.Contain($"(+{(actual - 10_000) * 100.0 / 10_000:0.0}%)".Replace(',', '.')));
        Assert.That(result.Status, Is.EqualTo(BudgetStatus.Error));
        Assert.That(result.HasInputErrors, Is.False);
    }

    [Test]
    public void An_exceeded_maximumWarning_is_warning_BB1002()
    {
        var result = Check("""{ "type": "script", "maximumWarning": "5KB", "maximumError": "500KB" }""");
        var warning = result.SizeDiagnostics().Single();
        Assert.That(warning.Code, Is.EqualTo("BB1002"));
        Assert.That(warning.Severity, Is.EqualTo(Severity.Warning));
        Assert.That(warning.Message, Does.Contain("(maximumWarning)"));
        Assert.That(result.Status, Is.EqualTo(BudgetStatus.Warning));
    }

    [Test]
    public void Raw_compression_compares_the_bytes_on_disk()
    {
        var result = Check("""{ "type": "script", "maximumError": "500KB" }""", compression: "raw");
        Assert.That(result.Budgets.Single().Actual, Is.EqualTo(ScriptsRaw));
    }

    [Test]
    public void A_budget_may_override_the_compression_with_brotli_which_is_then_computed_for_its_files_only()
    {
        var result = Check("""{ "files": "assets/main-*.js", "maximumError": "7KB", "compression": "brotli" }""");
        var budget = result.Budgets.Single();
        Assert.That(budget.Actual, Is.EqualTo(7804), "Node's brotli -q 11 gives 7804 bytes");
        Assert.That(budget.Status, Is.EqualTo(BudgetStatus.Error));
        Assert.That(result.SizeDiagnostics().Single().Message, Does.Contain("7.8 kB brotli"));
        var compressed = result.Assets.Where(a => a.IsTextCompressible && result.Sizes[a.Path].Brotli is not null).Select(a => a.Path);
        Assert.That(compressed, Is.EqualTo(new[] { "assets/main-C17BpASX.js" }));
        Assert.That(result.Assets.Where(a => a.Type == AssetType.Image).All(a => result.Sizes[a.Path].Brotli == a.Length), Is.True, "an image is sent as it is, in every encoding");
        Assert.That(result.Statistics!.BrotliComputed, Is.EqualTo(1));
    }

    [Test]
    public void Brotli_for_all_measures_every_counted_file()
    {
        var result = Check("""{ "type": "script", "maximumError": "500KB" }""", brotliForAll: true);
        Assert.That(result.Assets.Where(a => a.IsCounted).All(a => result.Sizes[a.Path].Brotli is not null), Is.True);
    }

    [Test]
    public void Image_each_budget_names_every_offending_image_and_compares_raw_bytes_even_under_gzip()
    {
        var result = Check("""{ "type": "image", "scope": "each", "maximumWarning": "30KB", "maximumError": "100KB" }""");
        var budget = result.Budgets.Single();
        Assert.That(budget.MatchedFiles, Is.EqualTo(5));
        Assert.That(budget.Actual, Is.EqualTo(HeroPngRaw));
        Assert.That(budget.Status, Is.EqualTo(BudgetStatus.Error));
        Assert.That(budget.Offenders.Select(o => (o.Asset.Path, o.Actual, o.Status)), Is.EqualTo(new[]
        {
            ("assets/hero-BWnkITgT.png", HeroPngRaw, BudgetStatus.Error),
            ("assets/team-VZtWTLTK.jpg", TeamJpgRaw, BudgetStatus.Warning),
        }));

        var error = result.SizeDiagnostics().Single(d => d.Code == "BB1001");
        Assert.That(error.File, Is.EqualTo(Path.Combine(TestAssets.ViteDist, "assets", "hero-BWnkITgT.png")));
        Assert.That(error.Message, Does.Contain("assets/hero-BWnkITgT.png is 184.8 kB raw, limit 100.0 kB (maximumError), over by 84.8 kB (+84.8%)"));
        var warning = result.SizeDiagnostics().Single(d => d.Code == "BB1002");
        Assert.That(warning.File, Does.EndWith("team-VZtWTLTK.jpg"));
    }

    [Test]
    public void Font_total_compares_raw_bytes_of_the_fonts_a_browser_downloads()
    {
        var result = Check("""{ "type": "font", "maximumError": "20KB" }""");
        Assert.That(result.Budgets.Single().Actual, Is.EqualTo(FontsRaw));
        Assert.That(result.Budgets.Single().MatchedFiles, Is.EqualTo(1));
        Assert.That(result.SizeDiagnostics().Single().Message, Does.Contain("1 file total 23.7 kB raw"));
        var woff = result.Assets.Single(a => a.Path.EndsWith(".woff", StringComparison.Ordinal));
        Assert.That(woff.Exclusion, Is.EqualTo(AssetExclusion.NotDownloaded));
        Assert.That(result.Sizes[woff.Path].Raw, Is.EqualTo(FallbackWoffRaw), "listed and measured, not counted");
    }

    [Test]
    public void Total_sums_every_counted_file_with_text_compressed_and_binaries_raw_and_never_maps()
    {
        var result = Check("""{ "type": "total", "maximumError": "2MB" }""");
        var textGzip = Sum(result, a => a.Type.IsTextCompressible(), s => s.Gzip);
        var binaryRaw = Sum(result, a => !a.Type.IsTextCompressible(), s => s.Raw);
        var budget = result.Budgets.Single();
        Assert.That(budget.MatchedFiles, Is.EqualTo(15), "20 files less 4 source maps and the WOFF no browser downloads");
        Assert.That(budget.Actual, Is.EqualTo(textGzip + binaryRaw));
        Assert.That(budget.SizeKind, Is.EqualTo("gzip (images, fonts and media raw)"));
    }

    [TestCase("stylesheet", 2)]
    [TestCase("document", 2)]
    [TestCase("other", 1)]
    [TestCase("media", 0)]
    public void Each_type_counts_its_own_files(string type, int files)
    {
        var result = Check($$"""{ "type": "{{type}}", "maximumError": "1MB" }""");
        Assert.That(result.Budgets.Single().MatchedFiles, Is.EqualTo(files));
        var expected = files == 0 ? new[] { (DiagnosticCodes.BudgetMatchedNothing, Severity.Info) } : [];
        Assert.That(result.SizeDiagnostics().Select(d => (d.Code, d.Severity)), Is.EqualTo(expected), "a type budget that matches nothing is not a typo, but 0 B is said to be no file");
    }

    [Test]
    public void A_wasm_budget_on_a_folder_with_no_dotnet_runtime_is_warning_BB1003()
    {
        var result = Check("""{ "type": "wasm", "scope": "each", "maximumError": "1MB" }""");
        var warning = result.SizeDiagnostics().Single();
        Assert.That((warning.Code, warning.Severity, warning.Line), Is.EqualTo(("BB1003", Severity.Warning, 5)));
        Assert.That(warning.Message, Does.Contain("no wasm file").And.Contain("publish folder"));
    }

    [Test]
    public void Type_and_files_together_match_both()
    {
        var result = Check("""{ "type": "script", "files": "assets/{main,about}-*", "maximumError": "1MB", "compression": "raw" }""");
        Assert.That(result.Budgets.Single().Actual, Is.EqualTo(22_033 + 460));
    }

    [Test]
    public void A_files_glob_that_matches_nothing_is_warning_BB1003()
    {
        var result = Check("""{ "files": "assets/vendor-*.js", "maximumError": "150KB" }""");
        var warning = result.SizeDiagnostics().Single();
        Assert.That(warning.Code, Is.EqualTo("BB1003"));
        Assert.That(warning.Line, Is.EqualTo(5));
        Assert.That(result.Budgets.Single().Status, Is.EqualTo(BudgetStatus.Pass));
    }

    [Test]
    public void Simple_form_bundle_size_is_scripts_plus_stylesheets()
    {
        var dist = JsonSerializer.Serialize(TestAssets.ViteDist);
        var path = _folder.Write("budget.json", $$"""{ "outputPath": {{dist}}, "budget": { "bundle_size": "< 10KB", "image_sizes": "< 150KB per image", "font_files": "< 100KB total", "speed_index": "< 3s" } }""");
        var result = BudgetCheck.Run(new CheckOptions(path));

        var bundle = result.Budgets[0];
        Assert.That(bundle.Actual, Is.EqualTo(Sum(result, a => a.Type is AssetType.Script or AssetType.Stylesheet, s => s.Gzip)));
        Assert.That(bundle.Status, Is.EqualTo(BudgetStatus.Error));
        Assert.That(result.Budgets[1].Offenders.Single().Asset.Path, Is.EqualTo("assets/hero-BWnkITgT.png"));
        Assert.That(result.Budgets[2].Status, Is.EqualTo(BudgetStatus.Pass));
        Assert.That(result.SizeDiagnostics().Select(d => d.Code), Is.EquivalentTo(new[] { "BB9008", "BB1001", "BB1001" }));
    }

    [Test]
    public void A_bad_budget_is_reported_and_the_good_ones_are_still_checked()
    {
        var result = Check("""
            { "type": "script", "maximumError": "10KB" },
            { "type": "scirpt", "maximumError": "10KB" }
            """);
        Assert.That(result.SizeDiagnostics().Select(d => d.Code), Is.EquivalentTo(new[] { "BB9003", "BB1001" }));
        Assert.That(result.HasInputErrors, Is.True);
        Assert.That(result.Assets, Is.Not.Empty);
    }

    [Test]
    public void A_missing_output_folder_is_error_BB9007_naming_it()
    {
        var path = _folder.Write("budget.json", """{ "outputPath": "dist", "budgets": [ { "type": "script", "maximumError": "1KB" } ] }""");
        var result = BudgetCheck.Run(new CheckOptions(path));
        var error = result.SizeDiagnostics().Single();
        Assert.That(error.Code, Is.EqualTo("BB9007"));
        Assert.That(error.Message, Does.Contain(_folder.Combine("dist")));
        Assert.That(result.HasInputErrors, Is.True);
    }

    [Test]
    public void The_output_folder_is_the_override_else_outputPath_else_the_default()
    {
        var path = _folder.Write("budget.json", """{ "budgets": [ { "type": "script", "maximumError": "1MB" } ] }""");
        var viaDefault = BudgetCheck.Run(new CheckOptions(path, DefaultOutputPath: TestAssets.ViteDist));
        Assert.That(viaDefault.OutputFolder, Is.EqualTo(TestAssets.ViteDist));
        Assert.That(viaDefault.Budgets.Single().MatchedFiles, Is.EqualTo(4));

        var other = _folder.Combine("other");
        Directory.CreateDirectory(other);
        File.WriteAllText(Path.Combine(other, "x.js"), "x()");
        var viaOverride = BudgetCheck.Run(new CheckOptions(path, OutputPath: other, DefaultOutputPath: TestAssets.ViteDist));
        Assert.That(viaOverride.Budgets.Single().MatchedFiles, Is.EqualTo(1));
    }

    [Test]
    public void A_malformed_budget_file_stops_before_measuring()
    {
        var path = _folder.Write("budget.json", "{ \"budgets\": [ ");
        var result = BudgetCheck.Run(new CheckOptions(path, DefaultOutputPath: TestAssets.ViteDist));
        Assert.That(result.SizeDiagnostics().Single().Code, Is.EqualTo("BB9001"));
        Assert.That(result.SizeDiagnostics().Single().Line, Is.EqualTo(1));
        Assert.That(result.Statistics, Is.Null);
    }

    [Test]
    public void An_output_folder_without_counted_files_is_warning_BB1004()
    {
        Directory.CreateDirectory(_folder.Combine("dist"));
        _folder.Write("dist/app.js.map", "{}");
        var path = _folder.Write("budget.json", """{ "outputPath": "dist", "budgets": [ { "type": "script", "maximumError": "1KB" } ] }""");
        var result = BudgetCheck.Run(new CheckOptions(path));
        var warning = result.SizeDiagnostics().Single();
        Assert.That(warning.Code, Is.EqualTo("BB1004"));
        Assert.That(warning.Severity, Is.EqualTo(Severity.Warning));
        Assert.That(warning.Message, Does.Contain(_folder.Combine("dist")));
    }
}
