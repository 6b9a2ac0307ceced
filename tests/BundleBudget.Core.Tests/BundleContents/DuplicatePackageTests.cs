using System.Text.Json;
using BundleBudget.Core.BundleContents;
using BundleBudget.Core.Diagnostics;
using BundleBudget.Core.Reports;

namespace BundleBudget.Core.Tests.BundleContents;

/// <summary>
/// BB2006 on testassets/webpack-duplicates: two webpack entry points that both import dayjs and nanoid, built with
/// webpack's default splitChunks (lazy chunks only), so each entry bundle carries its own copy. Checked against
/// webpack's own stats (which modules are in which chunks) and source-map-explorer's bytes.
/// </summary>
public class DuplicatePackageTests
{
    private static readonly string Fixture = Path.Combine(TestAssets.Folder, "webpack-duplicates");
    private TemporaryFolder _folder = null!;

    [SetUp]
    public void SetUp() => _folder = new TemporaryFolder();

    [TearDown]
    public void TearDown() => _folder.Dispose();

    /// <summary>A check of a copy of the fixture (its dist, src and lockfile), with budget.json beside them as a project has it.</summary>
    private CheckResult Check(string? report = null)
    {
        foreach (var file in Directory.EnumerateFiles(Fixture, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(Fixture, file);
            if (relative.StartsWith("dist", StringComparison.Ordinal) || relative.StartsWith("src", StringComparison.Ordinal) || relative is "package.json" or "package-lock.json")
            {
                Directory.CreateDirectory(Path.GetDirectoryName(_folder.Combine(relative))!);
                File.Copy(file, _folder.Combine(relative));
            }
        }

        var budget = _folder.Write("budget.json", """{ "outputPath": "dist", "budgets": [{ "type": "script", "maximumError": "1MB" }] }""");
        return BudgetCheck.Run(new CheckOptions(budget) { Reports = new ReportOptions(Json: report) });
    }

    private static JsonElement Oracle(string file) => JsonDocument.Parse(File.ReadAllText(Path.Combine(Fixture, file))).RootElement;

    [Test]
    public void The_packages_in_two_bundles_are_the_ones_webpacks_stats_put_in_two_chunks()
    {
        var duplicates = Check().Analyses.Of(BundlesAnalysis.Instance).Duplicates;

        var expected = Oracle("expected-duplicates.json").GetProperty("duplicates").EnumerateArray()
            .Select(d => (d.GetProperty("package").GetString(), string.Join(",", d.GetProperty("chunks").EnumerateArray().Select(c => c.GetString()).Order(StringComparer.Ordinal))))
            .OrderBy(d => d.Item1, StringComparer.Ordinal);
        Assert.That(
            duplicates.Select(d => (d.Package, string.Join(",", d.Copies.Select(c => c.Bundle).Order(StringComparer.Ordinal)))).OrderBy(d => d.Package, StringComparer.Ordinal),
            Is.EqualTo(expected));
    }

    [Test]
    public void Each_copy_has_the_bytes_source_map_explorer_gives_and_one_copy_is_what_sharing_saves()
    {
        var duplicates = Check().Analyses.Of(BundlesAnalysis.Instance).Duplicates;
        var explorer = Oracle("source-map-explorer.json").GetProperty("bundles");

        foreach (var duplicate in duplicates)
        {
            var module = $"webpack://bundlebudget-webpack-duplicates/{duplicate.InstallPath}/";
            foreach (var copy in duplicate.Copies)
            {
                var expected = explorer.GetProperty(copy.Bundle).GetProperty("files").EnumerateObject()
                    .Where(f => f.Name.StartsWith(module, StringComparison.Ordinal)).Sum(f => f.Value.GetInt64());
                Assert.That(copy.Bytes, Is.EqualTo(expected), $"{duplicate.Package} in {copy.Bundle}");
            }

            Assert.That(duplicate.DuplicatedBytes, Is.EqualTo(duplicate.Copies.Sum(c => c.Bytes) - duplicate.Copies.Max(c => c.Bytes)));
        }

        var dayjs = duplicates.Single(d => d.Package == "dayjs");
        Assert.That(dayjs.Copies.Select(c => c.Bytes), Is.EqualTo(new[] { 6958L, 6958L }));
        Assert.That(dayjs.InstallPath, Is.EqualTo("node_modules/dayjs"));
        Assert.That(dayjs.Version, Is.EqualTo("1.11.23"), "from the fixture's package-lock.json (node_modules is not committed)");
    }

    [Test]
    public void Each_duplicate_is_a_BB2006_warning_with_the_bundles_and_the_fix_and_is_in_the_reports()
    {
        var reportPath = _folder.Combine("report.json");
        var result = Check(reportPath);

        var warnings = result.Diagnostics.Where(d => d.Code == BundleDiagnostics.DuplicatePackage).ToList();
        Assert.That(warnings, Has.Count.EqualTo(2));
        var dayjs = warnings.Single(w => w.Message.StartsWith("dayjs", StringComparison.Ordinal));
        Assert.That(dayjs.Severity, Is.EqualTo(Severity.Warning));
        Assert.That(dayjs.Message, Is.EqualTo("dayjs 1.11.23 is bundled into 2 bundles (admin.2ac98d2b.js 7.0 kB, shop.311137c7.js 7.0 kB, raw): 7.0 kB duplicated. Load it from one shared chunk: with webpack, optimization.splitChunks.chunks: 'all'; with Vite or Rollup, import it from a module both entries share, or name it in manualChunks."));
        Assert.That(dayjs.File, Is.EqualTo(_folder.Combine("dist", "admin.2ac98d2b.js")));

        using var report = JsonDocument.Parse(File.ReadAllText(reportPath));
        var first = report.RootElement.GetProperty("duplicatePackages")[0];
        Assert.That(first.GetProperty("package").GetString(), Is.EqualTo("dayjs"));
        Assert.That(first.GetProperty("duplicatedBytes").GetInt64(), Is.EqualTo(6958));
        Assert.That(MarkdownReportWriter.Render(result), Does.Contain("| dayjs 1.11.23 | admin.2ac98d2b.js (7.0 kB), shop.311137c7.js (7.0 kB) | 7.0 kB |"));
    }
}

/// <summary>How modules of bundles in different folders, and of different installs, are told apart (maps made for it).</summary>
public class DuplicatePackageKeyTests
{
    private static BundleComposition Bundle(string path, string map, params string[] sources) =>
        new(path, map, 1000, [], sources.Select(s => new SourceShare(s, 100)).ToList());

