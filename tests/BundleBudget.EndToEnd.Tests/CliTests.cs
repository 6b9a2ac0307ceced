using System.Text.Json;

namespace BundleBudget.EndToEnd.Tests;

/// <summary>The bundle-budget command as CI runs it: a process, its output and its exit code.</summary>
public class CliTests
{
    private static readonly string Cli = Path.Combine(TestContext.CurrentContext.TestDirectory, "bundle-budget.dll");

    private TemporaryFolder _folder = null!;

    [SetUp]
    public void SetUp() => _folder = new TemporaryFolder();

    [TearDown]
    public void TearDown() => _folder.Dispose();

    private ProcessResult Run(params string[] arguments) => ProcessRunner.Dotnet(_folder.Path, [Cli, .. arguments]);

    private string WriteBudget(string budgets) => _folder.Write("budget.json", $$"""
        { "outputPath": {{JsonSerializer.Serialize(TestAssets.ViteDist)}}, "budgets": [ {{budgets}} ] }
        """);

    [Test]
    public void Measure_loads_the_pages_in_the_installed_browser_and_fails_a_timing_budget_they_exceed()
    {
        _folder.Write("budget.json", $$"""
            { "outputPath": {{JsonSerializer.Serialize(Path.Combine(TestAssets.Folder, "timing-pages"))}}, "entries": ["long-task/index.html"],
              "budgets": [ { "type": "timing", "metric": "tbt", "maximumError": "100ms" }, { "type": "timing", "metric": "lcp", "maximumError": "10s" } ], "imports": { "rules": "none" } }
            """);

        var unmeasured = Run("check");
        Assert.That(unmeasured.ExitCode, Is.Zero, unmeasured.ToString());
        Assert.That(unmeasured.StandardOutput, Does.Contain("warning BB4003").And.Contain("INCOMPLETE"), "never a pass on nothing measured");

        var result = Run("check", "--measure", "--runs", "1", "--device", "desktop", "--markdown", _folder.Combine("comment.md"), "--json", _folder.Combine("report.json"));
        Assert.That(result.ExitCode, Is.EqualTo(1), result.ToString());
        Assert.That(result.Output, Does.Contain("error BB1001: Budget 'tbt (each page)' exceeded: long-task/index.html's Total Blocking Time is"));
        Assert.That(result.StandardOutput, Does.Match(@"ok\s+lcp \(each page\)"));
        Assert.That(File.ReadAllText(_folder.Combine("comment.md")), Does.Contain("**Page timings** (desktop, median of 1 runs"));
        using var report = JsonDocument.Parse(File.ReadAllText(_folder.Combine("report.json")));
        Assert.That(report.RootElement.GetProperty("timings").GetProperty("pages")[0].GetProperty("metrics").GetProperty("tbt").GetProperty("median").GetDouble(), Is.InRange(200, 400));

        var noBrowser = Run("check", "--measure", "--browser", _folder.Combine("no-such-chrome"));
        Assert.That(noBrowser.ExitCode, Is.EqualTo(2), noBrowser.ToString());
        Assert.That(noBrowser.Output, Does.Contain("error BB4001: Pages cannot be measured: The browser named for measuring"));
    }

