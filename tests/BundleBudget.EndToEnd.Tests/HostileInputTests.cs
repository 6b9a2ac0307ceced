using System.Diagnostics;
using System.Runtime.Versioning;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace BundleBudget.EndToEnd.Tests;

/// <summary>
/// The CLI against output folders made to break it: files it may not read, a 3 GB file, names that hold a workflow
/// command or an @mention, floods of findings, a page that names one script 100,000 times, and where its cache goes.
/// Never a silent pass: each test asserts the exact codes and that the rest of the report is still complete.
/// </summary>
[UnsupportedOSPlatform("windows")]
public partial class HostileInputTests
{
    /// <summary>A file name holding a newline and then a GitHub Actions workflow command.</summary>
    public const string InjectingName = "x\n::error file=app.js::pwned.js";

    private static readonly string Cli = Path.Combine(TestContext.CurrentContext.TestDirectory, "bundle-budget.dll");

    private static readonly Lazy<bool> RunsAsRoot = new(() => ProcessRunner.Run("id", Path.GetTempPath(), TimeSpan.FromSeconds(30), "-u").StandardOutput.Trim() == "0");

    private static readonly IReadOnlyDictionary<string, string?> NoEnvironment = new Dictionary<string, string?>();

    private readonly List<(string Path, UnixFileMode Mode)> _locked = [];

    private TemporaryFolder _folder = null!;

    [SetUp]
    public void SetUp() => _folder = new TemporaryFolder();

    [TearDown]
    public void TearDown()
    {
        // Give back what the test took away, so that the folder can be deleted by a user who is not root.
        foreach (var (path, mode) in _locked)
        {
            File.SetUnixFileMode(path, mode);
        }

        _locked.Clear();
        _folder.Dispose();
    }

    [Test]
    public void An_unreadable_folder_and_file_are_BB9030_and_make_the_budgets_that_could_count_them_incomplete_not_passed()
    {
        var (budget, report) = UnreadableOutput();

        var result = RunUnprivileged("check", "--budget", budget, "--json", report);

        Assert.That(result.ExitCode, Is.Zero, "an incomplete budget is a warning without --strict: " + result);
        Assert.That(result.Output, Does.Not.Contain("BB9999"));
        var lines = Lines(result.Output).ToList();
        Assert.That(lines, Has.Exactly(1).Match(@"/private: warning BB9030: Cannot list private/ \("), result.ToString());
        Assert.That(lines, Has.Exactly(1).Match(@"/assets/locked\.js: warning BB9030: Cannot read this file \("), result.ToString());
        var incomplete = lines.Single(l => l.Contains("warning BB1007: Budget 'script' is incomplete", StringComparison.Ordinal));
        Assert.That(incomplete, Does.StartWith(budget + "(").And.Contain("2 files it counts could not be measured (assets/locked.js: it could not be read (").And.Contain("; private/: the folder could not be listed ("));
        Assert.That(lines, Has.Exactly(1).Match(@"hero-BWnkITgT\.png: warning BB1002: Budget 'files 'assets/\*\.png' \(each\)' exceeded"), "the other budgets are evaluated");
        var headline = Lines(result.StandardOutput).Last(l => l.Length > 0);
        Assert.That(headline, Does.StartWith("BundleBudget: incomplete, 2 budgets could not be fully measured, see BB1007 (4 budgets, 0 errors, "));
        Assert.That(headline, Does.Not.Contain("within budget"));

        using var json = ReadJson(report);
        var script = BudgetNamed(json, "script");
        Assert.That(script.GetProperty("status").GetString(), Is.EqualTo("incomplete"));
        Assert.That(script.GetProperty("incomplete").GetBoolean(), Is.True);
        Assert.That(script.GetProperty("matchedFiles").GetInt32(), Is.EqualTo(4), "the four readable scripts are measured");
        Assert.That(script.GetProperty("unmeasured").EnumerateArray().Select(u => u.GetProperty("path").GetString()), Is.EquivalentTo(new[] { "assets/locked.js", "private/" }));
        var mainChunk = BudgetNamed(json, "files 'assets/main-*.js'");
        Assert.That(mainChunk.GetProperty("status").GetString(), Is.EqualTo("pass"), "a glob that cannot reach private/ is not made incomplete by it");
        Assert.That(mainChunk.GetProperty("incomplete").GetBoolean(), Is.False);
        Assert.That(mainChunk.GetProperty("matchedFiles").GetInt32(), Is.EqualTo(1));
        Assert.That(BudgetNamed(json, "files 'assets/*.png' (each)").GetProperty("status").GetString(), Is.EqualTo("warning"));
        Assert.That(BudgetNamed(json, "image").GetProperty("unmeasured").EnumerateArray().Select(u => u.GetProperty("path").GetString()), Is.EqualTo(new[] { "private/" }), "the unlisted folder may hold images too");

        var assets = json.RootElement.GetProperty("assets").EnumerateArray().ToList();
        var paths = assets.Select(a => a.GetProperty("path").GetString()).ToList();
        Assert.That(paths, Has.Count.EqualTo(Directory.GetFiles(TestAssets.ViteDist, "*", SearchOption.AllDirectories).Length + 1), "every file of the sample and locked.js");
        Assert.That(paths, Does.Contain("assets/locked.js").And.Contain("assets/main-C17BpASX.js").And.Contain("index.html"));
        Assert.That(assets.Where(a => a.GetProperty("path").GetString() != "assets/locked.js").Select(a => a.GetProperty("raw").ValueKind), Has.All.EqualTo(JsonValueKind.Number), "every readable file is measured");
        var codes = Diagnostics(json).Select(d => d.GetProperty("code").GetString()).ToList();
        Assert.That(codes.Count(c => c == "BB9030"), Is.EqualTo(2));
        Assert.That(codes.Count(c => c == "BB1007"), Is.EqualTo(2), "script and image");
        Assert.That(json.RootElement.GetProperty("summary").GetProperty("errors").GetInt32(), Is.Zero);
    }

