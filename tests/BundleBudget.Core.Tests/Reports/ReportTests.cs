using System.Text.Json;
using BundleBudget.Core.Reports;

namespace BundleBudget.Core.Tests.Reports;

public class ReportTests
{
    private TemporaryFolder _folder = null!;
    private CheckResult _result = null!;

    [SetUp]
    public void SetUp()
    {
        _folder = new TemporaryFolder();
        var dist = JsonSerializer.Serialize(TestAssets.ViteDist);
        var path = _folder.Write("budget.json", $$"""
            {
              "outputPath": {{dist}},
              "budgets": [
                { "type": "script", "maximumWarning": "5KB", "maximumError": "500KB" },
                { "type": "image", "scope": "each", "maximumError": "100KB" },
                { "files": "assets/main-*.js", "maximumError": "150KB", "compression": "brotli" }
              ]
            }
            """);
        _result = BudgetCheck.Run(new CheckOptions(path));
    }

    [TearDown]
    public void TearDown() => _folder.Dispose();

    [Test]
    public void The_json_report_holds_every_asset_budget_and_finding_with_the_measured_numbers()
    {
        var reportPath = _folder.Combine("out", "report.json");
        JsonReportWriter.Write(_result, reportPath);
        using var report = JsonDocument.Parse(File.ReadAllText(reportPath));
        var root = report.RootElement;

        Assert.That(root.GetProperty("schemaVersion").GetInt32(), Is.EqualTo(1));
        Assert.That(root.GetProperty("tool").GetProperty("version").GetString(), Is.EqualTo(CheckResult.ToolVersion));
        Assert.That(root.GetProperty("budgetFile").GetString(), Is.EqualTo(_folder.Combine("budget.json")));
        Assert.That(root.GetProperty("outputPath").GetString(), Is.EqualTo(TestAssets.ViteDist));

        var assets = root.GetProperty("assets").EnumerateArray().ToList();
        Assert.That(assets.Select(a => a.GetProperty("path").GetString()), Is.EqualTo(_result.Assets.Select(a => a.Path)));
        foreach (var asset in assets)
        {
            var sizes = _result.Sizes[asset.GetProperty("path").GetString()!];
            Assert.That(asset.GetProperty("raw").GetInt64(), Is.EqualTo(sizes.Raw));
            Assert.That(Nullable(asset.GetProperty("gzip")), Is.EqualTo(sizes.Gzip));
            Assert.That(Nullable(asset.GetProperty("brotli")), Is.EqualTo(sizes.Brotli));
        }

        var main = assets.Single(a => a.GetProperty("path").GetString() == "assets/main-C17BpASX.js");
        Assert.That(main.GetProperty("type").GetString(), Is.EqualTo("script"));
        Assert.That(main.GetProperty("counted").GetBoolean(), Is.True);
        Assert.That(main.GetProperty("brotli").GetInt64(), Is.EqualTo(7804));
        var map = assets.Single(a => a.GetProperty("path").GetString() == "assets/main-C17BpASX.js.map");
        Assert.That(map.GetProperty("type").GetString(), Is.EqualTo("sourcemap"));
        Assert.That(map.GetProperty("counted").GetBoolean(), Is.False);
        Assert.That(map.GetProperty("gzip").ValueKind, Is.EqualTo(JsonValueKind.Null));

        var budgets = root.GetProperty("budgets").EnumerateArray().ToList();
        Assert.That(budgets, Has.Count.EqualTo(3));
        Assert.That(budgets[0].GetProperty("type").GetString(), Is.EqualTo("script"));
        Assert.That(budgets[0].GetProperty("status").GetString(), Is.EqualTo("warning"));
        Assert.That(budgets[0].GetProperty("actual").GetInt64(), Is.EqualTo(_result.Budgets[0].Actual));
        Assert.That(budgets[0].GetProperty("maximumWarning").GetInt64(), Is.EqualTo(5000));
        Assert.That(budgets[0].GetProperty("maximumError").GetInt64(), Is.EqualTo(500_000));
        Assert.That(budgets[0].GetProperty("compression").GetString(), Is.EqualTo("gzip"));
        Assert.That(budgets[0].GetProperty("scope").GetString(), Is.EqualTo("total"));
        Assert.That(budgets[0].GetProperty("files").ValueKind, Is.EqualTo(JsonValueKind.Null));
        Assert.That(budgets[0].TryGetProperty("offendingFiles", out _), Is.False);
        var offenders = budgets[1].GetProperty("offendingFiles").EnumerateArray().ToList();
        Assert.That(offenders.Single().GetProperty("path").GetString(), Is.EqualTo("assets/hero-BWnkITgT.png"));
        Assert.That(offenders.Single().GetProperty("actual").GetInt64(), Is.EqualTo(184_766));
        Assert.That(budgets[2].GetProperty("files").GetString(), Is.EqualTo("assets/main-*.js"));
        Assert.That(budgets[2].GetProperty("maximumWarning").ValueKind, Is.EqualTo(JsonValueKind.Null));

        var summary = root.GetProperty("summary");
        Assert.That(summary.GetProperty("status").GetString(), Is.EqualTo("error"));
        Assert.That(summary.GetProperty("errors").GetInt32(), Is.EqualTo(1));
        Assert.That(summary.GetProperty("warnings").GetInt32(), Is.EqualTo(4), "BB1002, BB3003 for the hero PNG, BB3011 for the WOFF fallback, and BB2005: no front-end source beside this budget.json");
        var all = summary.GetProperty("totals").EnumerateArray().Single(t => t.GetProperty("type").GetString() == "all");
        Assert.That(all.GetProperty("files").GetInt32(), Is.EqualTo(15), "the WOFF fallback is listed, not counted");
        Assert.That(all.GetProperty("raw").GetInt64(), Is.EqualTo(_result.Assets.Where(a => a.IsCounted).Sum(a => a.Length)));

        var diagnostics = root.GetProperty("diagnostics").EnumerateArray().Select(d => d.GetProperty("code").GetString()).ToList();
        Assert.That(diagnostics, Is.EquivalentTo(new[] { "BB2005", "BB1002", "BB1001", "BB3003", "BB3011" }));
    }