    [Test]
    public void Compare_measure_runs_base_and_head_interleaved_and_fails_a_regression_beyond_the_noise()
    {
        var pages = Path.Combine(TestAssets.Folder, "timing-pages", "long-task");
        Directory.CreateDirectory(_folder.Combine("base", "long-task"));
        Directory.CreateDirectory(_folder.Combine("head", "long-task"));
        var page = File.ReadAllText(Path.Combine(pages, "index.html"));
        File.WriteAllText(_folder.Combine("base", "long-task", "index.html"), page);
        File.WriteAllText(_folder.Combine("head", "long-task", "index.html"), page.Replace("performance.now() + 300", "performance.now() + 700", StringComparison.Ordinal));
        _folder.Write("budget.json", """
            { "timings": { "runs": 3, "device": "desktop" },
              "budgets": [ { "type": "timing", "metric": "tbt", "maximumRegression": "100ms" }, { "type": "timing", "metric": "cls", "maximumRegression": 0.05 } ], "imports": { "rules": "none" } }
            """);

        var result = Run("compare", "--measure", "base", "head", "--json", _folder.Combine("timing.json"));

        Assert.That(result.ExitCode, Is.EqualTo(1), result.ToString());
        Assert.That(result.StandardOutput, Does.Contain("## BundleBudget: :x: a page timing regressed"));
        Assert.That(result.StandardOutput, Does.Contain(":x: Budget 'tbt (each page)' regressed: long-task/index.html's tbt went from"));
        using var json = JsonDocument.Parse(File.ReadAllText(_folder.Combine("timing.json")));
        var tbt = json.RootElement.GetProperty("pages")[0].GetProperty("metrics").GetProperty("tbt");
        Assert.That(tbt.GetProperty("change").GetDouble(), Is.InRange(300, 500), "a 700 ms task blocks about 400 ms longer than a 300 ms one");
        Assert.That(tbt.GetProperty("low").GetDouble(), Is.GreaterThan(100));
        var verdicts = json.RootElement.GetProperty("verdicts").EnumerateArray().ToDictionary(v => v.GetProperty("budget").GetString()!, v => v.GetProperty("status").GetString());
        Assert.That(verdicts, Is.EqualTo(new Dictionary<string, string?> { ["tbt (each page)"] = "error", ["cls (each page)"] = "pass" }));
    }

    [Test]
    public void The_bundled_sample_is_within_budget_with_warnings_and_exits_0()
    {
        var result = ProcessRunner.Dotnet(TestAssets.RepositoryRoot, Cli, "check", "--budget", "testassets/vite-app/budget.json", "--cache", _folder.Combine("cache.json"));
        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        Assert.That(result.StandardOutput, Does.Contain("BundleBudget: within budget, with warnings (6 budgets, 0 errors, 3 warnings)."));
        Assert.That(result.StandardOutput, Does.Contain("warning BB3003: assets/hero-BWnkITgT.png takes 1.78 bytes per pixel"));
        Assert.That(result.StandardOutput, Does.Contain("warning BB3011: assets/inter-latin-400-normal-CyCys3Eg.woff (WOFF, 30.7 kB): every @font-face that names it lists WOFF2 before it"));
        Assert.That(result.StandardOutput, Does.Match(@"warning BB1002: Budget 'image \(each\)' exceeded: assets/hero-BWnkITgT\.png is 184\.8 kB raw"));
        Assert.That(result.StandardOutput, Does.Contain("1 kB = 1000 bytes"));
    }

    [Test]
    public void Several_budget_files_are_checked_into_one_report_with_a_section_per_project_and_the_worst_exit_code()
    {
        var within = _folder.Write("web/budget.json", $$"""{ "outputPath": {{JsonSerializer.Serialize(TestAssets.ViteDist)}}, "budgets": [ { "type": "script", "maximumError": "1MB" } ], "imports": { "rules": "none" } }""");
        var over = _folder.Write("admin/budget.json", $$"""{ "outputPath": {{JsonSerializer.Serialize(TestAssets.ViteDist)}}, "budgets": [ { "type": "script", "maximumError": "10KB" } ], "imports": { "rules": "none" } }""");
        var json = _folder.Combine("reports", "solution.json");
        var markdown = _folder.Combine("reports", "solution.md");

        var result = Run("check", "--budget", within, "--budget", over, "--json", json, "--markdown", markdown, "--quiet");

        Assert.That(result.ExitCode, Is.EqualTo(1), result.ToString());
        Assert.That(result.StandardOutput, Does.Contain($"== {within}").And.Contain($"== {over}"));
        Assert.That(result.StandardOutput, Does.Contain("BundleBudget: 2 projects: 1 over budget or not valid, 1 within budget."));
        using var report = JsonDocument.Parse(File.ReadAllText(json));
        var projects = report.RootElement.GetProperty("projects").EnumerateArray().ToList();
        Assert.That(projects.Select(p => p.GetProperty("summary").GetProperty("status").GetString()), Is.EqualTo(new[] { "warning", "error" }), "the sample's image warnings; the 10 KB limit");
        var comment = File.ReadAllText(markdown);
        Assert.That(comment, Does.StartWith("## BundleBudget: :x: 2 projects"));
        Assert.That(comment, Does.Contain("### web: :warning: within budget").And.Contain("### admin: :x: over budget"));

        var usage = Run("check", "--budget", within, "--budget", over, "--dir", TestAssets.ViteDist);
        Assert.That(usage.ExitCode, Is.EqualTo(2));
        Assert.That(usage.StandardError, Does.Contain("--dir names one project's folder"));
    }