    [Test]
    public void With_strict_an_unreadable_folder_and_file_fail_the_check_with_BB1007_errors_and_exit_1()
    {
        var (budget, report) = UnreadableOutput();

        var result = RunUnprivileged("check", "--budget", budget, "--json", report, "--strict");

        Assert.That(result.ExitCode, Is.EqualTo(1), result.ToString());
        Assert.That(result.StandardError, Does.Contain("): error BB1007: Budget 'script' is incomplete: 2 files it counts could not be measured (assets/locked.js: "));
        Assert.That(result.StandardError, Does.Contain("): error BB1007: Budget 'image' is incomplete: 1 file it counts could not be measured (private/: "));
        Assert.That(result.StandardOutput, Does.Contain("BundleBudget: incomplete, 2 budgets could not be fully measured (strict: an error), see BB1007 (4 budgets, 2 errors, "));
        using var json = ReadJson(report);
        Assert.That(json.RootElement.GetProperty("strict").GetBoolean(), Is.True);
        Assert.That(json.RootElement.GetProperty("summary").GetProperty("status").GetString(), Is.EqualTo("error"));
        Assert.That(BudgetNamed(json, "script").GetProperty("status").GetString(), Is.EqualTo("incomplete"));
        Assert.That(BudgetNamed(json, "files 'assets/main-*.js'").GetProperty("status").GetString(), Is.EqualTo("pass"));
    }

    [Test]
    public void An_unreadable_bundle_is_named_as_unreadable_and_not_as_a_bundle_whose_source_map_is_broken()
    {
        var (budget, report) = UnreadableOutput();

        var result = RunUnprivileged("check", "--budget", budget, "--json", report);

        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        using var json = ReadJson(report);
        var aboutLocked = Diagnostics(json).Where(d => d.GetProperty("file").GetString() is { } file && file.EndsWith("/assets/locked.js", StringComparison.Ordinal)).Select(d => d.GetProperty("code").GetString()).ToList();
        Assert.That(aboutLocked, Is.EqualTo(new[] { "BB9030" }), "BB2004 means 'rebuild the map, or remove the broken sourceMappingURL', which is wrong advice for a file that cannot be read at all: " + result);
    }

