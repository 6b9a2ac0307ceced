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
        json.WriteStartObject("tool");
        json.WriteString("name", "BundleBudget");
        json.WriteString("version", CheckResult.ToolVersion);
        json.WriteEndObject();
        json.WriteString("budgetFile", result.BudgetFilePath);
        json.WriteString("budgetFileHash", HashOf(result.BudgetFilePath));
        json.WriteString("outputPath", result.OutputFolder);
        json.WriteString("siteRoot", result.SiteRoot);
        json.WriteBoolean("strict", result.Strict);
        json.WriteString("compression", Name(result.BudgetFile?.Compression ?? Compression.Gzip));
        WriteAssets(json, result);
        WriteBudgets(json, result);
        WritePages(json, result);
        foreach (var analysis in AnalysisRegistry.All)
        {
            analysis.WriteJson(json, result.Analyses.Of(analysis));
        }

        WriteDiagnostics(json, result.Diagnostics);
        WriteSummary(json, result);
        json.WriteEndObject();
    }

    private static void WriteAssets(Utf8JsonWriter json, CheckResult result)
    {
        json.WriteStartArray("assets");
        foreach (var asset in result.Assets)
        {
            json.WriteStartObject();
            json.WriteString("path", asset.Path);
            json.WriteString("type", asset.Type.ToWireName());
            json.WriteBoolean("counted", asset.IsCounted);
            json.WriteString("encoding", asset.Encoding);
            json.WriteString("excluded", asset.Exclusion switch
            {
                AssetExclusion.NotServed => "not-served",
                AssetExclusion.NotDownloaded => "not-downloaded",
                _ => null,
            });
            result.Sizes.TryGetValue(asset.Path, out var sizes);
            json.WriteNumberOrNull("raw", sizes?.Raw);
            json.WriteNumberOrNull("gzip", sizes?.Gzip);
            json.WriteNumberOrNull("brotli", sizes?.Brotli);
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    private static void WriteBudgets(Utf8JsonWriter json, CheckResult result)
    {
        json.WriteStartArray("budgets");
        foreach (var budgetResult in result.Budgets)
        {
            var budget = budgetResult.Budget;
            json.WriteStartObject();
            json.WriteString("name", budget.Label);
            json.WriteString("type", budget.TypeName);
            json.WriteString("files", budget.Files?.Pattern);
            json.WriteString("scope", budget.Scope == BudgetScope.Each ? "each" : "total");
            json.WriteString("compression", Name(budget.Compression));
            json.WriteNumber("line", budget.Location.Line);
            json.WriteNumber("matchedFiles", budgetResult.MatchedFiles);
            json.WriteString("unit", Limit.UnitName(budget.Unit));
            json.WriteString("network", budget.Network?.Name);
            json.WriteNumber("actual", budgetResult.Actual);
            json.WriteNumberOrNull("maximumWarning", budget.MaximumWarning?.Value);
            json.WriteNumberOrNull("maximumError", budget.MaximumError?.Value);
            json.WriteString("status", Name(budgetResult.Status));
            json.WriteBoolean("incomplete", budgetResult.IsIncomplete);
            json.WriteObjects("unmeasured", budgetResult.Unmeasured, gap =>
            {
                json.WriteString("path", gap.Path);
                json.WriteString("reason", gap.Reason);
            });
            if (budget.Scope == BudgetScope.Each)
            {
                json.WriteStartArray("offendingFiles");
                foreach (var offender in budgetResult.Offenders)
                {
                    json.WriteStartObject();
                    json.WriteString("path", offender.Asset.Path);
                    json.WriteNumber("actual", offender.Actual);
                    json.WriteString("status", Name(offender.Status));
                    json.WriteEndObject();
                }

                json.WriteEndArray();
            }

            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    private static void WritePages(Utf8JsonWriter json, CheckResult result)
    {
        json.WriteStartArray("pages");
        foreach (var page in result.Pages.Pages)
        {
            json.WriteStartObject();
            json.WriteString("path", page.Path);
            json.WriteString("siteRoot", page.SiteRoot);
            WritePageFiles(json, "initial", page.Initial, result);
            WritePageFiles(json, "lazy", page.Lazy, result);
            json.WriteStartArray("external");
            foreach (var url in page.External)
            {
                json.WriteStringValue(url);
            }

            json.WriteEndArray();
            json.WriteObjects("gaps", page.Gaps, gap =>
            {
                json.WriteString("from", gap.From);
                json.WriteString("target", gap.Target);
                json.WriteString("reason", gap.Reason);
            });
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    /// <summary>A page's files, then their summed sizes (a compressed sum is null unless every file has that size).</summary>
    private static void WritePageFiles(Utf8JsonWriter json, string name, IReadOnlyList<PageFile> files, CheckResult result)
    {
        json.WriteStartArray(name);
        var sizes = new List<AssetSizes>();
        foreach (var file in files)
        {
            json.WriteStartObject();
            json.WriteString("path", file.Path);
            json.WriteString("reason", ReasonName(file.Reason));
            json.WriteString("from", file.From);
            if (file.Loading is not null)
            {
                json.WriteString("loading", file.Loading);
            }

            if (result.Sizes.TryGetValue(file.Path, out var size))
            {
                sizes.Add(size);
            }

            json.WriteNumberOrNull("raw", size?.Raw);
            json.WriteNumberOrNull("gzip", size?.Gzip);
            json.WriteNumberOrNull("brotli", size?.Brotli);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartObject(name + "Total");
        json.WriteNumber("files", files.Count);
        var total = AssetSizes.Sum(sizes);
        json.WriteNumber("raw", total.Raw);
        json.WriteNumberOrNull("gzip", total.Gzip);
        json.WriteNumberOrNull("brotli", total.Brotli);
        json.WriteEndObject();
    }

    private static string ReasonName(LoadReason reason) => reason switch
    {
        LoadReason.ModuleScript => "module-script",
        LoadReason.ModulePreload => "modulepreload",
        LoadReason.StaticImport => "static-import",
        LoadReason.CssImport => "css-import",
        LoadReason.DynamicImport => "dynamic-import",
        _ => reason.ToString().ToLowerInvariant(),
    };

    private static void WriteDiagnostics(Utf8JsonWriter json, IReadOnlyList<Diagnostic> diagnostics)
    {
        json.WriteStartArray("diagnostics");
        foreach (var diagnostic in diagnostics)
        {
            json.WriteStartObject();
            json.WriteString("code", diagnostic.Code);
            json.WriteString("severity", diagnostic.Severity.ToString().ToLowerInvariant());
            json.WriteString("message", diagnostic.Message);
            json.WriteString("file", diagnostic.File);
            json.WriteNumber("line", diagnostic.Line);
            json.WriteNumber("column", diagnostic.Column);
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    private static void WriteSummary(Utf8JsonWriter json, CheckResult result)
    {
        json.WriteStartObject("summary");
        json.WriteString("status", Name(result.Status));
        json.WriteNumber("errors", result.ErrorCount);
        json.WriteNumber("warnings", result.WarningCount);
        json.WriteNumber("incompleteBudgets", result.Budgets.Count(b => b.IsIncomplete));
        json.WriteStartArray("totals");
        foreach (var total in TypeTotal.Compute(result))
        {
            json.WriteStartObject();
            json.WriteString("type", total.Type);
            json.WriteNumber("files", total.Files);
            json.WriteNumber("raw", total.Raw);
            json.WriteNumberOrNull("gzip", total.Gzip);
            json.WriteNumberOrNull("brotli", total.Brotli);
            json.WriteEndObject();
        }

        json.WriteEndArray();
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

    private static string Name(BudgetStatus status) => status.ToString().ToLowerInvariant();
}