    [Test]
    public void Over_budget_exits_1_with_canonical_error_lines_and_writes_both_reports()
    {
        var budget = WriteBudget("""{ "type": "script", "maximumError": "10KB" }""");
        var json = _folder.Combine("reports", "bundle-budget.json");
        var markdown = _folder.Combine("reports", "bundle-budget.md");
        var html = _folder.Combine("reports", "bundle-budget.html");

        var result = Run("check", "--budget", budget, "--json", json, "--markdown", markdown, "--html", html);

        Assert.That(result.ExitCode, Is.EqualTo(1), result.ToString());
        Assert.That(result.StandardError, Does.Contain($"{budget}(1,"));
        Assert.That(result.StandardError, Does.Contain("): error BB1001: Budget 'script' exceeded"));
        Assert.That(result.StandardOutput, Does.Contain("BundleBudget: over budget"));
        using var report = JsonDocument.Parse(File.ReadAllText(json));
        Assert.That(report.RootElement.GetProperty("summary").GetProperty("status").GetString(), Is.EqualTo("error"));
        Assert.That(File.ReadAllText(markdown), Does.StartWith("## BundleBudget: :x: over budget"));
        Assert.That(File.ReadAllText(html), Does.StartWith("<!doctype html>").And.Contains("<title>BundleBudget: over budget</title>").And.Contains("id=\"bb-data\""));
        Assert.That(File.Exists(_folder.Combine("reports", "bundle-budget.cache.bin")), Is.True, "the cache lives next to the report");
    }

    [Test]
    public void Dir_overrides_the_output_path_and_brotli_measures_every_file()
    {
        var budget = _folder.Write("budget.json", """{ "outputPath": "nowhere", "budgets": [ { "type": "script", "maximumError": "500KB" } ] }""");
        var json = _folder.Combine("report.json");
        var result = Run("check", "--budget", budget, "--dir", TestAssets.ViteDist, "--brotli", "--json", json, "--quiet");

        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        Assert.That(result.StandardOutput.Trim().Split('\n')[^1], Is.EqualTo("BundleBudget: within budget, with warnings (1 budget, 0 errors, 3 warnings)."), "BB3003, BB3011 and BB2005: no source beside this budget.json");
        Assert.That(result.StandardOutput, Does.Contain("warning BB2005: No front-end source file was found in the usual places beside budget.json"));
        using var report = JsonDocument.Parse(File.ReadAllText(json));
        var main = report.RootElement.GetProperty("assets").EnumerateArray().Single(a => a.GetProperty("path").GetString() == "assets/main-C17BpASX.js");
        Assert.That(main.GetProperty("brotli").GetInt64(), Is.EqualTo(7804));
    }

    [Test]
    public void A_malformed_budget_exits_2()
    {
        var budget = _folder.Write("budget.json", "{ \"budgets\": [ { \"type\": \"script\", \"maximumError\": \"5 parsecs\" } ] }");
        var result = Run("check", "--budget", budget, "--dir", TestAssets.ViteDist);
        Assert.That(result.ExitCode, Is.EqualTo(2), result.ToString());
        Assert.That(result.StandardError, Does.Contain($"{budget}(1,52): error BB9004"));
    }

