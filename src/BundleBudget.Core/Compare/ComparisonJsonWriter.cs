using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace BundleBudget.Core.Compare;

// The comparison as JSON (schema version 1), for tools: every change, none hidden by the Markdown's size limit.

public sealed record ComparedBudget(string Name, string Type, long? Base, long Head, long? Delta, long? MaximumError, string? BaseStatus, string HeadStatus);

public sealed record ComparedAsset(string? BasePath, string? HeadPath, string Type, long? Base, long? Head, long Delta);

public sealed record ComparedImport(string File, int Line, int Column, string Module, string Rule);

public sealed record ComparisonDocument(
    int SchemaVersion,
    bool HasBase,
    long? BaseTotal,
    long HeadTotal,
    long? TotalDelta,
    string HeadStatus,
    IReadOnlyList<ComparedBudget> Budgets,
    IReadOnlyList<ComparedAsset> Assets,
    int HiddenChanges,
    IReadOnlyList<ComparedImport> NewImports)
{
    public static ComparisonDocument From(ReportComparison comparison) => new(
        1,
        comparison.HasBase,
        comparison.BaseTotal,
        comparison.HeadTotal,
        comparison.TotalDelta,
        comparison.Head.Status,
        comparison.Budgets.Select(b => new ComparedBudget(b.Name, b.Type, b.Base, b.Head, b.Delta, b.MaximumError, b.BaseStatus, b.HeadStatus)).ToList(),
        comparison.Assets.Select(a => new ComparedAsset(a.BasePath, a.HeadPath, a.Type, a.Base, a.Head, a.Delta)).ToList(),
        comparison.HiddenChanges,
        comparison.NewImports.Select(i => new ComparedImport(i.File, i.Line, i.Column, i.Module, i.Rule)).ToList());
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, GenerationMode = JsonSourceGenerationMode.Serialization)]
[JsonSerializable(typeof(ComparisonDocument))]
internal sealed partial class ComparisonJson : JsonSerializerContext;

public static class ComparisonJsonWriter
{
    public static void Write(ReportComparison comparison, string path) => IO.ReportFile.Write(path, stream =>
    {
        using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        JsonSerializer.Serialize(json, ComparisonDocument.From(comparison), ComparisonJson.Default.ComparisonDocument);
    });
}
