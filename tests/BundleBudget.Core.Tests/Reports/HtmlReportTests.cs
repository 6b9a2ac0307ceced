using System.Text.Json;
using BundleBudget.Core.Compare;
using BundleBudget.Core.Diagnostics;
using BundleBudget.Core.Reports;
using BundleBudget.Core.Reports.Html;

namespace BundleBudget.Core.Tests.Reports;

/// <summary>The HTML report as written (what it draws is tested in a real browser, in BundleBudget.Browser.Tests).</summary>
public class HtmlReportTests
{
    private static readonly string WebpackDist = Path.Combine(TestAssets.Folder, "webpack-duplicates", "dist");
    private TemporaryFolder _folder = null!;

    [SetUp]
    public void SetUp() => _folder = new TemporaryFolder();

    [TearDown]
    public void TearDown() => _folder.Dispose();

    private CheckResult Check(string budgets, ReportOptions reports, string? outputPath = null)
    {
        var budget = _folder.Write("budget.json", $$"""{ "outputPath": {{JsonSerializer.Serialize(outputPath ?? WebpackDist)}}, "budgets": {{budgets}} }""");
        return BudgetCheck.Run(new CheckOptions(budget) { Reports = reports });
    }

    private static JsonElement DataOf(string html)
    {
        const string start = "<script type=\"application/json\" id=\"bb-data\">";
        var from = html.IndexOf(start, StringComparison.Ordinal) + start.Length;
        return JsonDocument.Parse(html[from..html.IndexOf("</script>", from, StringComparison.Ordinal)]).RootElement;
    }

    [Test]
    public void Each_file_carries_its_sizes_its_worst_budget_and_its_packages_and_modules_from_the_map()
    {
        var html = _folder.Combine("report.html");
        var result = Check("""[ { "type": "script", "maximumError": "30kB" }, { "type": "script", "scope": "each", "maximumWarning": "4kB" } ]""", new ReportOptions(Html: html));

        var data = DataOf(File.ReadAllText(html));
        var files = data.GetProperty("files").EnumerateArray().ToDictionary(f => f.GetProperty("p").GetString()!);
        Assert.Multiple(() =>
        {
            Assert.That(files["shop.311137c7.js"].GetProperty("s").GetString(), Is.EqualTo("warning"), "5.1 kB gzip, over its 4 kB warning");
            Assert.That(files["admin.2ac98d2b.js"].GetProperty("s").GetString(), Is.EqualTo("pass"), "3.5 kB gzip");
            Assert.That(files["admin.html"].GetProperty("s").GetString(), Is.EqualTo("none"), "no budget counts a page");
            Assert.That(files["admin.html"].GetProperty("g").GetInt64(), Is.EqualTo(result.Sizes["admin.html"].Gzip), "gzip measured for the report's switch though no budget compares it");
            var dayjs = files["shop.311137c7.js"].GetProperty("pk").EnumerateArray().Single(p => p[0].GetString() == "dayjs");
            Assert.That(dayjs[1].GetInt64(), Is.EqualTo(6958), "source-map-explorer 2.5.3 gives 6,958 B");
            Assert.That(dayjs[2][0][0].GetString(), Is.EqualTo("dayjs/dayjs.min.js"));
            Assert.That(data.GetProperty("views").EnumerateArray().Select(v => v.GetProperty("name").GetString()), Is.EqualTo(new[] { "admin.html", "shop.html", "All files" }));
        });
    }

    [Test]
    public void Markup_in_any_name_is_escaped_in_the_tables_and_cannot_end_the_data_script()
    {
        var output = _folder.Combine("dist");
        Directory.CreateDirectory(output);
        File.WriteAllText(Path.Combine(output, "<script>alert(1)<!--.js"), "var a = '</script>';");
        var html = _folder.Combine("report.html");
        Check("""[ { "name": "</script><script>alert(2)</script>", "type": "script", "maximumError": "1kB" } ]""", new ReportOptions(Html: html), output);

        var text = File.ReadAllText(html);
        Assert.Multiple(() =>
        {
            Assert.That(text.Split("<script").Length - 1, Is.EqualTo(2), "the data and the report's script, no other");
            Assert.That(text.Split("</script>").Length - 1, Is.EqualTo(2));
            Assert.That(text, Does.Contain("&lt;/script&gt;&lt;script&gt;alert(2)&lt;/script&gt;"));
            Assert.That(text, Does.Not.Contain("<!--"));
            Assert.That(DataOf(text).GetProperty("files")[0].GetProperty("p").GetString(), Is.EqualTo("<script>alert(1)<!--.js"), "the name read back as it is");
        });
    }