    [Test]
    public void A_missing_budget_file_exits_2_naming_it()
    {
        var result = Run("check", "--budget", "no-such-budget.json");
        Assert.That(result.ExitCode, Is.EqualTo(2));
        Assert.That(result.StandardError, Does.Contain("error BB9006: Budget file not found: " + _folder.Combine("no-such-budget.json")));
    }

    [Test]
    public void A_missing_output_folder_exits_2()
    {
        var budget = _folder.Write("budget.json", """{ "outputPath": "dist", "budgets": [ { "type": "script", "maximumError": "1KB" } ] }""");
        var result = Run("check", "--budget", budget);
        Assert.That(result.ExitCode, Is.EqualTo(2));
        Assert.That(result.StandardError, Does.Contain("error BB9007"));
    }

    [TestCase("Unrecognized command or argument '--frobnicate'.", "check", "--frobnicate")]
    [TestCase("Required argument missing for option: '--json'.", "check", "--json")]
    [TestCase("Unrecognized command or argument 'inspect'.", "inspect")]
    [TestCase("Required argument missing for command: 'compare'.", "compare")]
    [TestCase("Unrecognized command or argument 'c.json'.", "compare", "a.json", "b.json", "c.json")]
    [TestCase("--normalize-filenames: \"([a-z\" is not a regular expression", "compare", "a.json", "--normalize-filenames", "([a-z")]
    public void Bad_usage_exits_2_naming_the_problem_with_the_usage_on_stderr(string problem, params string[] arguments)
    {
        var result = Run(arguments);
        Assert.That(result.ExitCode, Is.EqualTo(2), result.ToString());
        Assert.That(result.StandardError, Does.Contain(problem));
        Assert.That(result.StandardError, Does.Contain("Usage:\n  bundle-budget "));
        Assert.That(result.StandardOutput, Is.Empty, "stdout may be a report being piped");
    }

    [Test]
    public void An_unknown_option_exits_2_naming_it_and_suggesting_the_nearest()
    {
        var result = Run("check", "--budgte", "budget.json");
        Assert.That(result.ExitCode, Is.EqualTo(2), result.ToString());
        Assert.That(result.StandardError, Does.Contain("Unrecognized command or argument '--budgte'."));
        Assert.That(result.StandardError, Does.Contain("'--budgte' was not matched. Did you mean one of the following?\n--budget\n"));
    }

    [TestCase("--threshold-bytes", "1.5", "--threshold-bytes needs a whole number of bytes.")]
    [TestCase("--threshold-bytes", "-1", "--threshold-bytes needs a whole number of bytes.")]
    [TestCase("--threshold-percent", "-0.5", "--threshold-percent needs a number such as 0.5.")]
    [TestCase("--threshold-percent", "half", "--threshold-percent needs a number such as 0.5.")]
    public void A_bad_threshold_exits_2_before_any_report_is_read(string option, string value, string message)
    {
        var result = Run("compare", _folder.Combine("no-such-head.json"), option, value);
        Assert.That(result.ExitCode, Is.EqualTo(2), result.ToString());
        Assert.That(result.StandardError, Does.Contain(message));
        Assert.That(result.StandardError, Does.Not.Contain("BB9006"), "a usage error, found before the head report is read");
    }

    [Test]
    public void Help_and_version_exit_0()
    {
        var help = Run("--help");
        Assert.That(help.ExitCode, Is.Zero);
        Assert.That(help.StandardOutput, Does.Contain("Exit codes: 0 within budget"));
        Assert.That(help.StandardOutput, Does.Contain("At most 20 findings of one code are printed"));
        Assert.That(help.StandardOutput, Does.Contain("GITHUB_STEP_SUMMARY"));
        Assert.That(help.StandardOutput, Does.Contain("1 kB = 1000 bytes (SI)"));
        Assert.That(Run("help").StandardOutput, Is.EqualTo(help.StandardOutput), "bundle-budget help, as before System.CommandLine");
        var version = Run("--version");
        Assert.That(version.ExitCode, Is.Zero);
        Assert.That(version.StandardOutput.Trim(), Is.EqualTo(BundleBudget.Core.CheckResult.ToolVersion));
    }