    [Test]
    public void A_3_GB_file_is_measured_streamed_and_files_too_large_to_parse_are_BB1008_and_incomplete()
    {
        const long ThreeGigabytes = 3L * 1024 * 1024 * 1024;
        const long JustOverParseLimit = (16L * 1024 * 1024) + 1;
        var dist = _folder.Combine("dist");
        _folder.Write("dist/index.html", "<!doctype html><html><head><title>big</title><script type=module src=/app.js></script></head><body></body></html>");
        Sparse(Path.Combine(dist, "app.js"), ThreeGigabytes);
        Sparse(Path.Combine(dist, "big.css"), JustOverParseLimit);
        Sparse(Path.Combine(dist, "big.html"), JustOverParseLimit);
        var budget = _folder.Write("budget.json", """
            {
              "outputPath": "dist",
              "budgets": [
                { "type": "initial", "maximumError": "100MB" },
                { "type": "script", "maximumError": "100MB" },
                { "type": "total", "compression": "raw", "maximumError": "4GB" }
              ]
            }
            """);
        var report = _folder.Combine("out", "report.json");

        var (result, elapsed, peakKilobytes) = MeasuredRun(TimeSpan.FromMinutes(5), budget, "check", "--budget", budget, "--json", report);

        TestContext.Out.WriteLine($"3 GB check: {elapsed.TotalSeconds:0.0} s, peak resident memory {peakKilobytes / 1024.0:0.0} MB");
        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        Assert.That(result.Output, Does.Not.Contain("BB9999"));
        Assert.That(peakKilobytes, Is.GreaterThan(0).And.LessThan(500 * 1024), "peak resident memory in kB: the file is streamed, never held");
        var lines = Lines(result.Output).ToList();
        foreach (var name in new[] { "app.js", "big.css", "big.html" })
        {
            Assert.That(lines, Has.Some.StartWith(Path.Combine(dist, name) + ": warning BB1008: " + name + " is not read"), result.ToString());
        }

        Assert.That(lines, Has.Some.Contains("warning BB1008: app.js is not read for what it loads: it is 3,221,225,472 bytes (3.22 GB), over the 64 MiB (67,108,864 bytes) BundleBudget parses"));
        Assert.That(Lines(result.StandardOutput).Last(l => l.Length > 0), Does.StartWith("BundleBudget: incomplete, 1 budget could not be fully measured, see BB1007 (3 budgets, 0 errors, "));

        using var json = ReadJson(report);
        Assert.That(AssetAt(json, "app.js").GetProperty("raw").GetInt64(), Is.EqualTo(ThreeGigabytes));
        Assert.That(AssetAt(json, "app.js").GetProperty("gzip").GetInt64(), Is.GreaterThan(0).And.LessThan(ThreeGigabytes / 100));
        Assert.That(AssetAt(json, "big.css").GetProperty("raw").GetInt64(), Is.EqualTo(JustOverParseLimit));
        Assert.That(AssetAt(json, "big.html").GetProperty("raw").GetInt64(), Is.EqualTo(JustOverParseLimit));
        var initial = BudgetNamed(json, "initial (each page)");
        Assert.That(initial.GetProperty("status").GetString(), Is.EqualTo("incomplete"));
        Assert.That(initial.GetProperty("matchedFiles").GetInt32(), Is.EqualTo(2), "index.html and big.html are both entry pages");
        var gaps = initial.GetProperty("unmeasured").EnumerateArray().Select(u => u.GetProperty("path").GetString() + " " + u.GetProperty("reason").GetString()).ToList();
        Assert.That(gaps, Has.Some.StartWith("index.html: 'app.js' it is 3,221,225,472 bytes (3.22 GB), over the 64 MiB"));
        Assert.That(gaps, Has.Some.StartWith("big.html: 'big.html' the page itself could not be read"));
        Assert.That(initial.GetProperty("actual").GetInt64(), Is.EqualTo(AssetAt(json, "index.html").GetProperty("gzip").GetInt64() + AssetAt(json, "app.js").GetProperty("gzip").GetInt64()), "the largest page measured: index.html and app.js");
        Assert.That(BudgetNamed(json, "script").GetProperty("status").GetString(), Is.EqualTo("pass"));
        var total = BudgetNamed(json, "total");
        Assert.That(total.GetProperty("status").GetString(), Is.EqualTo("pass"));
        Assert.That(total.GetProperty("actual").GetInt64(), Is.EqualTo(ThreeGigabytes + (2 * JustOverParseLimit) + new FileInfo(Path.Combine(dist, "index.html")).Length));
        Assert.That(Diagnostics(json).Count(d => d.GetProperty("code").GetString() == "BB1008"), Is.GreaterThanOrEqualTo(3));
    }

    [Test]
    public void A_file_one_byte_over_a_parse_limit_is_said_to_be_larger_in_sizes_that_differ()
    {
        _folder.Write("dist/index.html", "<!doctype html><title>small</title>");
        Sparse(_folder.Combine("dist", "big.html"), (16L * 1024 * 1024) + 1);
        var budget = _folder.Write("budget.json", """{ "outputPath": "dist", "budgets": [ { "type": "document", "maximumError": "1MB" } ] }""");

        var result = Run("check", "--budget", budget);

        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        var warning = Lines(result.Output).Single(l => l.Contains(": warning BB1008: big.html is not read", StringComparison.Ordinal));
        var sizes = Regex.Match(warning, @"it is (?<size>[0-9,]+) bytes \([^)]*\), over the 16 MiB \((?<limit>[0-9,]+) bytes\) BundleBudget parses");
        Assert.That(sizes.Success, Is.True, warning);
        Assert.That((sizes.Groups["size"].Value, sizes.Groups["limit"].Value), Is.EqualTo(("16,777,217", "16,777,216")), "'X is larger than X' does not tell the user how far over the limit the file is: " + warning);
    }

