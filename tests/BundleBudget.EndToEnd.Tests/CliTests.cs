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
    public void The_bundled_sample_is_within_budget_with_warnings_and_exits_0()
    {
        var result = ProcessRunner.Dotnet(TestAssets.RepositoryRoot, Cli, "check", "--budget", "testassets/vite-app/budget.json", "--cache", _folder.Combine("cache.json"));
        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        Assert.That(result.StandardOutput, Does.Contain("BundleBudget: within budget, with warnings (6 budgets, 0 errors, 3 warnings)."));
        Assert.That(result.StandardOutput, Does.Contain("warning BB3003: assets/hero-BWnkITgT.png takes 1.78 bytes per pixel"));
        Assert.That(result.StandardOutput, Does.Contain("warning BB3011: assets/inter-latin-400-normal-CyCys3Eg.woff (WOFF, 30.7 kB) is a fallback beside a WOFF2"));
        Assert.That(result.StandardOutput, Does.Match(@"warning BB1002: Budget 'image \(each\)' exceeded: assets/hero-BWnkITgT\.png is 184\.8 kB raw"));
        Assert.That(result.StandardOutput, Does.Contain("1 kB = 1000 bytes"));
    }

    [Test]
    public void Over_budget_exits_1_with_canonical_error_lines_and_writes_both_reports()
    {
        var budget = WriteBudget("""{ "type": "script", "maximumError": "10KB" }""");
        var json = _folder.Combine("reports", "bundle-budget.json");
        var markdown = _folder.Combine("reports", "bundle-budget.md");

        var result = Run("check", "--budget", budget, "--json", json, "--markdown", markdown);

        Assert.That(result.ExitCode, Is.EqualTo(1), result.ToString());
        Assert.That(result.StandardError, Does.Contain($"{budget}(1,"));
        Assert.That(result.StandardError, Does.Contain("): error BB1001: Budget 'script' exceeded"));
        Assert.That(result.StandardOutput, Does.Contain("BundleBudget: over budget"));
        using var report = JsonDocument.Parse(File.ReadAllText(json));
        Assert.That(report.RootElement.GetProperty("summary").GetProperty("status").GetString(), Is.EqualTo("error"));
        Assert.That(File.ReadAllText(markdown), Does.StartWith("## BundleBudget: :x: over budget"));
        Assert.That(File.Exists(_folder.Combine("reports", "bundle-budget-cache.json")), Is.True, "the cache lives next to the report");
    }

    [Test]
    public void Dir_overrides_the_output_path_and_brotli_measures_every_file()
    {
        var budget = _folder.Write("budget.json", """{ "outputPath": "nowhere", "budgets": [ { "type": "script", "maximumError": "500KB" } ] }""");
        var json = _folder.Combine("report.json");
        var result = Run("check", "--budget", budget, "--dir", TestAssets.ViteDist, "--brotli", "--json", json, "--quiet");

        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        Assert.That(result.StandardOutput.Trim().Split('\n')[^1], Is.EqualTo("BundleBudget: within budget, with warnings (1 budget, 0 errors, 2 warnings)."));
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

    [TestCase("check", "--frobnicate")]
    [TestCase("check", "--json")]
    [TestCase("inspect")]
    public void Bad_usage_exits_2_with_the_usage(params string[] arguments)
    {
        var result = Run(arguments);
        Assert.That(result.ExitCode, Is.EqualTo(2));
        Assert.That(result.StandardError, Does.Contain("Usage: bundle-budget check"));
    }

    [Test]
    public void Help_and_version_exit_0()
    {
        var help = Run("--help");
        Assert.That(help.ExitCode, Is.Zero);
        Assert.That(help.StandardOutput, Does.Contain("Exit codes: 0 within budget"));
        var version = Run("--version");
        Assert.That(version.ExitCode, Is.Zero);
        Assert.That(version.StandardOutput.Trim(), Is.EqualTo(BundleBudget.Core.CheckResult.ToolVersion));
    }

    [Test]
    public void A_report_that_cannot_be_written_is_a_warning_and_the_exit_code_stays_that_of_the_budgets()
    {
        var budget = WriteBudget("""{ "type": "script", "maximumError": "10KB" }""");
        var folderInTheWay = _folder.Combine("report.json");
        Directory.CreateDirectory(folderInTheWay);

        var result = Run("check", "--budget", budget, "--json", folderInTheWay);

        Assert.That(result.ExitCode, Is.EqualTo(1), result.ToString());
        Assert.That(result.StandardError, Does.Contain("warning BB9031: The report could not be written"));
        Assert.That(Directory.GetFiles(_folder.Path, "*.tmp"), Is.Empty);
    }

    [Test]
    public void Help_after_check_shows_the_usage()
    {
        var result = Run("check", "--help");
        Assert.That(result.ExitCode, Is.Zero);
        Assert.That(result.StandardOutput, Does.Contain("--budget FILE"));
    }
}
