using BundleBudget.Core.Analyses;
using BundleBudget.Core.Assets;
using System.Text.Encodings.Web;
using System.Text.Json;
using BundleBudget.Core.Budgets;
using BundleBudget.Core.Diagnostics;
using BundleBudget.Core.Evaluation;
using BundleBudget.Core.Imports;
using BundleBudget.Core.Measurement;
using BundleBudget.Core.Pages;

namespace BundleBudget.Core.Reports;

/// <summary>
/// Writes the JSON report (schema version 1). Key names and order are stable and documented in README.md;
/// assets are ordered by path so that two reports diff cleanly. All sizes are bytes.
/// </summary>
public static class JsonReportWriter
{
    public const int SchemaVersion = 1;

    public static void Write(CheckResult result, string path) => IO.ReportFile.Write(path, stream => Write(result, stream));

    public static void Write(CheckResult result, Stream stream)
    {
        using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        json.WriteStartObject();
        json.WriteNumber("schemaVersion", SchemaVersion);
        json.Write("tool", new ReportTool("BundleBudget", CheckResult.ToolVersion), ReportJson.Default.ReportTool);
        json.WriteString("budgetFile", result.BudgetFilePath);
        json.WriteString("budgetFileHash", HashOf(result.BudgetFilePath));
        json.WriteString("outputPath", result.OutputFolder);
        json.WriteString("servedBy", result.ServedBy);
        json.WriteString("siteRoot", result.SiteRoot);
        json.WriteBoolean("strict", result.Strict);
        json.WriteString("compression", Name(result.BudgetFile?.Compression ?? Compression.Gzip));
        json.Write("assets", ReportParts.Assets(result), ReportJson.Default.IReadOnlyListReportAsset);
        json.Write("budgets", ReportParts.Budgets(result), ReportJson.Default.IReadOnlyListReportBudget);
        json.Write("pages", ReportParts.Pages(result), ReportJson.Default.IReadOnlyListReportPage);
        foreach (var analysis in AnalysisRegistry.All)
        {
            analysis.WriteJson(json, result.Analyses.Of(analysis));
        }

        json.Write("diagnostics", ReportParts.Diagnostics(result), ReportJson.Default.IReadOnlyListReportDiagnostic);
        json.Write("summary", ReportParts.Summary(result), ReportJson.Default.ReportSummary);
        json.WriteEndObject();
    }

    /// <summary>SHA-256 of the budget file, so that a reviewer sees when two reports were checked against different budgets.</summary>
    private static string? HashOf(string path)
    {
        try
        {
            if (IO.FileLength.Of(path) <= 0)
            {
                return null; // empty, or a FIFO or device: never opened
            }

            using var stream = File.OpenRead(path);
            return "sha256:" + Compressors.ContentHash(stream);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static string Name(Compression compression) => compression.ToString().ToLowerInvariant();

}