    [Test]
    public void No_arguments_print_the_help_and_exit_2()
    {
        var result = Run();
        Assert.That(result.ExitCode, Is.EqualTo(2));
        Assert.That(result.StandardOutput, Does.Contain("Usage:"));
        Assert.That(result.StandardOutput, Does.Contain("check").And.Contain("compare"));
    }

    [TestCase("check", "--budget <FILE>", "--dir <DIR>", "--json <FILE>", "--markdown <FILE>", "--sarif <FILE>", "--html <FILE>", "--brotli", "--cache <FILE>", "--strict", "--quiet", "[default: budget.json]", "Exit codes: 0 within budget")]
    [TestCase("compare", "<reports>", "--markdown <FILE>", "--json <FILE>", "--threshold-percent <P>", "--threshold-bytes <B>", "[default: 0.5]", "[default: 100]", "Exit codes: 0, or 2")]
    public void Help_of_each_command_exits_0_and_lists_its_options(string command, params string[] expected)
    {
        foreach (var help in new[] { "--help", "-h", "-?" })
        {
            var result = Run(command, help);
            Assert.That(result.ExitCode, Is.Zero, result.ToString());
            Assert.That(result.StandardOutput, Does.Contain($"bundle-budget {command}"));
            foreach (var text in expected)
            {
                Assert.That(result.StandardOutput, Does.Contain(text), $"{command} {help}");
            }
        }
    }

    [Test]
    public void A_response_file_holds_the_arguments()
    {
        var budget = WriteBudget("""{ "type": "script", "maximumError": "10KB" }""");
        var json = _folder.Combine("from rsp", "report.json");
        _folder.Write("args.rsp", $"""
            # the arguments of CI's check, one or more a line
            check --budget "{budget}"
            --json "{json}"
            --quiet
            """);

        var result = Run("@args.rsp");

        Assert.That(result.ExitCode, Is.EqualTo(1), result.ToString());
        Assert.That(result.StandardError, Does.Contain("): error BB1001: Budget 'script' exceeded"));
        Assert.That(result.StandardOutput.Trim().Split('\n')[^1], Does.StartWith("BundleBudget: over budget"), "--quiet came from the file too");
        Assert.That(File.Exists(json), Is.True);
    }

    [Test]
    public void A_report_that_cannot_be_written_is_a_warning_and_the_exit_code_stays_that_of_the_budgets()
    {
        var budget = WriteBudget("""{ "type": "script", "maximumError": "10KB" }""");
        var folderInTheWay = _folder.Combine("report.json");
        Directory.CreateDirectory(folderInTheWay);

        var result = Run("check", "--budget", budget, "--json", folderInTheWay);

        Assert.That(result.ExitCode, Is.EqualTo(1), result.ToString());
        Assert.That(result.StandardError, Does.Contain($"warning BB9031: The JSON report could not be written to {folderInTheWay}: "));
        Assert.That(Directory.GetFiles(_folder.Path, "*.tmp"), Is.Empty);
    }

