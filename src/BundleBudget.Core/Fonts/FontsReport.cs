using System.Text.Json.Serialization;
using BundleBudget.Core.Reports;

namespace BundleBudget.Core.Fonts;

/// <summary>A font as the JSON report has it (<c>fonts[]</c>).</summary>
/// <param name="ReferencedBy">The stylesheets whose @font-face rules name it.</param>
public sealed record ReportFont(
    string Path,
    string? Format,
    long Bytes,
    int? Glyphs,
    string? Family,
    IReadOnlyList<string> ReferencedBy,
    bool Initial,
    bool Downloaded,
    IReadOnlyList<ReportFinding> Findings);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, GenerationMode = JsonSourceGenerationMode.Serialization)]
[JsonSerializable(typeof(IReadOnlyList<ReportFont>))]
internal sealed partial class FontsJson : JsonSerializerContext;
