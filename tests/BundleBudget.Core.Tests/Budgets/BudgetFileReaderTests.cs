using BundleBudget.Core.Timings;
using System.Text;
using BundleBudget.Core.Budgets;
using BundleBudget.Core.Diagnostics;

namespace BundleBudget.Core.Tests.Budgets;

public class BudgetFileReaderTests
{
    private static readonly string BudgetPath = Path.GetFullPath(Path.Combine(Path.GetTempPath(), "project", "budget.json"));

    private static BudgetFileReadResult Parse(string json) => BudgetFileReader.Parse(BudgetPath, Encoding.UTF8.GetBytes(json));

    private static Diagnostic Single(BudgetFileReadResult result, string code)
    {
        Assert.That(result.Diagnostics.Select(d => d.Code), Does.Contain(code), string.Join("\n", result.Diagnostics));
        var diagnostic = result.Diagnostics.First(d => d.Code == code);
        Assert.That(diagnostic.File, Is.EqualTo(BudgetPath));
        return diagnostic;
    }

    [Test]
    public void Reads_the_full_form()
    {
        var result = Parse("""
            {
              "outputPath": "dist",
              "compression": "gzip",
              "budgets": [
                { "type": "script", "maximumWarning": "400KB", "maximumError": "500KB" },
                { "type": "image", "scope": "each", "maximumError": "200KB" },
                { "type": "font", "maximumError": "100KB" },
                { "type": "total", "maximumError": "2MB" },
                { "files": "assets/vendor-*.js", "maximumError": "150KB", "compression": "brotli" }
              ]
            }
            """);

        Assert.That(result.Diagnostics, Is.Empty);
        var file = result.File!;
        Assert.That(file.OutputPath, Is.EqualTo(Path.Combine(Path.GetDirectoryName(BudgetPath)!, "dist")));
        Assert.That(file.Compression, Is.EqualTo(Compression.Gzip));
        Assert.That(file.Budgets, Has.Count.EqualTo(5));

        var script = file.Budgets[0];
        Assert.That(script.Types, Is.EqualTo(new[] { BudgetType.Script }));
        Assert.That(script.MaximumWarning!.Value, Is.EqualTo(400_000));
        Assert.That(script.MaximumError!.Value, Is.EqualTo(500_000));
        Assert.That(script.Scope, Is.EqualTo(BudgetScope.Total));
        Assert.That(script.Location.Line, Is.EqualTo(5));
        Assert.That(script.Location.Column, Is.EqualTo(5));

        Assert.That(file.Budgets[1].Scope, Is.EqualTo(BudgetScope.Each));
        Assert.That(file.Budgets[3].Types, Is.EqualTo(new[] { BudgetType.Total }));
        var vendor = file.Budgets[4];
        Assert.That(vendor.Types, Is.Empty);
        Assert.That(vendor.Files!.Pattern, Is.EqualTo("assets/vendor-*.js"));
        Assert.That(vendor.Compression, Is.EqualTo(Compression.Brotli));
    }

    [Test]
    public void Reads_the_simple_form_of_performance_budget_write_ups()
    {
        var result = Parse("""
            { "budget": { "bundle_size": "< 500KB", "image_sizes": "< 200KB per image", "font_files": "< 100KB total" } }
            """);

        Assert.That(result.HasErrors, Is.False, string.Join("\n", result.Diagnostics));
        var budgets = result.File!.Budgets;
        Assert.That(budgets, Has.Count.EqualTo(3));
        Assert.That(budgets[0].Types, Is.EquivalentTo(new[] { BudgetType.Script, BudgetType.Stylesheet }));
        Assert.That(budgets[0].MaximumError!.Value, Is.EqualTo(500_000));
        Assert.That(budgets[0].Scope, Is.EqualTo(BudgetScope.Total));
        Assert.That(budgets[1].Types, Is.EqualTo(new[] { BudgetType.Image }));
        Assert.That(budgets[1].Scope, Is.EqualTo(BudgetScope.Each));
        Assert.That(budgets[1].MaximumError!.Value, Is.EqualTo(200_000));
        Assert.That(budgets[2].Types, Is.EqualTo(new[] { BudgetType.Font }));
        Assert.That(budgets[2].Scope, Is.EqualTo(BudgetScope.Total));
        Assert.That(budgets[2].MaximumError!.Value, Is.EqualTo(100_000));
    }

