using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;
using BundleBudget.Core.Reports;

namespace BundleBudget.Core.Tests.Reports;

/// <summary>The report against schema/bundle-budget-report.schema.json, and the SARIF output against the OASIS SARIF 2.1.0 schema.</summary>
public class SchemaTests
{
    // A schema is registered globally by its $id when loaded, so each is loaded once.
    private static readonly Dictionary<string, JsonSchema> Loaded = [];

    private static JsonSchema Load(string file)
    {
        lock (Loaded)
        {
            if (!Loaded.TryGetValue(file, out var schema))
            {
                Loaded[file] = schema = JsonSchema.FromText(File.ReadAllText(Path.Combine(TestAssets.RepositoryRoot, "schema", file)));
            }

            return schema;
        }
    }

    private static void AssertValid(JsonSchema schema, byte[] document)
    {
        using var parsed = JsonDocument.Parse(document);
        var result = schema.Evaluate(parsed.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
        var errors = (result.Details ?? []).Where(d => d.Errors is { Count: > 0 })
            .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Key} {e.Value}")).ToList();
        Assert.That(result.IsValid, Is.True, string.Join("\n", errors.Take(20)));
    }

    private static CheckResult Check(TemporaryFolder folder, string fixture, string extra = "")
    {
        var dist = JsonSerializer.Serialize(Path.Combine(TestAssets.Folder, fixture, fixture == "media-site" ? "site" : "dist"));
        var budget = folder.Write("budget.json", $$"""
            { "outputPath": {{dist}}, {{extra}}
              "budgets": [ { "type": "script", "maximumError": "10KB" }, { "type": "image", "scope": "each", "maximumError": "100KB" }, { "type": "initial", "maximumError": "30KB" } ],
              "imports": { "sources": [ {{JsonSerializer.Serialize(Path.GetRelativePath(folder.Path, Path.Combine(TestAssets.Folder, fixture, "src")).Replace('\\', '/') + "/**/*.{js,jsx,ts,tsx}")}} ] } }
            """);
        return BudgetCheck.Run(new CheckOptions(budget, BrotliForAll: fixture == "vite-app"));
    }

    [TestCase("vite-app")]
    [TestCase("ts-app")]
    [TestCase("media-site")]
    public void The_report_validates_against_its_schema(string fixture)
    {
        using var folder = new TemporaryFolder();
        var result = Check(folder, fixture);
        using var stream = new MemoryStream();
        JsonReportWriter.Write(result, stream);
        AssertValid(Load("bundle-budget-report.schema.json"), stream.ToArray());
    }

    [Test]
    public void A_report_with_page_timings_and_timing_budgets_validates_against_its_schema()
    {
        using var folder = new TemporaryFolder();
        folder.Write("dist/index.html", "<!DOCTYPE html><html><body>Home</body></html>");
        var budget = folder.Write("budget.json", """
            { "outputPath": "dist", "budgets": [ { "type": "timing", "metric": "lcp", "maximumError": "2.5s" }, { "type": "timing", "metric": "cls", "maximumError": 0.1 }, { "type": "timing", "metric": "score", "minimumError": 90 } ], "imports": { "rules": "none" } }
            """);
        var measurer = new Timings.FakeMeasurer(_ => new Dictionary<Core.Timings.BudgetMetric, double> { [Core.Timings.BudgetMetric.Lcp] = 1800, [Core.Timings.BudgetMetric.Cls] = 0.03, [Core.Timings.BudgetMetric.Score] = 93 });
        var result = BudgetCheck.Run(new CheckOptions(budget) { Measure = new Core.Timings.MeasureOptions(measurer) });
        using var stream = new MemoryStream();
        JsonReportWriter.Write(result, stream);
        AssertValid(Load("bundle-budget-report.schema.json"), stream.ToArray());
    }

