using System.Runtime.Versioning;
using System.Text.Json;
using System.Text.RegularExpressions;
using BundleBudget.Core;

namespace BundleBudget.EndToEnd.Tests;

/// <summary>
/// The packed package under dotnet build against hostile output folders: a file name holding a workflow command, a
/// flood of findings, and an output folder that is a symbolic link.
/// </summary>
[NonParallelizable]
[UnsupportedOSPlatform("windows")]
public partial class HostileInputMSBuildTests
{
    [Test]
    public void A_file_name_that_holds_a_workflow_command_never_starts_a_line_of_the_build_log_even_when_its_warning_is_repeated()
    {
        using var sample = new SampleProject();
        File.WriteAllText(Path.Combine(sample.OutputFolder, HostileInputTests.InjectingName), HostileInputTests.NumberedScript(3000));
        sample.WriteBudget("""{ "type": "script", "scope": "each", "maximumWarning": "2KB", "maximumError": "1MB" }""");
        var environment = new Dictionary<string, string?> { ["GITHUB_ACTIONS"] = "true", ["GITHUB_WORKSPACE"] = Path.GetDirectoryName(sample.ProjectDirectory) };

        var build = Build(sample, environment);

        Assert.That(build.ExitCode, Is.Zero, build.ToString());
        Assert.That(build.Output, Does.Contain("BundleBudget: within budget, with warnings"));
        AssertNoLineStartsAWorkflowCommand(build.Output);
        var escaped = Path.Combine(sample.OutputFolder, @"x\n::error file=app.js::pwned.js");
        Assert.That(build.Output, Does.Contain(escaped + " : warning BB1002: Budget 'script (each)' exceeded: x\\n::error file=app.js::pwned.js is ").Or.Contain(escaped + ": warning BB1002: Budget 'script (each)' exceeded: x\\n::error file=app.js::pwned.js is "));
        using (var report = sample.ReadReport())
        {
            Assert.That(report.RootElement.GetProperty("assets").EnumerateArray().Select(a => a.GetProperty("path").GetString()), Does.Contain(HostileInputTests.InjectingName).And.Contain("assets/main-C17BpASX.js"));
        }

        var replayed = Build(sample, environment);

        Assert.That(replayed.ExitCode, Is.Zero, replayed.ToString());
        Assert.That(replayed.Output, Does.Contain("Skipping target \"CheckBundleBudget\""));
        Assert.That(replayed.Output, Does.Contain("warning BB1002: Budget 'script (each)' exceeded: x\\n::error file=app.js::pwned.js is "), "the repeated warning is escaped too");
        AssertNoLineStartsAWorkflowCommand(replayed.Output);
    }

    [Test]
    public void A_page_loading_100000_missing_scripts_logs_20_BB1005_warnings_and_a_count_in_a_check_and_in_its_replay()
    {
        using var sample = new SampleProject();
        File.WriteAllText(Path.Combine(sample.OutputFolder, "index.html"), "<!doctype html><html><head><script type=\"module\" src=\"/assets/main-C17BpASX.js\"></script></head><body>\n"
            + string.Concat(Enumerable.Range(0, 100_000).Select(i => $"<script src=\"/m{i}.js\"></script>\n")) + "</body></html>\n");
        sample.WriteBudget("""
            { "type": "script", "maximumError": "500KB" },
            { "type": "initial", "entry": "index.html", "maximumError": "500KB" }
            """);

        var build = sample.Build();

        Assert.That(build.ExitCode, Is.Zero, build.ToString());
        AssertTwentyShownAndTheRestCounted(build.Output);
        Assert.That(build.Output, Does.Match(@"ok\s+script\s+10\.4 kB in 4 files gzip"), "the other budgets are evaluated");
        using (var report = sample.ReadReport())
        {
            var diagnostics = report.RootElement.GetProperty("diagnostics").EnumerateArray().ToList();
            Assert.That(diagnostics.Count(d => d.GetProperty("code").GetString() == "BB1005"), Is.EqualTo(100_000));
            var initial = report.RootElement.GetProperty("budgets").EnumerateArray().Single(b => b.GetProperty("type").GetString() == "initial");
            Assert.That(initial.GetProperty("status").GetString(), Is.EqualTo("incomplete"));
            Assert.That(initial.GetProperty("unmeasured").GetArrayLength(), Is.EqualTo(100_000));
        }

        var replayed = sample.Build();

        Assert.That(replayed.ExitCode, Is.Zero, replayed.ToString());
        Assert.That(replayed.Output, Does.Contain("Skipping target \"CheckBundleBudget\""));
        AssertTwentyShownAndTheRestCounted(replayed.Output);
    }