    [Test]
    public void Compare_prints_the_pull_request_comment_and_writes_markdown_and_json()
    {
        string Report(string fixture)
        {
            var budget = _folder.Write($"{fixture}.json", $$"""{ "outputPath": {{JsonSerializer.Serialize(Path.Combine(TestAssets.Folder, fixture, "dist"))}}, "budgets": [ { "type": "script", "maximumError": "12KB" } ] }""");
            var json = _folder.Combine($"{fixture}.report.json");
            Assert.That(Run("check", "--budget", budget, "--json", json, "--quiet").ExitCode, Is.LessThanOrEqualTo(1));
            return json;
        }

        var baseReport = Report("vite-app");
        var headReport = Report("vite-app-head");
        var markdown = _folder.Combine("comment.md");
        var json = _folder.Combine("comparison.json");

        var result = Run("compare", baseReport, headReport, "--markdown", markdown, "--json", json);

        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        Assert.That(result.StandardOutput, Does.Contain("| script | :white_check_mark: → :x: |"));
        Assert.That(File.ReadAllText(markdown), Does.StartWith("<!-- bundle-budget-comment -->"));
        using var comparison = JsonDocument.Parse(File.ReadAllText(json));
        Assert.That(comparison.RootElement.GetProperty("hasBase").GetBoolean(), Is.True);
        Assert.That(comparison.RootElement.GetProperty("assets").EnumerateArray().Select(a => a.GetProperty("headPath").GetString()), Does.Contain("assets/settings-BqGBjycH.js"));

        var firstReport = Run("compare", _folder.Combine("no-base.json"), headReport);
        Assert.That(firstReport.ExitCode, Is.Zero);
        Assert.That(firstReport.StandardError, Does.Contain("no base report at"));
        Assert.That(firstReport.StandardOutput, Does.Contain("first report: no base to compare with"));

        Assert.That(Run("compare", _folder.Combine("missing-head.json")).ExitCode, Is.EqualTo(2));
        Assert.That(Run("compare").ExitCode, Is.EqualTo(2));
    }

    [Test]
    public void Check_with_a_baseline_prints_what_changed_since_and_a_bad_baseline_is_a_warning()
    {
        string Budget(string fixture) => _folder.Write($"{fixture}.json", $$"""{ "outputPath": {{JsonSerializer.Serialize(Path.Combine(TestAssets.Folder, fixture, "dist"))}}, "budgets": [ { "type": "script", "maximumError": "500KB" } ] }""");
        var baseline = _folder.Combine("base.json");
        Assert.That(Run("check", "--budget", Budget("vite-app"), "--json", baseline, "--quiet").ExitCode, Is.Zero);

        var result = Run("check", "--budget", Budget("vite-app-head"), "--baseline", baseline, "--sarif", _folder.Combine("head.sarif"), "--quiet");

        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        Assert.That(result.StandardOutput, Does.Contain($"BundleBudget: compared with {baseline}: total -36.1 kB (-13.5%), now 230.9 kB."));
        Assert.That(result.StandardOutput, Does.Contain("script: 10.4 kB -> 14.0 kB (+3.6 kB, +34.7%)"));
        Assert.That(result.StandardOutput, Does.Contain("assets/settings-BqGBjycH.js: +341 B (added)"));
        Assert.That(File.Exists(_folder.Combine("head.sarif")), Is.True);

        var garbage = _folder.Write("garbage.json", "[1, 2]");
        var bad = Run("check", "--budget", Budget("vite-app-head"), "--baseline", garbage, "--json", _folder.Combine("head.json"), "--quiet");
        Assert.That(bad.ExitCode, Is.Zero, "a baseline is information: it never changes the verdict");
        Assert.That(bad.StandardError, Does.Contain($"{garbage}: warning BB9006: The baseline report cannot be read"));
        Assert.That(File.Exists(_folder.Combine("head.json")), Is.True, "the reports are written all the same");
    }