    [Test]
    public void One_file_named_from_maps_in_different_folders_is_one_module()
    {
        var duplicates = DuplicatePackage.Find(
            [Bundle("index.js", "index.js.map", "../node_modules/dayjs/dayjs.min.js"), Bundle("assets/admin.js", "assets/admin.js.map", "../../node_modules/dayjs/dayjs.min.js")],
            Core.Imports.ImportAnalysis.None);

        Assert.That(duplicates.Single().InstallPath, Is.EqualTo("node_modules/dayjs"));
        Assert.That(duplicates.Single().DuplicatedBytes, Is.EqualTo(100));
    }

    [Test]
    public void Two_installs_of_a_package_in_a_monorepo_are_not_one_bundled_twice()
    {
        var duplicates = DuplicatePackage.Find(
            [Bundle("a.js", "a.js.map", "../../apps/a/node_modules/dayjs/dayjs.min.js"), Bundle("b.js", "b.js.map", "../../apps/b/node_modules/dayjs/dayjs.min.js")],
            Core.Imports.ImportAnalysis.None);

        Assert.That(duplicates, Is.Empty);
    }

    [Test]
    public void Webpack_sources_are_keyed_without_their_namespace()
    {
        var duplicates = DuplicatePackage.Find(
            [Bundle("a.js", "a.js.map", "webpack://app/./node_modules/@scope/pkg/index.js"), Bundle("b.js", "b.js.map", "webpack:///node_modules/@scope/pkg/index.js")],
            Core.Imports.ImportAnalysis.None);

        Assert.That(duplicates.Single().InstallPath, Is.EqualTo("node_modules/@scope/pkg"));
        Assert.That(duplicates.Single().Package, Is.EqualTo("@scope/pkg"));
    }
}