    [Test]
    public void A_file_name_that_holds_a_workflow_command_is_escaped_in_every_line_under_GitHub_Actions()
    {
        var dist = _folder.Combine("dist");
        TemporaryFolder.CopyDirectory(TestAssets.ViteDist, dist);
        File.WriteAllText(Path.Combine(dist, InjectingName), NumberedScript(3000));
        var budget = _folder.Write("budget.json", """
            { "outputPath": "dist", "budgets": [ { "type": "script", "scope": "each", "maximumWarning": "2KB", "maximumError": "1MB" }, { "type": "image", "maximumError": "1MB" } ] }
            """);
        var summary = _folder.Write("step-summary.md", "previous step\n");
        var report = _folder.Combine("report.json");
        var environment = new Dictionary<string, string?> { ["GITHUB_ACTIONS"] = "true", ["GITHUB_STEP_SUMMARY"] = summary, ["GITHUB_WORKSPACE"] = _folder.Path };

        var result = Run(environment, TimeSpan.FromMinutes(2), "check", "--budget", budget, "--json", report);

        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        AssertNoWorkflowCommandButAnnotations(result.Output);
        var lines = Lines(result.Output).ToList();
        var escapedName = @"x\n::error file=app.js::pwned.js";
        Assert.That(lines, Has.Exactly(1).Match("^" + Regex.Escape($"{dist}/{escapedName}: warning BB1002: Budget 'script (each)' exceeded: {escapedName} is ") + @"[0-9.]+ kB gzip, limit 2\.0 kB \(maximumWarning\), over by [0-9.]+ kB \(\+[0-9.]+%\)\.$"));
        Assert.That(lines, Has.Exactly(1).StartsWith("::warning file=dist/x\\n%3A%3Aerror file=app.js%3A%3Apwned.js,title=BB1002::BB1002: Budget 'script (each)' exceeded: x\\n::error file=app.js::pwned.js is "));
        Assert.That(lines, Has.Exactly(1).StartsWith("::warning file=dist/assets/main-C17BpASX.js,title=BB1002::"), "the other findings are annotated too");
        Assert.That(File.ReadAllText(summary), Does.StartWith("previous step\n## BundleBudget: :warning: within budget, with warnings").And.Contain("| :warning: | &nbsp;&nbsp;x ::error file=app.js::pwned.js | "));

        using var json = ReadJson(report);
        Assert.That(json.RootElement.GetProperty("assets").EnumerateArray().Select(a => a.GetProperty("path").GetString()), Does.Contain(InjectingName).And.Contain("assets/main-C17BpASX.js").And.Contain("assets/hero-BWnkITgT.png"));
        Assert.That(BudgetNamed(json, "script (each)").GetProperty("offendingFiles").EnumerateArray().Select(o => o.GetProperty("path").GetString()), Is.EquivalentTo(new[] { InjectingName, "assets/main-C17BpASX.js" }));
        Assert.That(BudgetNamed(json, "image").GetProperty("status").GetString(), Is.EqualTo("pass"));
    }

    [Test]
    public void Mentions_in_file_names_never_notify_anyone_in_the_markdown_the_step_summary_or_the_comparison()
    {
        var dist = _folder.Combine("dist");
        TemporaryFolder.CopyDirectory(TestAssets.ViteDist, dist);
        void WriteMentions(int lines)
        {
            _folder.Write("dist/@octocat.js", NumberedScript(lines));
            _folder.Write("dist/@org/team.js", NumberedScript(lines + 7));
        }

        var budget = _folder.Write("budget.json", """
            { "outputPath": "dist", "budgets": [ { "type": "script", "scope": "each", "maximumWarning": "2KB", "maximumError": "1MB" } ] }
            """);
        var summary = _folder.Write("step-summary.md", string.Empty);
        var environment = new Dictionary<string, string?> { ["GITHUB_ACTIONS"] = "true", ["GITHUB_STEP_SUMMARY"] = summary, ["GITHUB_WORKSPACE"] = _folder.Path };
        WriteMentions(1000);
        var markdown = _folder.Combine("base.md");
        var baseCheck = Run(environment, TimeSpan.FromMinutes(2), "check", "--budget", budget, "--json", _folder.Combine("base", "report.json"), "--markdown", markdown);
        Assert.That(baseCheck.ExitCode, Is.Zero, baseCheck.ToString());
        WriteMentions(3000);
        var headCheck = Run("check", "--budget", budget, "--json", _folder.Combine("head", "report.json"));
        Assert.That(headCheck.ExitCode, Is.Zero, headCheck.ToString());
        var comment = _folder.Combine("comment.md");

        var compare = Run(environment, TimeSpan.FromMinutes(2), "compare", _folder.Combine("base", "report.json"), _folder.Combine("head", "report.json"), "--markdown", comment);

        Assert.That(compare.ExitCode, Is.Zero, compare.ToString());
        var texts = new Dictionary<string, string>
        {
            ["--markdown of check"] = File.ReadAllText(markdown),
            ["the step summary of check and compare"] = File.ReadAllText(summary),
            ["--markdown of compare"] = File.ReadAllText(comment),
            ["the output of compare"] = compare.StandardOutput,
        };
        foreach (var (what, text) in texts)
        {
            Assert.That(LiveMention().Matches(text).Select(m => m.Value), Is.Empty, what + ":\n" + text);
            Assert.That(text, Does.Contain("@&#8203;octocat.js").And.Contain("@&#8203;org/team.js"), what + " names both files");
        }

        Assert.That(File.ReadAllText(markdown), Does.Contain("| :warning: | &nbsp;&nbsp;@&#8203;octocat.js | "));
        Assert.That(File.ReadAllText(comment), Does.Match(@"\| @&#8203;octocat\.js \| [0-9.]+ kB \| [0-9.]+ kB \| \+[0-9.]+ kB \(\+[0-9.]+%\) \|"));
        Assert.That(File.ReadAllText(comment), Does.Match(@"\| @&#8203;org/team\.js \| [0-9.]+ kB \| [0-9.]+ kB \| \+[0-9.]+ kB \(\+[0-9.]+%\) \|"));
        Assert.That(File.ReadAllText(summary), Does.Contain("<!-- bundle-budget-comment -->"), "compare appended its comment to the step summary too");
    }