    [Test]
    public void An_incomplete_budget_warns_and_BundleBudgetStrict_fails_the_build_with_it()
    {
        using var sample = new SampleProject();
        File.WriteAllText(sample.BudgetFile, """
            {
              "outputPath": "../vite-app/dist",
              "entries": ["index.htm"],
              "budgets": [ { "type": "initial", "maximumError": "500KB" } ],
              "imports": { "sources": ["../vite-app/src/**/*.{js,css}"] }
            }
            """);

        var lenient = sample.Build();
        Assert.That(lenient.ExitCode, Is.Zero, lenient.ToString());
        Assert.That(lenient.Output, Does.Match(@"budget\.json\(4,\d+\): warning BB1007: Budget 'initial \(each page\)' is incomplete"));
        Assert.That(lenient.Output, Does.Contain("BundleBudget: incomplete, 1 budget could not be fully measured"));

        var strict = sample.Build("BundleBudgetStrict=true");
        Assert.That(strict.ExitCode, Is.Not.Zero, "a changed setting runs the check again, and strict makes incomplete an error");
        Assert.That(strict.Output, Does.Match(@"budget\.json\(4,\d+\): error BB1007"));
        using var report = sample.ReadReport();
        Assert.That(report.RootElement.GetProperty("strict").GetBoolean(), Is.True);
        Assert.That(report.RootElement.GetProperty("budgets")[0].GetProperty("status").GetString(), Is.EqualTo("incomplete"));
    }

    [Test]
    public void A_wwwroot_that_is_a_link_to_the_client_build_is_the_default_output_folder_and_is_measured()
    {
        using var sample = new SampleProject();
        Directory.CreateSymbolicLink(Path.Combine(sample.ProjectDirectory, "wwwroot"), Path.Combine("..", "vite-app", "dist"));
        File.WriteAllText(sample.BudgetFile, """
            {
              "budgets": [ { "type": "script", "maximumError": "500KB" }, { "type": "initial", "maximumError": "500KB" } ],
              "imports": { "sources": ["../vite-app/src/**/*.{js,css}"] }
            }
            """);

        var build = sample.Build();

        Assert.That(build.ExitCode, Is.Zero, build.ToString());
        Assert.That(build.Output, Does.Not.Contain("BB1004").And.Not.Contain("BB9007").And.Not.Contain("BB1007"));
        Assert.That(build.Output, Does.Match(@"ok\s+script\s+10\.4 kB in 4 files gzip"));
        using var report = sample.ReadReport();
        Assert.That(report.RootElement.GetProperty("outputPath").GetString(), Is.EqualTo(Path.Combine(sample.ProjectDirectory, "wwwroot")));
        // What the app serves: every file of the client's build, and the gzip copies the SDK made of them in obj/.
        var assets = report.RootElement.GetProperty("assets").EnumerateArray().Select(a => (Path: a.GetProperty("path").GetString()!, Type: a.GetProperty("type").GetString())).ToList();
        var built = Directory.GetFiles(TestAssets.ViteDist, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(TestAssets.ViteDist, f).Replace('\\', '/')).ToList();
        Assert.That(report.RootElement.GetProperty("servedBy").GetString(), Does.EndWith("staticwebassets.development.json"));
        Assert.That(assets.Where(a => a.Type != "precompressed").Select(a => a.Path), Is.EquivalentTo(built));
        Assert.That(assets.Where(a => a.Type == "precompressed").Select(a => a.Path[..^".gz".Length]), Is.SubsetOf(built));
        Assert.That(report.RootElement.GetProperty("pages").GetArrayLength(), Is.EqualTo(2));
    }