    [Test]
    public void The_report_of_several_projects_validates_against_its_schema()
    {
        using var one = new TemporaryFolder();
        using var two = new TemporaryFolder();
        var results = new[] { Check(one, "vite-app"), Check(two, "media-site") };
        var path = Path.Combine(one.Path, "solution.json");

        SolutionReport.WriteJson(results, path);

        Load("bundle-budget-report.schema.json");
        AssertValid(Load("bundle-budget-solution-report.schema.json"), File.ReadAllBytes(path));
        using var written = JsonDocument.Parse(File.ReadAllText(path));
        Assert.That(written.RootElement.GetProperty("projects").EnumerateArray().Select(p => p.GetProperty("budgetFile").GetString()), Is.EqualTo(results.Select(r => r.BudgetFilePath)));
        Assert.That(SolutionReport.RenderMarkdown(results), Does.Contain("| " + SolutionReport.Name(results[1]) + " |").And.Contain("### " + SolutionReport.Name(results[0]) + ": "));
    }

    [Test]
    public void A_report_of_a_bad_budget_file_validates_too()
    {
        using var folder = new TemporaryFolder();
        var budget = folder.Write("budget.json", "{ \"budgets\": [");
        using var stream = new MemoryStream();
        JsonReportWriter.Write(BudgetCheck.Run(new CheckOptions(budget)), stream);
        AssertValid(Load("bundle-budget-report.schema.json"), stream.ToArray());
    }

    [Test]
    public void The_schema_rejects_a_report_with_an_undocumented_key()
    {
        using var folder = new TemporaryFolder();
        using var stream = new MemoryStream();
        JsonReportWriter.Write(Check(folder, "vite-app"), stream);
        var node = JsonNode.Parse(stream.ToArray())!;
        node["surprise"] = 1;
        using var changed = JsonDocument.Parse(node.ToJsonString());
        Assert.That(Load("bundle-budget-report.schema.json").Evaluate(changed.RootElement).IsValid, Is.False);
    }

    [Test]
    public void SARIF_output_validates_against_the_SARIF_2_1_0_schema_with_import_findings_at_their_source()
    {
        using var folder = new TemporaryFolder();
        var result = Check(folder, "ts-app");
        using var stream = new MemoryStream();
        SarifWriter.Write(result, stream);
        AssertValid(Load("sarif-2.1.0.schema.json"), stream.ToArray());

        var broken = JsonNode.Parse(stream.ToArray())!;
        broken["runs"]![0]!["results"]![0]!["level"] = "fatal";
        using (var invalid = JsonDocument.Parse(broken.ToJsonString()))
        {
            Assert.That(Load("sarif-2.1.0.schema.json").Evaluate(invalid.RootElement).IsValid, Is.False, "the SARIF schema really validates");
        }

        using var sarif = JsonDocument.Parse(stream.ToArray());
        var run = sarif.RootElement.GetProperty("runs")[0];
        var results = run.GetProperty("results").EnumerateArray().ToList();
        Assert.That(results, Has.Count.EqualTo(result.Diagnostics.Count));
        var lodash = results.First(r => r.GetProperty("ruleId").GetString() == "BB2001");
        var location = lodash.GetProperty("locations")[0].GetProperty("physicalLocation");
        Assert.That(location.GetProperty("artifactLocation").GetProperty("uri").GetString(), Does.EndWith("ts-app/src/admin.tsx"));
        Assert.That(location.GetProperty("region").GetProperty("startLine").GetInt32(), Is.EqualTo(4));
        Assert.That(location.GetProperty("region").GetProperty("startColumn").GetInt32(), Is.EqualTo(20));
        var rules = run.GetProperty("tool").GetProperty("driver").GetProperty("rules").EnumerateArray().Select(r => r.GetProperty("id").GetString()).ToList();
        Assert.That(rules, Is.Ordered.And.Contains("BB2001").And.Contains("BB2002").And.Contains("BB1001"));
        Assert.That(lodash.GetProperty("ruleIndex").GetInt32(), Is.EqualTo(rules.IndexOf("BB2001")));
    }
}