    [Test]
    public void A_page_loading_100000_missing_scripts_prints_20_BB1005_and_a_count_and_the_report_holds_all()
    {
        _folder.Write("dist/app.js", "console.log('app');\n");
        _folder.Write("dist/index.html", "<!doctype html><html><head><script type=module src=/app.js></script></head><body>\n"
            + string.Concat(Enumerable.Range(0, 100_000).Select(i => $"<script src=\"/m{i}.js\"></script>\n")) + "</body></html>\n");
        var budget = _folder.Write("budget.json", """
            { "outputPath": "dist", "budgets": [ { "type": "initial", "maximumError": "1MB" }, { "type": "script", "maximumError": "1MB" } ] }
            """);
        var report = _folder.Combine("report.json");

        var result = Run(NoEnvironment, TimeSpan.FromMinutes(2), "check", "--budget", budget, "--json", report);

        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        var lines = Lines(result.Output).ToList();
        Assert.That(lines.Count(l => l.Contains(": warning BB1005: ", StringComparison.Ordinal)), Is.EqualTo(20));
        Assert.That(lines, Has.Exactly(1).EqualTo("bundle-budget: 99,980 more BB1005 warnings are not printed (20 shown, 100,000 in all); the JSON report lists every one."));
        Assert.That(lines, Has.Count.LessThan(100), "the log stays readable");
        Assert.That(lines, Has.Exactly(1).Contains("warning BB1007: Budget 'initial (each page)' is incomplete: 100000 things its pages load could not be measured"));

        using var json = ReadJson(report);
        Assert.That(Diagnostics(json).Count(d => d.GetProperty("code").GetString() == "BB1005"), Is.EqualTo(100_000));
        Assert.That(Diagnostics(json).Where(d => d.GetProperty("code").GetString() == "BB1005").Select(d => d.GetProperty("message").GetString()).Distinct().Count(), Is.EqualTo(100_000), "one for each missing script");
        Assert.That(BudgetNamed(json, "initial (each page)").GetProperty("unmeasured").GetArrayLength(), Is.EqualTo(100_000));
        Assert.That(BudgetNamed(json, "script").GetProperty("status").GetString(), Is.EqualTo("pass"));
        Assert.That(json.RootElement.GetProperty("assets").EnumerateArray().Select(a => a.GetProperty("path").GetString()), Is.EqualTo(new[] { "app.js", "index.html" }));
    }

    [Test]
    public void A_page_naming_one_script_100000_times_loads_it_once()
    {
        _folder.Write("dist/app.js", NumberedScript(500));
        _folder.Write("dist/index.html", "<!doctype html><html><head><title>again</title></head><body>\n"
            + string.Concat(Enumerable.Repeat("<script src=\"/app.js\"></script>\n", 100_000)) + "</body></html>\n");
        var budget = _folder.Write("budget.json", """
            { "outputPath": "dist", "budgets": [ { "type": "initial", "maximumError": "1MB" }, { "type": "script", "maximumError": "1MB" } ] }
            """);
        var report = _folder.Combine("report.json");
        var clock = Stopwatch.StartNew();

        var result = Run(NoEnvironment, TimeSpan.FromMinutes(2), "check", "--budget", budget, "--json", report);

        TestContext.Out.WriteLine($"100,000 repeated scripts: {clock.Elapsed.TotalSeconds:0.0} s");
        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        Assert.That(result.Output, Does.Not.Contain("BB1005").And.Not.Contain("BB1007").And.Not.Contain("BB9999"));
        using var json = ReadJson(report);
        var page = json.RootElement.GetProperty("pages").EnumerateArray().Single();
        Assert.That(page.GetProperty("initial").EnumerateArray().Select(f => f.GetProperty("path").GetString()), Is.EqualTo(new[] { "index.html", "app.js" }));
        var pageGzip = AssetAt(json, "index.html").GetProperty("gzip").GetInt64();
        var scriptGzip = AssetAt(json, "app.js").GetProperty("gzip").GetInt64();
        Assert.That(page.GetProperty("initialTotal").GetProperty("files").GetInt32(), Is.EqualTo(2));
        Assert.That(page.GetProperty("initialTotal").GetProperty("gzip").GetInt64(), Is.EqualTo(pageGzip + scriptGzip));
        var initial = BudgetNamed(json, "initial (each page)");
        Assert.That(initial.GetProperty("actual").GetInt64(), Is.EqualTo(pageGzip + scriptGzip), "the page and app.js once, not 100,000 times");
        Assert.That(initial.GetProperty("status").GetString(), Is.EqualTo("pass"));
        Assert.That(BudgetNamed(json, "script").GetProperty("actual").GetInt64(), Is.EqualTo(scriptGzip));
    }

