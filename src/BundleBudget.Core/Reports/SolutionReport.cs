using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using BundleBudget.Core.Evaluation;

namespace BundleBudget.Core.Reports;

/// <summary>
/// The checks of several projects (one budget.json each) as one report: a pull-request comment with a line per project
/// and each project's own section, and a JSON document whose <c>projects</c> are the projects' reports, each as
/// <c>check --json</c> writes it (schema/bundle-budget-solution-report.schema.json).
/// </summary>
public static class SolutionReport
{
    /// <summary>The worst verdict first: bad input, over budget, incomplete, warnings, within budget.</summary>
    public static string Verdict(IReadOnlyList<CheckResult> results)
    {
        var over = results.Count(r => r.HasInputErrors || r.Status == BudgetStatus.Error);
        var incomplete = results.Count(r => !(r.HasInputErrors || r.Status == BudgetStatus.Error) && r.Budgets.Any(b => b.IsIncomplete));
        var within = results.Count - over - incomplete;
        var parts = new List<string>();
        if (over > 0)
        {
            parts.Add($"{over} over budget or not valid");
        }

        if (incomplete > 0)
        {
            parts.Add($"{incomplete} incomplete");
        }

        if (within > 0)
        {
            parts.Add($"{within} within budget");
        }

        return $"{results.Count} projects: {string.Join(", ", parts)}";
    }

    public static string RenderMarkdown(IReadOnlyList<CheckResult> results)
    {
        var worst = results.OrderBy(r => Rank(MarkdownReportWriter.Icon(r))).First();
        var text = new StringBuilder();
        text.Append("## BundleBudget: ").Append(MarkdownReportWriter.Icon(worst)).Append(' ').AppendLine(Verdict(results)).AppendLine();
        text.AppendLine("| | Project | Verdict | Errors | Warnings |").AppendLine("|---|---|---|---:|---:|");
        foreach (var result in results)
        {
            text.Append("| ").Append(MarkdownReportWriter.Icon(result)).Append(" | ").Append(MarkdownReportWriter.Escape(Name(result, results)))
                .Append(" | ").Append(MarkdownReportWriter.Escape(SummaryTable.Verdict(result)))
                .Append(" | ").Append(result.ErrorCount).Append(" | ").Append(result.WarningCount).AppendLine(" |");
        }

        foreach (var result in results)
        {
            // Each project's own comment, one heading level down, under the project's name.
            var own = MarkdownReportWriter.Render(result);
            var firstLine = own.IndexOf('\n');
            text.AppendLine().Append("### ").Append(MarkdownReportWriter.Escape(Name(result, results))).Append(": ").AppendLine(own[(own.IndexOf(':') + 2)..firstLine].TrimEnd());
            text.Append(own[(firstLine + 1)..]);
        }

        return text.ToString();
    }

    public static void WriteMarkdown(IReadOnlyList<CheckResult> results, string path) =>
        IO.ReportFile.Write(path, stream =>
        {
            var bytes = new UTF8Encoding(false).GetBytes(RenderMarkdown(results));
            stream.Write(bytes);
        });

    public static void WriteJson(IReadOnlyList<CheckResult> results, string path) => IO.ReportFile.Write(path, stream =>
    {
        using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        json.WriteStartObject();
        json.WriteNumber("schemaVersion", JsonReportWriter.SchemaVersion);
        json.WriteStartObject("tool");
        json.WriteString("name", "BundleBudget");
        json.WriteString("version", CheckResult.ToolVersion);
        json.WriteEndObject();
        json.WriteString("verdict", Verdict(results));
        json.WriteStartArray("projects");
        foreach (var result in results)
        {
            using var project = new MemoryStream();
            JsonReportWriter.Write(result, project);
            json.WriteRawValue(project.ToArray(), skipInputValidation: true);
        }

        json.WriteEndArray();
        json.WriteEndObject();
    });

    /// <summary>A project's name: the folder of its budget.json.</summary>
    public static string Name(CheckResult result) => Path.GetFileName(Path.GetDirectoryName(result.BudgetFilePath)) ?? result.BudgetFilePath;

    /// <summary>The project's name, or its budget file's path when another project has the same name.</summary>
    private static string Name(CheckResult result, IReadOnlyList<CheckResult> all) =>
        all.Count(r => Name(r) == Name(result)) > 1 ? result.BudgetFilePath : Name(result);

    private static int Rank(string icon) => icon switch
    {
        ":x:" => 0,
        ":grey_question:" => 1,
        ":warning:" => 2,
        _ => 3,
    };
}