    [Test]
    public void Two_reports_of_the_same_output_are_identical_so_they_diff_cleanly()
    {
        var again = BudgetCheck.Run(new CheckOptions(_folder.Combine("budget.json")));
        using var first = new MemoryStream();
        using var second = new MemoryStream();
        JsonReportWriter.Write(_result, first);
        JsonReportWriter.Write(again, second);
        Assert.That(second.ToArray(), Is.EqualTo(first.ToArray()));
    }

    [Test]
    public void The_markdown_summary_is_one_table_of_budgets_with_status_actual_and_limit()
    {
        var markdown = MarkdownReportWriter.Render(_result);
        Assert.That(markdown, Does.StartWith("## BundleBudget: :x: over budget"));
        Assert.That(markdown, Does.Contain("| Status | Budget | Actual | Warning at | Error at |"));
        Assert.That(markdown, Does.Contain("| :warning: | script | 10.4 kB in 4 files gzip | 5.0 kB | 500.0 kB |"));
        Assert.That(markdown, Does.Contain("| :x: | image (each) | largest 184.8 kB of 5 files raw | - | 100.0 kB |"));
        Assert.That(markdown, Does.Contain("| :x: | &nbsp;&nbsp;assets/hero-BWnkITgT.png | 184.8 kB | | |"));
        Assert.That(markdown, Does.Contain("1 kB = 1000 bytes"));
    }

    [Test]
    public void A_total_over_its_limit_names_its_largest_files_in_the_message_and_the_markdown()
    {
        var scripts = _result.Assets.Where(a => a.IsCounted && a.Type == Core.Assets.AssetType.Script)
            .OrderByDescending(a => _result.Sizes[a.Path].Gzip).ThenBy(a => a.Path, StringComparer.Ordinal).ToList();
        var over = _result.Diagnostics.Single(d => d.Code == "BB1002" && d.Message.Contains("'script'"));
        Assert.That(over.Message, Does.Contain($"(largest: {scripts[0].Path} {Core.Budgets.ByteSize.Format(_result.Sizes[scripts[0].Path].Gzip!.Value)}, {scripts[1].Path} "));

        var markdown = MarkdownReportWriter.Render(_result);
        var budgetRow = markdown.IndexOf("| :warning: | script |", StringComparison.Ordinal);
        Assert.That(markdown.IndexOf($"| | &nbsp;&nbsp;{MarkdownReportWriter.Escape(scripts[0].Path)} | {Core.Budgets.ByteSize.Format(_result.Sizes[scripts[0].Path].Gzip!.Value)} | | |", StringComparison.Ordinal), Is.GreaterThan(budgetRow));
        Assert.That(_result.Budgets.Single(b => b.Budget.Label == "script").Largest, Has.Count.EqualTo(Math.Min(5, scripts.Count)));
        Assert.That(_result.Budgets.Where(b => b.Status == Core.Evaluation.BudgetStatus.Pass).SelectMany(b => b.Largest), Is.Empty);
    }

    [Test]
    public void The_pages_table_sums_in_the_compression_the_initial_budget_compares()
    {
        var path = _folder.Write("brotli.json", $$"""{ "outputPath": {{JsonSerializer.Serialize(TestAssets.ViteDist)}}, "budgets": [ { "type": "initial", "compression": "brotli", "maximumError": "1MB" } ] }""");
        var result = BudgetCheck.Run(new CheckOptions(path));

        var markdown = MarkdownReportWriter.Render(result);
        Assert.That(markdown, Does.Contain("| Page | Initial files | Initial (brotli) | Lazy files | Lazy (brotli) |"));
        Assert.That(markdown, Does.Contain($"| index.html | {result.Pages.Pages[0].Initial.Count} | {Core.Budgets.ByteSize.Format(result.Budgets.Single().Actual)} |"), "the same number the budget compares");
    }

    [TestCase("<img src=x onerror=alert(1)>.js", "&lt;img src=x onerror=alert(1)&gt;.js")]
    [TestCase("a|b`c`.js", "a\\|b\\`c\\`.js")]
    [TestCase("[link](http://x)", "\\[link\\](http://x)")]
    [TestCase("line\nbreak", "line break")]
    public void Names_cannot_inject_markdown_or_html(string name, string expected)
    {
        Assert.That(MarkdownReportWriter.Escape(name), Is.EqualTo(expected));
    }

    [Test]
    public void The_text_summary_lists_each_budget_and_the_totals_by_type()
    {
        var lines = SummaryTable.Lines(_result);
        Assert.That(lines, Has.Some.Matches(@"^\s+warning\s+script\s+10\.4 kB in 4 files gzip\s+5\.0 kB\s+500\.0 kB$"));
        Assert.That(lines, Has.Some.Matches(@"^\s+ERROR\s+image \(each\)\s+largest 184\.8 kB of 5 files raw"));
        Assert.That(lines, Has.Some.Matches(@"^\s+all\s+15\s+281\.8 kB"));
        Assert.That(SummaryTable.Headline(_result), Is.EqualTo("BundleBudget: over budget (3 budgets, 1 error, 4 warnings)."));
    }

    private static long? Nullable(JsonElement element) => element.ValueKind == JsonValueKind.Null ? null : element.GetInt64();
}