    [Test]
    public void The_default_cache_is_in_the_users_cache_folder_or_beside_the_report_and_never_in_the_shared_temp_folder()
    {
        var budget = _folder.Write("budget.json", $$"""
            { "outputPath": {{JsonSerializer.Serialize(TestAssets.ViteDist)}}, "budgets": [ { "type": "script", "maximumError": "500KB" } ] }
            """);
        var temp = Directory.CreateDirectory(_folder.Combine("tmp")).FullName;
        var sharedCaches = new[] { "/tmp/bundle-budget", Path.Combine(Path.GetTempPath(), "bundle-budget"), Path.Combine(temp, "bundle-budget") }.Distinct().ToList();
        var before = sharedCaches.ToDictionary(f => f, Snapshot);
        Dictionary<string, string?> EnvironmentFor(string home, string? xdg) => new() { ["HOME"] = home, ["XDG_CACHE_HOME"] = xdg, ["TMPDIR"] = temp };
        // The cache, without the file beside it that names the budget.json it belongs to.
        string[] CacheFiles(string folder) => Directory.Exists(folder) ? Directory.GetFiles(folder, "*", SearchOption.AllDirectories).Where(f => !f.EndsWith(".owner", StringComparison.Ordinal)).ToArray() : [];

        var home = _folder.Combine("home");
        Directory.CreateDirectory(home);
        var byHome = Run(EnvironmentFor(home, null), TimeSpan.FromMinutes(2), "check", "--budget", budget, "--quiet");
        Assert.That(byHome.ExitCode, Is.Zero, byHome.ToString());
        Assert.That(CacheFiles(Path.Combine(home, ".cache")), Has.Length.EqualTo(1).And.All.Match(@"/home/\.cache/bundle-budget/[^/]+\.json$"));

        var otherHome = _folder.Combine("other-home");
        var xdg = _folder.Combine("xdg-cache");
        Directory.CreateDirectory(otherHome);
        var byXdg = Run(EnvironmentFor(otherHome, xdg), TimeSpan.FromMinutes(2), "check", "--budget", budget, "--quiet");
        Assert.That(byXdg.ExitCode, Is.Zero, byXdg.ToString());
        Assert.That(CacheFiles(xdg), Has.Length.EqualTo(1).And.All.Match(@"/xdg-cache/bundle-budget/[^/]+\.json$"));
        Assert.That(CacheFiles(Path.Combine(otherHome, ".cache")), Is.Empty, "$XDG_CACHE_HOME wins over ~/.cache");

        var thirdHome = _folder.Combine("third-home");
        Directory.CreateDirectory(thirdHome);
        var byReport = Run(EnvironmentFor(thirdHome, null), TimeSpan.FromMinutes(2), "check", "--budget", budget, "--quiet", "--json", "x/report.json");
        Assert.That(byReport.ExitCode, Is.Zero, byReport.ToString());
        Assert.That(File.Exists(_folder.Combine("x", "report.json")), Is.True);
        Assert.That(File.Exists(_folder.Combine("x", "report.cache.bin")), Is.True, "beside the report");
        Assert.That(CacheFiles(Path.Combine(thirdHome, ".cache")), Is.Empty);
        Assert.That(CacheFiles(xdg), Has.Length.EqualTo(1));

        foreach (var shared in sharedCaches)
        {
            Assert.That(Snapshot(shared), Is.EquivalentTo(before[shared]), $"nothing is created or changed in {shared}");
        }
    }

    /// <summary>Asserts that no line is a workflow command other than a well-formed annotation whose data holds no raw line break.</summary>
    internal static void AssertNoWorkflowCommandButAnnotations(string output)
    {
        foreach (var line in Lines(output))
        {
            var start = line.TrimStart();
            Assert.That(start, Does.Not.StartWith("::error file=app.js"));
            Assert.That(start, Does.Not.StartWith("##["), "a line that starts a v1 workflow command");
            if (!start.StartsWith("::", StringComparison.Ordinal))
            {
                continue;
            }

            Assert.That(start, Is.EqualTo(line), "an annotation of the CLI's own starts its line");
            var annotation = WorkflowAnnotation().Match(line);
            Assert.That(annotation.Success, Is.True, "a line starting with '::' that is not a well-formed annotation: " + line);
            Assert.That(annotation.Groups["data"].Value, Does.Not.Contain('\r').And.Not.Contain('\n'));
        }
    }

    internal static IEnumerable<string> Lines(string text) => text.Split('\n').Select(l => l.TrimEnd('\r'));