    [Test]
    public void Simple_form_keys_it_cannot_evaluate_are_named_in_a_warning_and_the_rest_still_apply()
    {
        var result = Parse("""
            {
              "budget": {
                "bundle_size": "< 500KB",
                "speed_index": "< 3s"
              }
            }
            """);

        var warning = Single(result, DiagnosticCodes.NotEvaluated);
        Assert.That(warning.Severity, Is.EqualTo(Severity.Warning));
        Assert.That(warning.Message, Does.Contain("speed_index"));
        Assert.That((warning.Line, warning.Column), Is.EqualTo((4, 5)));
        Assert.That(result.HasErrors, Is.False);
        Assert.That(result.File!.Budgets, Has.Count.EqualTo(1));
    }

    [Test]
    public void A_misspelled_simple_form_key_is_an_error_with_the_nearest_key()
    {
        var result = Parse("""{ "budget": { "bundel_size": "< 500KB" } }""");
        var error = Single(result, DiagnosticCodes.UnknownKey);
        Assert.That(error.Message, Does.Contain("\"bundle_size\""));
    }

    [Test]
    public void A_simple_form_value_that_is_not_a_limit_is_an_error()
    {
        var result = Parse("""{ "budget": { "bundle_size": "small please" } }""");
        var error = Single(result, DiagnosticCodes.InvalidSize);
        Assert.That(error.Message, Does.Contain("small please"));
    }

    [Test]
    public void Invalid_json_is_an_error_with_line_and_column()
    {
        var result = Parse("""
            {
              "budgets": [
                { "type": "script" "maximumError": "500KB" }
              ]
            }
            """);

        var error = Single(result, DiagnosticCodes.InvalidJson);
        Assert.That(error.Severity, Is.EqualTo(Severity.Error));
        Assert.That(error.Line, Is.EqualTo(3));
        Assert.That(error.Column, Is.GreaterThan(20));
        Assert.That(result.File, Is.Null);
    }

    [Test]
    public void An_empty_file_is_an_error()
    {
        Assert.That(Single(Parse(""), DiagnosticCodes.InvalidJson).Message, Does.Contain("empty"));
    }

    [Test]
    public void Comments_and_trailing_commas_are_allowed_as_in_other_config_files()
    {
        var result = Parse("""
            {
              // scripts first
              "budgets": [
                /* the main bundle */ { "type": "script", "maximumError": "500KB", },
              ],
            }
            """);
        Assert.That(result.Diagnostics, Is.Empty);
        Assert.That(result.File!.Budgets, Has.Count.EqualTo(1));
    }

    [Test]
    public void An_unknown_key_names_the_nearest_valid_one()
    {
        var result = Parse("""
            { "budgets": [
                { "type": "script", "maximumEror": "500KB" },
                { "type": "font", "maximumError": "100KB" }
            ] }
            """);
        var error = Single(result, DiagnosticCodes.UnknownKey);
        Assert.That(error.Message, Does.Contain("\"maximumEror\"").And.Contain("Did you mean \"maximumError\"?"));
        Assert.That((error.Line, error.Column), Is.EqualTo((2, 25)));
        Assert.That(result.File!.Budgets.Single().Types, Is.EqualTo(new[] { BudgetType.Font }), "the valid budget is kept");
    }

    [Test]
    public void An_unknown_top_level_key_names_the_nearest_valid_one()
    {
        var error = Single(Parse("""{ "outputpath": "dist", "budgets": [] }"""), DiagnosticCodes.UnknownKey);
        Assert.That(error.Message, Does.Contain("\"outputPath\""));
    }

    [Test]
    public void An_unknown_type_is_an_error_that_suggests_the_type_meant()
    {
        var error = Single(Parse("""{ "budgets": [ { "type": "scirpt", "maximumError": "1KB" } ] }"""), DiagnosticCodes.InvalidValue);
        Assert.That(error.Message, Does.Contain("\"scirpt\"").And.Contain("\"script\""));
        Assert.That(error.Column, Is.EqualTo(26));
    }

    [Test]
    public void A_type_may_be_a_list()
    {
        var result = Parse("""{ "budgets": [ { "type": ["script", "stylesheet"], "maximumError": "1KB" } ] }""");
        Assert.That(result.Diagnostics, Is.Empty);
        Assert.That(result.File!.Budgets[0].Types, Is.EqualTo(new[] { BudgetType.Script, BudgetType.Stylesheet }));
    }

