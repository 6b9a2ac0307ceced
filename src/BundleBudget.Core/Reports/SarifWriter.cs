using System.Text.Encodings.Web;
using System.Text.Json;
using BundleBudget.Core.Diagnostics;

namespace BundleBudget.Core.Reports;

/// <summary>
/// SARIF 2.1.0 for code-scanning dashboards: one rule per code that occurs, one result per diagnostic, located at
/// its file (relative to budget.json's folder, as SRCROOT) and, for source findings such as BB2001, its line and column.
/// </summary>
public static class SarifWriter
{
    public const string SourceRoot = "SRCROOT";

    public static void Write(CheckResult result, string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        using var stream = File.Create(path);
        Write(result, stream);
    }

    public static void Write(CheckResult result, Stream stream)
    {
        var root = Path.GetDirectoryName(result.BudgetFilePath)!;
        var codes = result.Diagnostics.Select(d => d.Code).Distinct().Order(StringComparer.Ordinal).ToList();
        using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        json.WriteStartObject();
        json.WriteString("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
        json.WriteString("version", "2.1.0");
        json.WriteStartArray("runs");
        json.WriteStartObject();
        json.WriteStartObject("tool");
        json.WriteStartObject("driver");
        json.WriteString("name", "BundleBudget");
        json.WriteString("version", CheckResult.ToolVersion);
        json.WriteString("semanticVersion", CheckResult.ToolVersion);
        json.WriteStartArray("rules");
        foreach (var code in codes)
        {
            var descriptor = DiagnosticCatalog.Find(code);
            json.WriteStartObject();
            json.WriteString("id", code);
            json.WriteString("name", descriptor?.Name ?? code);
            json.WriteStartObject("shortDescription");
            json.WriteString("text", descriptor?.Title ?? code);
            json.WriteEndObject();
            if (descriptor is not null)
            {
                json.WriteStartObject("defaultConfiguration");
                json.WriteString("level", Level(descriptor.DefaultSeverity));
                json.WriteEndObject();
                json.WriteStartObject("properties");
                json.WriteStartArray("tags");
                json.WriteStringValue(descriptor.Category.ToString().ToLowerInvariant());
                json.WriteEndArray();
                json.WriteEndObject();
            }

            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteStartObject("originalUriBaseIds");
        json.WriteStartObject(SourceRoot);
        json.WriteString("uri", new Uri(root.TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar).AbsoluteUri);
        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteStartArray("results");
        foreach (var diagnostic in result.Diagnostics)
        {
            json.WriteStartObject();
            json.WriteString("ruleId", diagnostic.Code);
            json.WriteNumber("ruleIndex", codes.IndexOf(diagnostic.Code));
            json.WriteString("level", Level(diagnostic.Severity));
            json.WriteStartObject("message");
            json.WriteString("text", diagnostic.Message);
            json.WriteEndObject();
            if (diagnostic.File is { } file)
            {
                json.WriteStartArray("locations");
                json.WriteStartObject();
                json.WriteStartObject("physicalLocation");
                WriteArtifact(json, file, root);
                if (diagnostic.Line > 0)
                {
                    json.WriteStartObject("region");
                    json.WriteNumber("startLine", diagnostic.Line);
                    json.WriteNumber("startColumn", Math.Max(diagnostic.Column, 1));
                    json.WriteEndObject();
                }

                json.WriteEndObject();
                json.WriteEndObject();
                json.WriteEndArray();
            }

            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteArtifact(Utf8JsonWriter json, string file, string root)
    {
        json.WriteStartObject("artifactLocation");
        var relative = Path.GetRelativePath(root, file);
        if (!relative.StartsWith("..", StringComparison.Ordinal) && !Path.IsPathRooted(relative))
        {
            json.WriteString("uri", string.Join('/', relative.Split(Path.DirectorySeparatorChar).Select(Uri.EscapeDataString)));
            json.WriteString("uriBaseId", SourceRoot);
        }
        else
        {
            json.WriteString("uri", new Uri(file).AbsoluteUri);
        }

        json.WriteEndObject();
    }

    private static string Level(Severity severity) => severity switch { Severity.Error => "error", Severity.Warning => "warning", _ => "note" };
}