    [Test]
    public void The_changes_since_a_base_report_name_new_and_removed_packages_and_pair_every_file()
    {
        var baseJson = _folder.Combine("base.json");
        var cart = Check("""[ { "type": "script", "maximumError": "30kB" } ]""", new ReportOptions(Json: baseJson));
        Assert.That(cart.Bundles.Bundles, Has.Count.EqualTo(3));

        // The base without dayjs: as if this change added it.
        var edited = File.ReadAllText(baseJson).Replace("\"name\": \"dayjs\"", "\"name\": \"moment\"", StringComparison.Ordinal);
        File.WriteAllText(baseJson, edited);
        var html = _folder.Combine("report.html");
        var result = Check("""[ { "type": "script", "maximumError": "30kB" } ]""", new ReportOptions(Html: html, Baseline: baseJson));

        Assert.That(result.Reports.Comparison!.Base!.Bundles.Select(b => b.Path), Is.EquivalentTo(new[] { "admin.2ac98d2b.js", "cart.c31aee4f.js", "shop.311137c7.js" }), "the base report's bundles read back");
        var text = File.ReadAllText(html);
        var diff = DataOf(text).GetProperty("diff");
        var (added, removed) = TreemapData.PackageChanges(result.Reports.Comparison.Base, result.Bundles.Bundles.ToDictionary(b => b.Bundle));
        Assert.Multiple(() =>
        {
            Assert.That(added.Select(p => p.Name), Is.EqualTo(new[] { "dayjs" }));
            Assert.That(added.Single().Bytes, Is.EqualTo(2 * 6958), "dayjs in two bundles");
            Assert.That(removed.Select(p => p.Name), Is.EqualTo(new[] { "moment" }));
            Assert.That(diff.GetProperty("files").GetArrayLength(), Is.EqualTo(result.Assets.Count(a => a.IsCounted)), "every file paired with itself");
            var shop = diff.GetProperty("files").EnumerateArray().Single(f => f.GetProperty("p").GetString() == "shop.311137c7.js");
            Assert.That(shop.GetProperty("pk").GetProperty("moment").GetInt64(), Is.EqualTo(6958), "the base's packages of the file, for the package blocks' change");
            Assert.That(text, Does.Contain("Packages new in this build").And.Contains("Packages removed since the base"));
        });
    }

    [Test]
    public void A_report_that_cannot_be_written_is_BB9031_and_the_others_are_still_written()
    {
        var json = _folder.Combine("report.json");
        File.WriteAllText(_folder.Combine("blocker"), "a file where a folder is needed");
        var result = Check("""[ { "type": "script", "maximumError": "30kB" } ]""", new ReportOptions(Json: json, Html: _folder.Combine("blocker", "report.html")));

        Assert.That(result.Reports.Problems.Select(p => p.Code), Is.EqualTo(new[] { DiagnosticCodes.ReportNotWritten }));
        Assert.That(File.Exists(json), Is.True);
    }

    [Test]
    public void Without_a_base_report_there_is_no_diff_and_no_changes_section()
    {
        var html = _folder.Combine("report.html");
        Check("""[ { "type": "script", "maximumError": "30kB" } ]""", new ReportOptions(Html: html, Baseline: _folder.Combine("missing.json")));

        var text = File.ReadAllText(html);
        Assert.That(DataOf(text).TryGetProperty("diff", out _), Is.False);
        Assert.That(text, Does.Not.Contain("id=\"changes\"").And.Not.Contain("<fieldset id=\"bb-mode\""));
    }

    [Test]
    public void The_snapshot_of_a_check_in_memory_has_the_bundles_a_written_report_has()
    {
        var json = _folder.Combine("report.json");
        var result = Check("""[ { "type": "script", "maximumError": "30kB" } ]""", new ReportOptions(Json: json));

        var read = ReportSnapshot.Read(json).Bundles;
        Assert.That(read, Is.EqualTo(ReportSnapshot.From(result).Bundles).Using<Core.BundleContents.ReportBundle>((a, b) =>
            a.Path == b.Path && a.Bytes == b.Bytes && a.Packages.SequenceEqual(b.Packages)));
    }

    [Test]
    public void Every_cell_is_encoded_control_characters_included()
    {
        Assert.That(HtmlBuilder.Encode("a<b>&\"c\u0007"), Is.EqualTo("a&lt;b&gt;&amp;&quot;c\\u{0007}"));
    }
}
