using System.IO.Compression;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using BundleBudget.Core;

namespace BundleBudget.EndToEnd.Tests;

/// <summary>The package as a user gets it: packed, restored from a folder feed, run by dotnet build.</summary>
[NonParallelizable]
public class MSBuildTaskTests
{
    [Test]
    public void The_package_is_self_contained_with_the_task_and_its_dependencies_and_no_msbuild_assemblies()
    {
        using var package = ZipFile.OpenRead(PackageFeed.PackagePath);
        var entries = package.Entries.Select(e => e.FullName).ToList();
        Assert.That(entries, Does.Contain("build/BundleBudget.props"));
        Assert.That(entries, Does.Contain("build/BundleBudget.targets"));
        Assert.That(entries, Does.Contain("tasks/net8.0/BundleBudget.Tasks.dll"));
        Assert.That(entries, Does.Contain("tasks/net8.0/BundleBudget.Core.dll"));
        Assert.That(entries, Does.Contain("tasks/net8.0/Acornima.dll").And.Contain("tasks/net8.0/AngleSharp.dll").And.Contain("tasks/net8.0/AngleSharp.Css.dll").And.Contain("tasks/net8.0/SixLabors.ImageSharp.dll"));
        Assert.That(entries, Does.Contain("tasks/net8.0/BundleBudget.Browser.dll").And.Contain("tasks/net8.0/PuppeteerSharp.dll"), "measuring needs nothing else installed but a browser");
        Assert.That(entries, Does.Contain("schema/bundle-budget-report.schema.json"));
        Assert.That(entries, Does.Contain("schema/budget.schema.json"));
        Assert.That(entries, Does.Contain("buildMultiTargeting/BundleBudget.targets"));
        Assert.That(entries, Has.None.StartsWith("tasks/net8.0/Microsoft.Build"));
        Assert.That(entries, Has.None.StartsWith("lib/"));

        var nuspecEntry = package.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal));
        using var nuspec = nuspecEntry.Open();
        var document = XDocument.Load(nuspec);
        var dependencies = document.Descendants().Where(e => e.Name.LocalName == "dependency").ToList();
        Assert.That(dependencies, Is.Empty, "a consumer must restore the package from a folder feed alone");
        Assert.That(document.Descendants().Single(e => e.Name.LocalName == "developmentDependency").Value, Is.EqualTo("true"));
    }

    [Test]
    public void A_build_within_budget_passes_prints_the_summary_and_writes_reports_equal_to_the_engine()
    {
        using var sample = new SampleProject();
        var build = sample.Build();

        Assert.That(build.ExitCode, Is.Zero, build.ToString());
        Assert.That(build.Output, Does.Contain("BundleBudget: within budget, with warnings (5 budgets, 0 errors, 2 warnings)."));
        Assert.That(build.Output, Does.Match(@"ok\s+script\s+10\.4 kB in 4 files gzip\s+400\.0 kB\s+500\.0 kB"));
        Assert.That(File.Exists(sample.MarkdownPath), Is.True);

        var engine = BudgetCheck.Run(new CheckOptions(sample.BudgetFile));
        using var report = sample.ReadReport();
        var assets = report.RootElement.GetProperty("assets").EnumerateArray().ToList();
        Assert.That(assets, Has.Count.EqualTo(engine.Assets.Count));
        foreach (var asset in assets)
        {
            var expected = engine.Sizes[asset.GetProperty("path").GetString()!];
            Assert.That(asset.GetProperty("raw").GetInt64(), Is.EqualTo(expected.Raw));
            Assert.That(asset.GetProperty("gzip").ValueKind == System.Text.Json.JsonValueKind.Null ? (long?)null : asset.GetProperty("gzip").GetInt64(), Is.EqualTo(expected.Gzip));
        }

        var actuals = report.RootElement.GetProperty("budgets").EnumerateArray().Select(b => b.GetProperty("actual").GetInt64());
        Assert.That(actuals, Is.EqualTo(engine.Budgets.Select(b => b.Actual)));
        Assert.That(report.RootElement.GetProperty("summary").GetProperty("status").GetString(), Is.EqualTo("warning"));
        Assert.That(File.Exists(Path.Combine(sample.ProjectDirectory, "bin", "Debug", "net10.0", "budget.json")), Is.False, "budget.json is build configuration, not app content");
    }

    [Test]
    public void A_build_over_budget_fails_with_BB1001_at_the_budget_line_and_at_each_offending_file_and_fails_again_until_fixed()
    {
        using var sample = new SampleProject();
        sample.WriteBudget("""
            { "type": "script", "maximumError": "10KB" },
            { "type": "image", "scope": "each", "maximumError": "100KB" },
            { "type": "font", "maximumWarning": "20KB", "maximumError": "100KB" }
            """);

        var build = sample.Build();

        Assert.That(build.ExitCode, Is.Not.Zero, build.ToString());
        var budgetFile = Regex.Escape(sample.BudgetFile);
        Assert.That(build.Output, Does.Match(budgetFile + @"\(4,5\): error BB1001: Budget 'script' exceeded: 4 files total 10\.\d kB gzip \(largest: assets/main-[^ ]+\.js [0-9.]+ kB, [^)]+\), limit 10\.0 kB \(maximumError\), over by \d+ B \(\+\d\.\d%\)"));
        var hero = Regex.Escape(Path.Combine(sample.OutputFolder, "assets", "hero-BWnkITgT.png"));
        Assert.That(build.Output, Does.Match(hero + @" ?: error BB1001: Budget 'image \(each\)' exceeded: assets/hero-BWnkITgT\.png is 184\.8 kB raw, limit 100\.0 kB \(maximumError\), over by 84\.8 kB \(\+84\.8%\)"));
        Assert.That(build.Output, Does.Match(budgetFile + @"\(6,\d+\): warning BB1002: Budget 'font' exceeded: 1 file total 23\.7 kB raw"), "the WOFF fallback no browser downloads is not counted");

        using (var report = sample.ReadReport())
        {
            var summary = report.RootElement.GetProperty("summary");
            Assert.That(summary.GetProperty("status").GetString(), Is.EqualTo("error"));
            Assert.That(summary.GetProperty("errors").GetInt32(), Is.EqualTo(2));
            Assert.That(summary.GetProperty("warnings").GetInt32(), Is.EqualTo(3), "BB1002 for the fonts, BB3003 for the hero PNG, BB3011 for the WOFF fallback");
            Assert.That(report.RootElement.GetProperty("sourceFilesAnalysed").GetInt32(), Is.GreaterThan(0), "the sources of the front end beside the project are read");
        }

        var again = sample.Build();
        Assert.That(again.ExitCode, Is.Not.Zero, "a skipped check must never turn a failure into a pass");
        Assert.That(again.Output, Does.Contain("error BB1001"));

        sample.WriteBudget("""{ "type": "script", "maximumError": "500KB" }""");
        var fixedBuild = sample.Build();
        Assert.That(fixedBuild.ExitCode, Is.Zero, fixedBuild.ToString());
    }

    [Test]
    public void BundleBudgetMeasure_measures_the_pages_in_the_installed_browser_and_without_it_timing_budgets_are_incomplete()
    {
        using var sample = new SampleProject();
        File.WriteAllText(sample.BudgetFile, """
            { "outputPath": "../vite-app/dist", "timings": { "runs": 1, "device": "desktop" },
              "budgets": [ { "type": "timing", "metric": "lcp", "maximumError": "1ms" }, { "type": "timing", "metric": "cls", "maximumError": 0.1 } ],
              "imports": { "rules": "none" } }
            """);

        var unmeasured = sample.Build();
        Assert.That(unmeasured.ExitCode, Is.Zero, unmeasured.ToString());
        Assert.That(unmeasured.Output, Does.Contain("warning BB4003").And.Contain("-p:BundleBudgetMeasure=true"));
        Assert.That(unmeasured.Output, Does.Match(@"INCOMPLETE\s+lcp \(each page\)"));

        var measured = sample.Build("BundleBudgetMeasure=true");
        Assert.That(measured.ExitCode, Is.Not.Zero, measured.ToString());
        Assert.That(measured.Output, Does.Contain("error BB1001: Budget 'lcp (each page)' exceeded: index.html's Largest Contentful Paint is"));
        Assert.That(measured.Output, Does.Match(@"ok\s+cls \(each page\)"), "the Vite sample does not shift");
        using var report = sample.ReadReport();
        Assert.That(report.RootElement.GetProperty("timings").GetProperty("pages").EnumerateArray().Select(p => p.GetProperty("page").GetString()), Is.EquivalentTo(new[] { "index.html", "about.html" }), "the sample's two pages");
    }

    [Test]
    public void An_unchanged_build_skips_the_check_and_a_changed_output_folder_runs_it_again()
    {
        using var sample = new SampleProject();
        var first = sample.Build();
        Assert.That(first.ExitCode, Is.Zero, first.ToString());
        Assert.That(first.Output, Does.Contain("BundleBudget: within budget"));

        var second = sample.Build();
        Assert.That(second.ExitCode, Is.Zero, second.ToString());
        Assert.That(second.Output, Does.Contain("Skipping target \"CheckBundleBudget\""));
        Assert.That(second.Output, Does.Not.Contain("BundleBudget: within budget"));
        Assert.That(second.Output, Does.Contain("BundleBudget: unchanged since the last check (2 warnings repeated)."));
        Assert.That(second.Output, Does.Match(@"hero-BWnkITgT\.png ?: warning BB3003"), "the warnings stay visible while nothing changes");

        File.Delete(Path.Combine(sample.OutputFolder, "assets", "team-VZtWTLTK.jpg"));
        var third = sample.Build();
        Assert.That(third.ExitCode, Is.Zero, third.ToString());
        Assert.That(third.Output, Does.Contain("BundleBudget: within budget"));
        using var report = sample.ReadReport();
        Assert.That(report.RootElement.GetProperty("assets").EnumerateArray().Select(a => a.GetProperty("path").GetString()), Has.None.EqualTo("assets/team-VZtWTLTK.jpg"));
    }

    [Test]
    public void A_malformed_budget_file_fails_the_build_with_BB9xxx_at_its_line_and_column()
    {
        using var sample = new SampleProject();
        File.WriteAllText(sample.BudgetFile, """
            {
              "outputPath": "../vite-app/dist",
              "budgets": [
                { "type": "script", "maximumEror": "500KB" },
                { "type": "image", "maximumError": "lots" }
              ]
            }
            """);

        var build = sample.Build();

        Assert.That(build.ExitCode, Is.Not.Zero, build.ToString());
        var budgetFile = Regex.Escape(sample.BudgetFile);
        Assert.That(build.Output, Does.Match(budgetFile + @"\(4,25\): error BB9002: Unknown key ""maximumEror"" in a budget\. Did you mean ""maximumError""\?"));
        Assert.That(build.Output, Does.Match(budgetFile + @"\(5,40\): error BB9004: ""maximumError"": ""lots"" is not a size"));
        Assert.That(build.Output, Does.Not.Contain("BB9999"));
        Assert.That(build.Output, Does.Not.Contain("MSB4018"));
    }

    [Test]
    public void The_check_can_be_disabled_and_its_output_folder_overridden()
    {
        using var sample = new SampleProject();
        sample.WriteBudget("""{ "type": "script", "maximumError": "1KB" }""");

        var disabled = sample.Build("BundleBudgetEnabled=false");
        Assert.That(disabled.ExitCode, Is.Zero, disabled.ToString());
        Assert.That(disabled.Output, Does.Not.Contain("BB1001"));

        var other = Path.Combine(sample.ProjectDirectory, "wwwroot");
        Directory.CreateDirectory(other);
        File.WriteAllText(Path.Combine(other, "tiny.js"), "console.log(1)");
        var overridden = sample.Build($"BundleBudgetOutputPath={other}");
        Assert.That(overridden.ExitCode, Is.Zero, overridden.ToString());
        Assert.That(overridden.Output, Does.Contain("BundleBudget: within budget"));
    }

    [Test]
    public void A_missing_output_folder_is_error_BB9007()
    {
        using var sample = new SampleProject();
        var build = sample.Build("BundleBudgetOutputPath=no-such-dist");
        Assert.That(build.ExitCode, Is.Not.Zero);
        Assert.That(build.Output, Does.Contain("error BB9007: Output folder not found: " + Path.Combine(sample.ProjectDirectory, "no-such-dist")));
    }

    [Test]
    public void Pointing_at_another_budget_file_runs_the_check_again_even_when_that_file_is_older()
    {
        using var sample = new SampleProject();
        Assert.That(sample.Build().ExitCode, Is.Zero);

        var strict = Path.Combine(sample.ProjectDirectory, "strict.json");
        File.WriteAllText(strict, """{ "outputPath": "../vite-app/dist", "budgets": [ { "type": "script", "maximumError": "5KB" } ] }""");
        File.SetLastWriteTimeUtc(strict, new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc));

        var build = sample.Build("BundleBudgetFile=strict.json");
        Assert.That(build.ExitCode, Is.Not.Zero, build.ToString());
        Assert.That(build.Output, Does.Contain("strict.json(1,50): error BB1001"));
    }

    [Test]
    public void An_output_file_replaced_by_an_older_copy_runs_the_check_again()
    {
        using var sample = new SampleProject();
        sample.WriteBudget("""{ "type": "script", "maximumError": "50KB" }""");
        Assert.That(sample.Build().ExitCode, Is.Zero);

        var main = Path.Combine(sample.OutputFolder, "assets", "main-C17BpASX.js");
        File.WriteAllText(main, string.Concat(Enumerable.Range(0, 20_000).Select(i => $"var v{i} = {i * 7919 % 10007};")));
        File.SetLastWriteTimeUtc(main, new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc));

        var build = sample.Build();
        Assert.That(build.ExitCode, Is.Not.Zero, build.ToString());
        Assert.That(build.Output, Does.Contain("error BB1001: Budget 'script' exceeded"));
    }

    [Test]
    public void A_project_with_several_target_frameworks_is_checked_once_in_its_outer_build()
    {
        using var folder = new TemporaryFolder();
        PackageFeed.UseIn(folder);
        folder.Write("dist/app.js", "console.log('a script of some length, more than ten bytes');");
        folder.Write("lib/budget.json", """{ "outputPath": "../dist", "budgets": [ { "type": "script", "maximumError": "10B" } ] }""");
        folder.Write("lib/lib.csproj", $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFrameworks>net10.0;netstandard2.1</TargetFrameworks>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="BundleBudget" Version="{PackageFeed.Version}" />
              </ItemGroup>
            </Project>
            """);

        var build = ProcessRunner.Dotnet(folder.Combine("lib"), "build", "--disable-build-servers", $"-p:RestorePackagesPath={folder.Combine("packages")}");

        Assert.That(build.ExitCode, Is.Not.Zero, build.ToString());
        Assert.That(build.Output, Does.Contain("1 Error(s)"), "one check, not one per framework");
        Assert.That(build.Output, Does.Contain("budget.json(1,41): error BB1001: Budget 'script' exceeded"));

        // Published for one framework (-f), after publish: checked once there.
        var publish = ProcessRunner.Dotnet(folder.Combine("lib"), "publish", "-f", "net10.0", "-o", folder.Combine("out"), "--disable-build-servers", "-p:BundleBudgetOn=publish", $"-p:RestorePackagesPath={folder.Combine("packages")}");
        Assert.That(publish.ExitCode, Is.Not.Zero, publish.ToString());
        Assert.That(publish.Output, Does.Contain("error BB1001: Budget 'script' exceeded"));
        Assert.That(System.Text.RegularExpressions.Regex.Count(publish.Output, "BundleBudget: over budget"), Is.EqualTo(1), "one check");
        Assert.That(File.Exists(folder.Combine("lib/obj/bundlebudget/publish/bundle-budget.json")), Is.True);
    }

    [Test]
    public void Whole_library_imports_are_reported_at_their_source_file_line_and_column_and_can_fail_the_build()
    {
        using var sample = new SampleProject();
        File.WriteAllText(sample.BudgetFile, """
            {
              "outputPath": "../ts-app/dist",
              "budgets": [ { "type": "initial", "entry": "index.html", "maximumError": "170KB" } ],
              "imports": { "sources": ["../ts-app/src/**/*.{js,jsx,ts,tsx}"] }
            }
            """);

        var warned = sample.Build();

        Assert.That(warned.ExitCode, Is.Zero, warned.ToString());
        var src = Regex.Escape(sample.TsAppSources + Path.DirectorySeparatorChar);
        Assert.That(warned.Output, Does.Match(src + @"main\.ts\(5,15\): warning BB2001: Whole-library import of 'lodash' \(import-default, rule lodash\)"));
        Assert.That(warned.Output, Does.Match(src + @"admin\.tsx\(4,20\): warning BB2001: Whole-library import of 'lodash' \(import-namespace"));
        Assert.That(warned.Output, Does.Match(src + @"legacy\.js\(4,21\): warning BB2001: Whole-library import of 'lodash' \(import-named"));
        Assert.That(warned.Output, Does.Match(src + @"reports\.tsx\(4,20\): warning BB2001: Whole-library import of 'moment' \(import-default"));
        Assert.That(warned.Output, Does.Match(@"isObjectLike-BCerrQYU\.js ?: warning BB2002: assets/isObjectLike-BCerrQYU\.js contains the whole of lodash"));
        Assert.That(warned.Output, Does.Match(@"reports-3-a6-wP2\.js ?: warning BB2002: assets/reports-3-a6-wP2\.js contains the whole of moment"));
        using (var report = sample.ReadReport())
        {
            var imports = report.RootElement.GetProperty("imports").EnumerateArray().Select(i => $"{i.GetProperty("file").GetString()}:{i.GetProperty("line").GetInt32()}:{i.GetProperty("column").GetInt32()} {i.GetProperty("module").GetString()}").ToList();
            Assert.That(imports, Is.EqualTo(new[] { "../ts-app/src/admin.tsx:4:20 lodash", "../ts-app/src/legacy.js:4:21 lodash", "../ts-app/src/main.ts:5:15 lodash", "../ts-app/src/reports.tsx:4:20 moment" }));
            var index = report.RootElement.GetProperty("pages").EnumerateArray().Single(p => p.GetProperty("path").GetString() == "index.html");
            Assert.That(index.GetProperty("lazy").EnumerateArray().Select(f => f.GetProperty("path").GetString()), Does.Contain("assets/reports-3-a6-wP2.js"));
        }

        // Fixed sources pass and the check is skipped while nothing changes; a new bad import in a source runs it again.
        var main = Path.Combine(sample.TsAppSources, "main.ts");
        var original = File.ReadAllText(main);
        File.WriteAllText(sample.BudgetFile, File.ReadAllText(sample.BudgetFile).Replace("\"imports\": {", "\"imports\": { \"allow\": [\"lodash\", \"moment\"],", StringComparison.Ordinal));
        Assert.That(sample.Build().ExitCode, Is.Zero);
        Assert.That(sample.Build().Output, Does.Contain("Skipping target \"CheckBundleBudget\""));
        File.WriteAllText(main, "import $ from 'jquery';\n" + original);
        var changed = sample.Build();
        Assert.That(changed.Output, Does.Match(src + @"main\.ts\(1,15\): warning BB2001: Whole-library import of 'jquery'"));
        File.WriteAllText(main, original);

        // A source added in a new folder, where no source was before, is found: the folders the sources were looked for
        // in are part of the up-to-date decision, not only the files found last time.
        Assert.That(sample.Build().Output, Does.Not.Contain("'jquery'"));
        Assert.That(sample.Build().Output, Does.Contain("Skipping target \"CheckBundleBudget\""));
        var added = Path.Combine(sample.TsAppSources, "widgets", "deep", "calendar.ts");
        Directory.CreateDirectory(Path.GetDirectoryName(added)!);
        File.WriteAllText(added, "import $ from 'jquery';\nexport const today = $('#today');\n");
        var withNewFolder = sample.Build();
        Assert.That(withNewFolder.Output, Does.Not.Contain("Skipping target \"CheckBundleBudget\""));
        Assert.That(withNewFolder.Output, Does.Match(Regex.Escape(added) + @"\(1,15\): warning BB2001: Whole-library import of 'jquery'"));
        File.Delete(added);

        File.WriteAllText(sample.BudgetFile, File.ReadAllText(sample.BudgetFile).Replace("\"allow\": [\"lodash\", \"moment\"],", "\"severity\": \"error\",", StringComparison.Ordinal));
        var failed = sample.Build();
        Assert.That(failed.ExitCode, Is.Not.Zero, failed.ToString());
        Assert.That(failed.Output, Does.Match(src + @"main\.ts\(5,15\): error BB2001"));
    }

    [Test]
    public void A_baseline_report_adds_the_changes_to_the_summary_and_SARIF_is_written_as_by_the_CLI()
    {
        using var sample = new SampleProject();
        sample.WriteBudget("""{ "type": "script", "maximumError": "500KB" }""");
        Assert.That(sample.Build().ExitCode, Is.Zero);
        var baseline = Path.Combine(sample.ProjectDirectory, "baseline.json");
        File.Copy(sample.ReportPath, baseline);

        File.WriteAllText(Path.Combine(sample.OutputFolder, "assets", "extra-1a2b3c4d.js"), string.Concat(Enumerable.Range(0, 3000).Select(i => $"var e{i} = {i * 31 % 97};")));
        var build = sample.Build("BundleBudgetBaselineReport=baseline.json", "BundleBudgetSarifReportPath=obj/findings.sarif");

        Assert.That(build.ExitCode, Is.Zero, build.ToString());
        using (var sarif = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(sample.ProjectDirectory, "obj", "findings.sarif"))))
        {
            Assert.That(sarif.RootElement.GetProperty("version").GetString(), Is.EqualTo("2.1.0"), "the task writes SARIF as the CLI does");
            Assert.That(sarif.RootElement.GetProperty("runs")[0].GetProperty("results").GetArrayLength(), Is.GreaterThan(0));
        }

        Assert.That(build.Output, Does.Match(@"BundleBudget: compared with .+baseline\.json: total \+[0-9.]+ kB \(\+[0-9.]+%\)"));
        Assert.That(build.Output, Does.Match(@"script: 10\.4 kB -> [0-9.]+ kB \(\+[0-9.]+ kB"));
        Assert.That(build.Output, Does.Contain("assets/extra-1a2b3c4d.js: +"));
        var html = File.ReadAllText(Path.ChangeExtension(sample.ReportPath, ".html"));
        Assert.That(html, Does.StartWith("<!doctype html>").And.Contains("Changes since the base").And.Contains("assets/extra-1a2b3c4d.js"), "the HTML report beside the JSON report, by default");

        // The report as its own baseline: what changed since the last check. Every check rewrites it, so it is no input:
        // an unchanged build still skips the check.
        var own = $"BundleBudgetBaselineReport={sample.ReportPath}";
        Assert.That(sample.Build(own).Output, Does.Contain("BundleBudget: compared with"));
        var unchanged = sample.Build(own);
        Assert.That(unchanged.Output, Does.Contain("Skipping target \"CheckBundleBudget\""), unchanged.ToString());
    }

    [Test]
    public void Publish_checks_the_published_wwwroot_where_o_puts_it_and_fails_the_publish_over_budget()
    {
        using var sample = new SampleProject();
        TemporaryFolder.CopyDirectory(TestAssets.ViteDist, Path.Combine(sample.ProjectDirectory, "wwwroot"));
        File.WriteAllText(sample.BudgetFile, """{ "budgets": [ { "type": "script", "maximumError": "500KB" } ], "imports": { "rules": "none" } }""");
        var published = Path.Combine(sample.ProjectDirectory, "..", "elsewhere");

        // A web app checks after build by default: publish leaves the published folder unchecked.
        var byDefault = sample.Publish(published);
        Assert.That(byDefault.ExitCode, Is.Zero, byDefault.ToString());
        var publishReport = Path.Combine(sample.ProjectDirectory, "obj", "bundlebudget", "publish", "bundle-budget.json");
        Assert.That(File.Exists(publishReport), Is.False);
        Assert.That(ReportOutputPath(sample.ReportPath), Is.EqualTo(Path.Combine(sample.ProjectDirectory, "wwwroot")));

        var onPublish = sample.Publish(published, "BundleBudgetOn=publish");
        Assert.That(onPublish.ExitCode, Is.Zero, onPublish.ToString());
        Assert.That(ReportOutputPath(publishReport), Is.EqualTo(Path.Combine(Path.GetFullPath(published), "wwwroot")), "the folder -o names, read when publish ran");
        Assert.That(onPublish.Output, Does.Match(@"ok\s+script\s+10\.4 kB in 4 files gzip"));

        // Both: the build's check of the source wwwroot, then the publish check.
        File.Delete(publishReport);
        var both = sample.Publish(published, "BundleBudgetOn=both");
        Assert.That(both.ExitCode, Is.Zero, both.ToString());
        Assert.That(ReportOutputPath(sample.ReportPath), Is.EqualTo(Path.Combine(sample.ProjectDirectory, "wwwroot")));
        Assert.That(ReportOutputPath(publishReport), Is.EqualTo(Path.Combine(Path.GetFullPath(published), "wwwroot")));

        // Over budget after publish: the publish fails, naming the published file.
        File.WriteAllText(sample.BudgetFile, """{ "budgets": [ { "type": "script", "scope": "each", "maximumError": "1KB" } ], "imports": { "rules": "none" } }""");
        var over = sample.Publish(published, "BundleBudgetOn=publish");
        Assert.That(over.ExitCode, Is.Not.Zero);
        Assert.That(over.Output, Does.Contain(Path.Combine(Path.GetFullPath(published), "wwwroot", "assets")).And.Contain("error BB1001"));

        static string ReportOutputPath(string report)
        {
            using var json = System.Text.Json.JsonDocument.Parse(File.ReadAllText(report));
            return json.RootElement.GetProperty("outputPath").GetString()!;
        }
    }
}