    [TestCase("\"500 KBs\"", "500 KBs")]
    [TestCase("-5", "-5")]
    [TestCase("1.5", "1.5")]
    [TestCase("true", "true")]
    public void A_bad_size_is_an_error_at_its_value(string value, string quoted)
    {
        var error = Single(Parse($$"""{ "budgets": [ { "type": "script", "maximumError": {{value}} } ] }"""), DiagnosticCodes.InvalidSize);
        Assert.That(error.Message, Does.Contain(quoted));
        Assert.That(error.Column, Is.EqualTo(52));
    }

    [Test]
    public void A_budget_without_a_limit_is_an_error()
    {
        var error = Single(Parse("""{ "budgets": [ { "type": "script" } ] }"""), DiagnosticCodes.IncompleteBudget);
        Assert.That(error.Message, Does.Contain("no limit"));
    }

    [Test]
    public void A_budget_without_type_or_files_is_an_error()
    {
        var error = Single(Parse("""{ "budgets": [ { "maximumError": "1KB" } ] }"""), DiagnosticCodes.IncompleteBudget);
        Assert.That(error.Message, Does.Contain("\"type\"").And.Contain("\"files\""));
    }

    [Test]
    public void A_file_without_budgets_is_an_error()
    {
        Single(Parse("""{ "outputPath": "dist" }"""), DiagnosticCodes.IncompleteBudget);
    }

    [Test]
    public void A_warning_limit_above_the_error_limit_is_a_warning()
    {
        var warning = Single(Parse("""{ "budgets": [ { "type": "script", "maximumWarning": "600KB", "maximumError": "500KB" } ] }"""), DiagnosticCodes.WarningNotBelowError);
        Assert.That(warning.Severity, Is.EqualTo(Severity.Warning));
    }

    [Test]
    public void Unknown_compression_and_scope_are_errors()
    {
        var result = Parse("""{ "compression": "zip", "budgets": [ { "type": "script", "scope": "every", "maximumError": "1KB" } ] }""");
        var messages = result.Diagnostics.Where(d => d.Code == DiagnosticCodes.InvalidValue).Select(d => d.Message).ToList();
        Assert.That(messages, Has.Some.Contains("compression \"zip\""));
        Assert.That(messages, Has.Some.Contains("scope \"every\""));
    }

    [Test]
    public void An_invalid_glob_is_an_error()
    {
        var error = Single(Parse("""{ "budgets": [ { "files": "/abs/*.js", "maximumError": "1KB" } ] }"""), DiagnosticCodes.InvalidGlob);
        Assert.That(error.Message, Does.Contain("/abs/*.js"));
    }

    [Test]
    public void Another_schema_version_is_an_error()
    {
        Single(Parse("""{ "schemaVersion": 2, "budgets": [ { "type": "script", "maximumError": 1 } ] }"""), DiagnosticCodes.UnsupportedSchemaVersion);
        Assert.That(Parse("""{ "schemaVersion": 1, "budgets": [ { "type": "script", "maximumError": 1 } ] }""").HasErrors, Is.False);
    }

    [Test]
    public void A_root_that_is_not_an_object_is_an_error()
    {
        Single(Parse("""[ { "type": "script" } ]"""), DiagnosticCodes.InvalidValue);
    }

    [Test]
    public void Deeply_nested_json_is_an_error_not_a_crash()
    {
        var json = new string('[', 100_000) + new string(']', 100_000);
        Single(Parse(json), DiagnosticCodes.InvalidJson);
    }

    [Test]
    public void A_missing_file_is_an_error_that_names_it()
    {
        var missing = Path.Combine(Path.GetTempPath(), "no-such-folder-" + Guid.NewGuid(), "budget.json");
        var result = BudgetFileReader.Read(missing);
        Assert.That(result.Diagnostics.Single().Code, Is.EqualTo(DiagnosticCodes.BudgetFileNotFound));
        Assert.That(result.Diagnostics.Single().Message, Does.Contain(missing));
    }

    [Test]
    public void Columns_count_characters_not_bytes()
    {
        var error = Single(Parse("""{ "name€": 1, "budgets": [] }"""), DiagnosticCodes.UnknownKey);
        Assert.That(error.Column, Is.EqualTo(3));
        var second = Single(Parse("{ \"budgets\": [ { \"name\": \"€€\", \"tpye\": \"script\" } ] }"), DiagnosticCodes.UnknownKey);
        Assert.That(second.Column, Is.EqualTo(32));
    }