    internal static string NumberedScript(int lines) => string.Concat(Enumerable.Range(0, lines).Select(i => $"var v{i} = {i * 7919 % 10007};\n"));

    private static void Sparse(string path, long length)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write);
        file.SetLength(length);
    }

    private static Dictionary<string, DateTime> Snapshot(string folder) =>
        Directory.Exists(folder)
            ? Directory.GetFileSystemEntries(folder, "*", SearchOption.AllDirectories).ToDictionary(p => p, p => File.GetLastWriteTimeUtc(p))
            : [];

    private static JsonDocument ReadJson(string path) => JsonDocument.Parse(File.ReadAllBytes(path));

    private static JsonElement BudgetNamed(JsonDocument report, string name) =>
        report.RootElement.GetProperty("budgets").EnumerateArray().Single(b => b.GetProperty("name").GetString() == name);

    private static JsonElement AssetAt(JsonDocument report, string path) =>
        report.RootElement.GetProperty("assets").EnumerateArray().Single(a => a.GetProperty("path").GetString() == path);

    private static IEnumerable<JsonElement> Diagnostics(JsonDocument report) => report.RootElement.GetProperty("diagnostics").EnumerateArray();

    private ProcessResult Run(params string[] arguments) => Run(NoEnvironment, TimeSpan.FromMinutes(2), arguments);

    private ProcessResult Run(IReadOnlyDictionary<string, string?> environment, TimeSpan timeout, params string[] arguments) =>
        ProcessRunner.Run("dotnet", _folder.Path, timeout, environment, [Cli, .. arguments]);

    /// <summary>
    /// The vite sample with an unreadable folder (private/, holding a script) and an unreadable script
    /// (assets/locked.js), and a budget.json with a type budget, a glob that cannot reach private/, a glob that warns,
    /// and an image budget. Returns the budget file and where the report goes.
    /// </summary>
    private (string Budget, string Report) UnreadableOutput()
    {
        var dist = _folder.Combine("dist");
        TemporaryFolder.CopyDirectory(TestAssets.ViteDist, dist);
        _folder.Write("dist/private/secret.js", NumberedScript(10));
        _folder.Write("dist/assets/locked.js", NumberedScript(10));
        var budget = _folder.Write("budget.json", """
            {
              "outputPath": "dist",
              "budgets": [
                { "type": "script", "maximumError": "500KB" },
                { "files": "assets/main-*.js", "maximumError": "30KB" },
                { "files": "assets/*.png", "scope": "each", "maximumWarning": "100KB" },
                { "type": "image", "maximumError": "1MB" }
              ]
            }
            """);
        var reports = Directory.CreateDirectory(_folder.Combine("reports")).FullName;

        // Everything readable by everyone (the CLI may run as nobody), the reports folder writable, then the two locked.
        foreach (var folder in Directory.GetDirectories(_folder.Path, "*", SearchOption.AllDirectories).Append(_folder.Path))
        {
            File.SetUnixFileMode(folder, Mode("rwxr-xr-x"));
        }

        foreach (var file in Directory.GetFiles(_folder.Path, "*", SearchOption.AllDirectories))
        {
            File.SetUnixFileMode(file, Mode("rw-r--r--"));
        }

        File.SetUnixFileMode(reports, Mode("rwxrwxrwx"));
        Lock(Path.Combine(dist, "private"));
        Lock(Path.Combine(dist, "assets", "locked.js"));
        return (budget, Path.Combine(reports, "report.json"));
    }

    private void Lock(string path)
    {
        _locked.Add((path, File.GetUnixFileMode(path)));
        File.SetUnixFileMode(path, UnixFileMode.None);
    }

    /// <summary>
    /// Runs the CLI as a user for whom the locked files are unreadable. Root reads everything, so under root (as CI
    /// runs) the CLI runs as nobody through setpriv, from a copy that nobody can read, with a home folder of its own.
    /// </summary>
    private ProcessResult RunUnprivileged(params string[] arguments)
    {
        if (!RunsAsRoot.Value)
        {
            return Run(arguments);
        }

        var setpriv = FindOnPath("setpriv");
        Assert.That(setpriv, Is.Not.Null, "running as root, this test needs setpriv (util-linux) to run the CLI as nobody: root reads unreadable files");
        var parent = Path.GetDirectoryName(_folder.Path)!;
        File.SetUnixFileMode(parent, File.GetUnixFileMode(parent) | UnixFileMode.OtherExecute);
        var cli = Directory.CreateDirectory(_folder.Combine("cli")).FullName;
        foreach (var file in Directory.GetFiles(TestContext.CurrentContext.TestDirectory))
        {
            var copy = Path.Combine(cli, Path.GetFileName(file));
            File.Copy(file, copy);
            File.SetUnixFileMode(copy, Mode("rw-r--r--"));
        }

        File.SetUnixFileMode(cli, Mode("rwxr-xr-x"));
        var home = Directory.CreateDirectory(_folder.Combine("nobody-home")).FullName;
        File.SetUnixFileMode(home, Mode("rwxrwxrwx"));
        var environment = new Dictionary<string, string?> { ["HOME"] = home, ["DOTNET_CLI_HOME"] = home, ["XDG_CACHE_HOME"] = null };
        var result = ProcessRunner.Run(setpriv!, _folder.Path, TimeSpan.FromMinutes(2), environment,
            ["--reuid=65534", "--regid=65534", "--clear-groups", "dotnet", Path.Combine(cli, "bundle-budget.dll"), .. arguments]);
        Assert.That(result.Output, Does.Not.Contain("setpriv:"), "setpriv could not switch to nobody");
        return result;
    }

    /// <summary>
    /// Runs the CLI and measures its time and peak resident memory (kB): from /usr/bin/time -v where it is installed,
    /// and from VmHWM in /proc, polled while it runs, in any case; the larger of the two.
    /// </summary>
    private (ProcessResult Result, TimeSpan Elapsed, long PeakKilobytes) MeasuredRun(TimeSpan timeout, string marker, params string[] arguments)
    {
        using var stop = new CancellationTokenSource();
        var polled = Task.Run(() => PollPeakMemory(marker, stop.Token));
        var clock = Stopwatch.StartNew();
        var time = File.Exists("/usr/bin/time") ? "/usr/bin/time" : null;
        var result = time is null
            ? Run(NoEnvironment, timeout, arguments)
            : ProcessRunner.Run(time, _folder.Path, timeout, NoEnvironment, ["-v", "dotnet", Cli, .. arguments]);
        var elapsed = clock.Elapsed;
        stop.Cancel();
        var fromProc = polled.GetAwaiter().GetResult();
        long fromTime = 0;
        if (time is not null)
        {
            var reported = Regex.Match(result.StandardError, @"Maximum resident set size \(kbytes\): (?<kb>\d+)");
            Assert.That(reported.Success, Is.True, "/usr/bin/time -v reports the peak: " + result);
            fromTime = long.Parse(reported.Groups["kb"].Value, System.Globalization.CultureInfo.InvariantCulture);
        }

        TestContext.Out.WriteLine($"peak resident memory: {fromTime} kB by /usr/bin/time -v, {fromProc} kB by VmHWM in /proc");
        return (result, elapsed, Math.Max(fromTime, fromProc));
    }

    /// <summary>The largest VmHWM of the dotnet process whose command line names <paramref name="marker"/>, until cancelled.</summary>
    private static long PollPeakMemory(string marker, CancellationToken stop)
    {
        long peak = 0;
        while (!stop.IsCancellationRequested)
        {
            foreach (var process in Directory.EnumerateDirectories("/proc"))
            {
                if (!int.TryParse(Path.GetFileName(process), out _))
                {
                    continue;
                }

                try
                {
                    var arguments = File.ReadAllText(Path.Combine(process, "cmdline")).Split('\0');
                    if (Path.GetFileName(arguments[0]) != "dotnet" || !arguments.Contains(marker))
                    {
                        continue;
                    }

                    var status = File.ReadAllText(Path.Combine(process, "status"));
                    var hwm = Regex.Match(status, @"VmHWM:\s+(?<kb>\d+) kB");
                    if (hwm.Success)
                    {
                        peak = Math.Max(peak, long.Parse(hwm.Groups["kb"].Value, System.Globalization.CultureInfo.InvariantCulture));
                    }
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    // The process ended between listing and reading.
                }
            }

            stop.WaitHandle.WaitOne(TimeSpan.FromMilliseconds(20));
        }

        return peak;
    }

    private static string? FindOnPath(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "/usr/bin:/bin")
            .Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Append("/usr/bin").Append("/bin")
            .Select(folder => Path.Combine(folder, name))
            .FirstOrDefault(File.Exists);

    private static UnixFileMode Mode(string permissions)
    {
        UnixFileMode[] bits =
        [
            UnixFileMode.UserRead, UnixFileMode.UserWrite, UnixFileMode.UserExecute,
            UnixFileMode.GroupRead, UnixFileMode.GroupWrite, UnixFileMode.GroupExecute,
            UnixFileMode.OtherRead, UnixFileMode.OtherWrite, UnixFileMode.OtherExecute,
        ];
        return bits.Where((_, i) => permissions[i] != '-').Aggregate(UnixFileMode.None, (mode, bit) => mode | bit);
    }

    [GeneratedRegex(@"^::(?:error|warning|notice) [a-z]+=[^,:\r\n]*(?:,[a-z]+=[^,:\r\n]*)*::(?<data>.*)$")]
    private static partial Regex WorkflowAnnotation();

    /// <summary>An '@' before a name that is not followed by a zero-width space: a live GitHub mention.</summary>
    [GeneratedRegex(@"@(?!&#8203;)[A-Za-z0-9_-]")]
    private static partial Regex LiveMention();
}
