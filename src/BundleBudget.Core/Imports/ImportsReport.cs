using System.Text.Json.Serialization;

namespace BundleBudget.Core.Imports;

/// <summary>A whole-library import as the JSON report has it (<c>imports[]</c>); <c>compare</c> reads it back.</summary>
/// <param name="File">Relative to budget.json's folder.</param>
public sealed record ReportImport([property: JsonRequired] string File, [property: JsonRequired] int Line, [property: JsonRequired] int Column, [property: JsonRequired] string Module, string Form, [property: JsonRequired] string Rule, string Severity, string Cost, string Fix)
{
    public static IReadOnlyList<ReportImport> From(ImportAnalysis analysis) => analysis.Findings
        .Select(f => new ReportImport(f.RelativeFile, f.Reference.Line, f.Reference.Column, f.Reference.Module, f.Reference.Form.ToWireName(), f.Rule.Id, f.Severity.ToString().ToLowerInvariant(), f.Rule.Cost, f.Fix))
        .ToList();
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, GenerationMode = JsonSourceGenerationMode.Serialization)]
[JsonSerializable(typeof(IReadOnlyList<ReportImport>))]
internal sealed partial class ImportsJson : JsonSerializerContext;