    [Test]
    public void Check_from_and_import_take_the_budgets_of_size_limit_and_bundlewatch_with_their_verdicts()
    {
        var configs = Path.Combine(TestAssets.Folder, "peer-configs");

        var from = Run("check", "--from", Path.Combine(configs, ".size-limit.json"), "--quiet");

        Assert.That(from.ExitCode, Is.EqualTo(1), from.ToString());
        Assert.That(from.StandardError + from.StandardOutput, Does.Contain(".size-limit.json(3,").And.Contain("error BB1001: Budget 'size-limit: main gzip' exceeded"));

        var target = _folder.Combine("imported", "budget.json");
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        var imported = Run("import", Path.Combine(configs, "bundlewatch.config.json"), "--output", target);

        Assert.That(imported.ExitCode, Is.Zero, imported.ToString());
        Assert.That(imported.StandardOutput, Does.Contain($"bundle-budget: wrote {target}: 7 budgets from bundlewatch.config.json."));
        using (var written = JsonDocument.Parse(File.ReadAllText(target)))
        {
            Assert.That(written.RootElement.GetProperty("budgets")[1].GetProperty("maximumError").GetInt64(), Is.EqualTo(8704), "bundlewatch's 8.5kB, in bytes");
        }

        var check = Run("check", "--budget", target, "--quiet");
        Assert.That(check.ExitCode, Is.EqualTo(1), "bundlewatch fails shared-*.css and the path that matches nothing");
        Assert.That(check.StandardError + check.StandardOutput, Does.Contain("error BB1003").And.Contain("shared-BpKONsYX.css is 1.2 kB raw, limit 1.0 kB"));

        Assert.That(Run("import", Path.Combine(configs, "bundlewatch.config.json"), "--output", target).ExitCode, Is.EqualTo(2), "an existing budget.json is kept without --force");
        Assert.That(Run("check", "--from", Path.Combine(configs, ".size-limit.json"), "--budget", target, "--budget", target).ExitCode, Is.EqualTo(2), "--from is one config on its own");
        Assert.That(Run("import", Path.Combine(configs, "bundlewatch.config.json"), "--output", target, "--force").ExitCode, Is.Zero);
    }

    [Test]
    public void MaximumGrowth_fails_a_pull_request_that_grows_a_budget_too_much_and_the_first_one_passes()
    {
        string Budget(string fixture) => _folder.Write($"{fixture}.json", $$"""{ "outputPath": {{JsonSerializer.Serialize(Path.Combine(TestAssets.Folder, fixture, "dist"))}}, "budgets": [ { "type": "script", "maximumGrowth": "10%" } ] }""");
        var baseline = _folder.Combine("base.json");
        var first = Run("check", "--budget", Budget("vite-app"), "--json", baseline, "--baseline", _folder.Combine("none-yet.json"));
        Assert.That(first.ExitCode, Is.Zero, "the first pull request has no base: not evaluated, never failed");
        Assert.That(first.StandardOutput + first.StandardError, Does.Contain("BB1014"));

        var grown = Run("check", "--budget", Budget("vite-app-head"), "--baseline", baseline, "--quiet");

        Assert.That(grown.ExitCode, Is.EqualTo(1), grown.ToString());
        Assert.That(grown.StandardError + grown.StandardOutput, Does.Contain("error BB1001: Budget 'script' grew by 3.6 kB (+34.").And.Contain("since the base report (10.4 kB to 14.0 kB), limit 10% (maximumGrowth)"));
    }

    [Test]
    public void Under_GitHub_Actions_findings_are_annotations_and_the_summary_goes_to_the_step_summary()
    {
        var budget = WriteBudget("""{ "type": "script", "maximumError": "10KB" }""");
        var summary = _folder.Combine("step-summary.md");
        File.WriteAllText(summary, "previous step\n");
        var environment = new Dictionary<string, string?> { ["GITHUB_ACTIONS"] = "true", ["GITHUB_STEP_SUMMARY"] = summary, ["GITHUB_WORKSPACE"] = _folder.Path };

        var result = ProcessRunner.Run("dotnet", _folder.Path, TimeSpan.FromMinutes(2), environment, Cli, "check", "--budget", budget, "--sarif", _folder.Combine("out.sarif"));

        Assert.That(result.ExitCode, Is.EqualTo(1), result.ToString());
        Assert.That(result.StandardOutput, Does.Contain("::error file=budget.json,line=1,col="));
        Assert.That(result.StandardOutput, Does.Contain(",title=BB1001::BB1001: Budget 'script' exceeded"));
        Assert.That(result.StandardOutput, Does.Match(@"::warning file=/.+hero-BWnkITgT\.png,title=BB3003::"));
        var appended = File.ReadAllText(summary);
        Assert.That(appended, Does.StartWith("previous step\n## BundleBudget: :x: over budget"));
        Assert.That(File.Exists(_folder.Combine("out.sarif")), Is.True);
    }
}