    [Test]
    public void Duplicate_keys_are_errors_BB9012_wherever_they_are()
    {
        var result = Parse("""
            {
              "budgets": [ { "type": "script", "maximumError": "1B", "maximumError": "1MB" } ],
              "budgets": [],
              "budget": { "bundle_size": "< 1KB", "Bundle_Size": "< 1MB" }
            }
            """);
        var duplicates = result.Diagnostics.Where(d => d.Code == DiagnosticCodes.DuplicateKey).Select(d => (d.Line, d.Message)).ToList();
        Assert.That(duplicates, Has.Count.EqualTo(3));
        Assert.That(duplicates, Has.Some.Matches<(int Line, string Message)>(d => d.Line == 2 && d.Message.Contains("\"maximumError\"")));
        Assert.That(duplicates, Has.Some.Matches<(int Line, string Message)>(d => d.Line == 3 && d.Message.Contains("\"budgets\"")));
        Assert.That(duplicates, Has.Some.Matches<(int Line, string Message)>(d => d.Line == 4 && d.Message.Contains("\"Bundle_Size\"")));
    }

    [TestCase("""{ "budgets": [] }""")]
    [TestCase("""{ "budget": {} }""")]
    [TestCase("""{ "images": { "maxWidth": 100 } }""")]
    [TestCase("""{ "fonts": { "maxFiles": 2 }, "budgets": [] }""")]
    public void A_file_whose_budgets_are_empty_is_error_BB9005(string json)
    {
        Assert.That(Single(Parse(json), DiagnosticCodes.IncompleteBudget).Message, Does.Contain("defines no budget"));
    }

    [Test]
    public void A_file_with_only_import_rules_asks_for_the_import_analysis_and_is_no_error()
    {
        Assert.That(Parse("""{ "imports": { "severity": "error" } }""").Diagnostics, Is.Empty);
    }

    [Test]
    public void An_output_path_that_is_no_path_is_an_error_not_a_crash()
    {
        var error = Single(Parse("""{ "outputPath": "a\u0000b", "budgets": [ { "type": "script", "maximumError": 1 } ] }"""), DiagnosticCodes.InvalidValue);
        Assert.That(error.Message, Does.Contain("outputPath"));
    }

    [Test]
    public void Text_that_is_not_valid_UTF_8_is_BB9013_naming_the_encoding_and_a_lone_surrogate_is_BB9001()
    {
        byte[] invalid = [.. "{ \"name\": \""u8.ToArray(), 0xE9, 0x74, 0xE9, .. "\", \"budgets\": [] }"u8.ToArray()];
        var result = BudgetFileReader.Parse(BudgetPath, invalid);
        var error = result.Diagnostics.Single();
        Assert.That(error.Code, Is.EqualTo(DiagnosticCodes.UnsupportedEncoding));
        Assert.That(error.Message, Does.Contain("not UTF-8").And.Contain("0xE9").And.Contain("Windows-1252"));
        Assert.That((error.Line, error.Column), Is.EqualTo((1, 12)));

        Single(Parse("""{ "budgets": [ { "name": "\uD800", "type": "script", "maximumError": 1 } ] }"""), DiagnosticCodes.InvalidJson);
    }

    [Test]
    public void A_syntax_error_column_counts_characters_after_non_ascii_text()
    {
        var error = Single(Parse("""{ "name": "ééééé", "type": "script" "maximumError": 1 }"""), DiagnosticCodes.InvalidJson);
        Assert.That((error.Line, error.Column), Is.EqualTo((1, 37)));
    }

    [TestCase("< 170KB gzipped", Compression.Gzip, BudgetScope.Total)]
    [TestCase("< 150 KB brotli", Compression.Brotli, BudgetScope.Total)]
    [TestCase("< 500KB minified", Compression.Raw, BudgetScope.Total)]
    [TestCase("< 200KB per image", Compression.Brotli, BudgetScope.Each)]
    public void The_simple_form_reads_the_compression_a_write_up_states(string limit, Compression expected, BudgetScope scope)
    {
        var result = Parse($$"""{ "compression": "brotli", "budget": { "bundle_size": "{{limit}}" } }""");
        Assert.That(result.Diagnostics, Is.Empty);
        Assert.That(result.File!.Budgets.Single().Compression, Is.EqualTo(expected));
        Assert.That(result.File.Budgets.Single().Scope, Is.EqualTo(scope));
    }

