using System.Text.Encodings.Web;
using System.Text.Json;
using BundleBudget.Core.Reports;

namespace BundleBudget.Core.Compare;

/// <summary>The comparison as JSON, for tools: every change, none hidden by the Markdown's size limit.</summary>
public static class ComparisonJsonWriter
{
    public static void Write(ReportComparison comparison, string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        using var stream = File.Create(path);
        using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        json.WriteStartObject();
        json.WriteNumber("schemaVersion", 1);
        json.WriteBoolean("hasBase", comparison.HasBase);
        json.WriteNumberOrNull("baseTotal", comparison.BaseTotal);
        json.WriteNumber("headTotal", comparison.HeadTotal);
        json.WriteNumberOrNull("totalDelta", comparison.TotalDelta);
        json.WriteString("headStatus", comparison.Head.Status);
        json.WriteStartArray("budgets");
        foreach (var budget in comparison.Budgets)
        {
            json.WriteStartObject();
            json.WriteString("name", budget.Name);
            json.WriteString("type", budget.Type);
            json.WriteNumberOrNull("base", budget.Base);
            json.WriteNumber("head", budget.Head);
            json.WriteNumberOrNull("delta", budget.Delta);
            json.WriteNumberOrNull("maximumError", budget.MaximumError);
            json.WriteString("baseStatus", budget.BaseStatus);
            json.WriteString("headStatus", budget.HeadStatus);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartArray("assets");
        foreach (var asset in comparison.Assets)
        {
            json.WriteStartObject();
            json.WriteString("basePath", asset.BasePath);
            json.WriteString("headPath", asset.HeadPath);
            json.WriteString("type", asset.Type);
            json.WriteNumberOrNull("base", asset.Base);
            json.WriteNumberOrNull("head", asset.Head);
            json.WriteNumber("delta", asset.Delta);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteNumber("hiddenChanges", comparison.HiddenChanges);
        json.WriteStartArray("newImports");
        foreach (var import in comparison.NewImports)
        {
            json.WriteStartObject();
            json.WriteString("file", import.File);
            json.WriteNumber("line", import.Line);
            json.WriteNumber("column", import.Column);
            json.WriteString("module", import.Module);
            json.WriteString("rule", import.Rule);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }
}