    [Test]
    public void An_output_folder_that_is_a_symbolic_link_is_checked_through_it_and_a_change_behind_it_runs_the_check_again()
    {
        using var sample = new SampleProject();
        var link = Path.Combine(Path.GetDirectoryName(sample.OutputFolder)!, "dist-link");
        Directory.CreateSymbolicLink(link, sample.OutputFolder);
        File.WriteAllText(sample.BudgetFile, """
            {
              "outputPath": "../vite-app/dist-link",
              "budgets": [
                { "type": "script", "maximumError": "500KB" },
                { "type": "total", "maximumError": "2MB" }
              ],
              "imports": { "sources": ["../vite-app/src/**/*.{js,css}"] }
            }
            """);

        var build = sample.Build();

        Assert.That(build.ExitCode, Is.Zero, build.ToString());
        Assert.That(build.Output, Does.Not.Contain("BB1004").And.Not.Contain("BB9007").And.Not.Contain("BB9032"));
        Assert.That(build.Output, Does.Match(@"ok\s+script\s+10\.4 kB in 4 files gzip"));
        var real = BudgetCheck.Run(new CheckOptions(sample.BudgetFile, sample.OutputFolder));
        var main = Path.Combine(sample.OutputFolder, "assets", "main-C17BpASX.js");
        long mainRaw;
        using (var report = sample.ReadReport())
        {
            Assert.That(report.RootElement.GetProperty("outputPath").GetString(), Is.EqualTo(link));
            var assets = report.RootElement.GetProperty("assets").EnumerateArray().ToList();
            Assert.That(assets, Has.Count.EqualTo(real.Assets.Count).And.Count.EqualTo(Directory.GetFiles(TestAssets.ViteDist, "*", SearchOption.AllDirectories).Length));
            foreach (var asset in assets)
            {
                var expected = real.Sizes[asset.GetProperty("path").GetString()!];
                Assert.That(asset.GetProperty("raw").GetInt64(), Is.EqualTo(expected.Raw));
                Assert.That(asset.GetProperty("gzip").ValueKind == JsonValueKind.Null ? (long?)null : asset.GetProperty("gzip").GetInt64(), Is.EqualTo(expected.Gzip));
            }

            var script = report.RootElement.GetProperty("budgets").EnumerateArray().Single(b => b.GetProperty("name").GetString() == "script");
            Assert.That(script.GetProperty("matchedFiles").GetInt32(), Is.EqualTo(4));
            Assert.That(script.GetProperty("status").GetString(), Is.EqualTo("pass"));
            mainRaw = assets.Single(a => a.GetProperty("path").GetString() == "assets/main-C17BpASX.js").GetProperty("raw").GetInt64();
        }

        var unchanged = sample.Build();
        Assert.That(unchanged.ExitCode, Is.Zero, unchanged.ToString());
        Assert.That(unchanged.Output, Does.Contain("Skipping target \"CheckBundleBudget\""), "the incremental check works through the link");

        File.AppendAllText(main, "\n// touched\n");
        var changed = sample.Build();

        Assert.That(changed.ExitCode, Is.Zero, changed.ToString());
        Assert.That(changed.Output, Does.Not.Contain("Skipping target \"CheckBundleBudget\""), "a file changed behind the link");
        Assert.That(changed.Output, Does.Contain("BundleBudget: within budget"));
        using (var report = sample.ReadReport())
        {
            var asset = report.RootElement.GetProperty("assets").EnumerateArray().Single(a => a.GetProperty("path").GetString() == "assets/main-C17BpASX.js");
            Assert.That(asset.GetProperty("raw").GetInt64(), Is.EqualTo(mainRaw + "\n// touched\n".Length));
        }
    }

    /// <summary>No line, after its leading spaces, starts a workflow command ('::' or '##[').</summary>
    private static void AssertNoLineStartsAWorkflowCommand(string output)
    {
        var commands = HostileInputTests.Lines(output).Select(l => l.TrimStart()).Where(l => l.StartsWith("::", StringComparison.Ordinal) || l.StartsWith("##[", StringComparison.Ordinal));
        Assert.That(commands, Is.Empty);
    }

    /// <summary>At most 20 BB1005 warnings (MSBuild repeats each, without the "1>" of its node, in its closing summary) and the line that counts the rest.</summary>
    private static void AssertTwentyShownAndTheRestCounted(string output)
    {
        var lines = HostileInputTests.Lines(output).ToList();
        var shown = lines.Where(l => l.Contains("warning BB1005:", StringComparison.Ordinal)).Select(l => NodePrefix().Replace(l.Trim(), string.Empty)).Distinct().ToList();
        Assert.That(shown, Has.Count.EqualTo(20), string.Join('\n', shown.Take(30)));
        Assert.That(lines.Count(l => l.Contains("bundle-budget: 99,980 more BB1005 warnings are not printed (20 shown, 100,000 in all); the JSON report lists every one.", StringComparison.Ordinal)), Is.EqualTo(1));
        Assert.That(lines, Has.Count.LessThan(400), "the log stays readable");
    }

    /// <summary>The sample's build, as <see cref="SampleProject.Build"/> runs it, with environment variables of its own.</summary>
    private static ProcessResult Build(SampleProject sample, IReadOnlyDictionary<string, string?> environment) =>
        ProcessRunner.Run("dotnet", sample.ProjectDirectory, TimeSpan.FromMinutes(5), environment,
            "build", sample.ProjectDirectory, "--disable-build-servers", "-v:n",
            $"-p:BundleBudgetPackageVersion={PackageFeed.Version}",
            $"-p:RestorePackagesPath={sample.PackagesFolder}");

    [GeneratedRegex(@"^\d+>")]
    private static partial Regex NodePrefix();
}