    [TestCase("< 3s on a slow mobile network", "slow-4g", 3000)]
    [TestCase("<= 2500ms on slow 3G", "slow-3g", 2500)]
    [TestCase("< 1.5 s over 4G", "4g", 1500)]
    [TestCase("< 5 seconds on fast 3G", "fast-3g", 5000)]
    public void The_simple_form_initial_page_load_is_a_load_time_budget_on_each_page(string value, string network, double milliseconds)
    {
        var result = Parse($$"""{ "budget": { "initial_page_load": "{{value}}" } }""");
        Assert.That(result.Diagnostics, Is.Empty);
        var budget = result.File!.Budgets.Single();
        Assert.That(budget.IsInitial, Is.True);
        Assert.That(budget.Network!.Name, Is.EqualTo(network));
        Assert.That(budget.MaximumError, Is.EqualTo(new Limit((long)milliseconds, LimitUnit.Milliseconds, BundleBudget.Core.Pages.NetworkProfile.FormatMilliseconds(milliseconds))));
        Assert.That(budget.Unit, Is.EqualTo(LimitUnit.Milliseconds));
        Assert.That(budget.Location.Line, Is.EqualTo(1));
    }

    [Test]
    public void The_simple_forms_browser_metrics_are_timing_budgets_on_each_page_and_fid_and_inp_go_through_tbt()
    {
        var result = Parse("""
            { "budget": { "initial_page_load": "< 3s", "time_to_interactive": "< 5s", "lcp": "< 2.5s", "cls": "< 0.1", "lighthouse_score": "> 90", "fid": "< 100ms", "INP": 200 } }
            """);

        Assert.That(result.Diagnostics.Select(d => d.Message), Has.Exactly(1).Contains("\"INP\" is a limit such as \"< 2.5s\""), "a bare number is no time");
        var budgets = result.File!.Budgets;
        Assert.That(budgets.Select(b => (b.Metric, b.MaximumError!.Value, b.MaximumError.Unit)), Is.EqualTo(new[]
        {
            ((BudgetMetric?)BudgetMetric.Load, 3000L, LimitUnit.Milliseconds),
            (BudgetMetric.Tti, 5000L, LimitUnit.Milliseconds),
            (BudgetMetric.Lcp, 2500L, LimitUnit.Milliseconds),
            (BudgetMetric.Cls, 100L, LimitUnit.Shift),
            (BudgetMetric.Score, 90L, LimitUnit.Score),
            (BudgetMetric.Tbt, 100L, LimitUnit.Milliseconds),
        }));
        Assert.That(budgets.All(b => b.IsTiming), Is.True, "\"< 3s\" without a network is the load measured; with one it is the estimate");
        Assert.That(budgets[5].Label, Does.StartWith("fid (as TBT: FID needs a user; Total Blocking Time is its lab proxy)"));
    }

    [TestCase("< 3s on dial-up")]
    [TestCase("fast please")]
    public void A_load_time_that_cannot_be_read_is_an_error(string value)
    {
        Single(Parse($$"""{ "budget": { "initial_page_load": "{{value}}" } }"""), DiagnosticCodes.InvalidValue);
    }

    [Test]
    public void The_full_form_takes_a_network_and_time_limits_on_initial_budgets()
    {
        var result = Parse("""{ "budgets": [ { "type": "initial", "network": "slow-4g", "maximumWarning": "2s", "maximumError": "3000ms" } ] }""");
        Assert.That(result.Diagnostics, Is.Empty);
        var budget = result.File!.Budgets.Single();
        Assert.That((budget.MaximumWarning!.Value, budget.MaximumError!.Value, budget.Unit), Is.EqualTo((2000L, 3000L, LimitUnit.Milliseconds)));
        Assert.That((budget.DescribeWarningLimit, budget.DescribeErrorLimit), Is.EqualTo(("2.0 s", "3.0 s")));
        Assert.That(budget.Label, Is.EqualTo("initial (each page) on slow-4g"));

        Single(Parse("""{ "budgets": [ { "type": "initial", "network": "slow-4g", "maximumError": "300KB" } ] }"""), DiagnosticCodes.InvalidSize);
        Single(Parse("""{ "budgets": [ { "type": "script", "network": "slow-4g", "maximumError": "3s" } ] }"""), DiagnosticCodes.InvalidValue);
        Single(Parse("""{ "budgets": [ { "type": "initial", "network": "carrier-pigeon", "maximumError": "3s" } ] }"""), DiagnosticCodes.InvalidValue);
    }
}
