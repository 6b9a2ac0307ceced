using System.Text.Json.Serialization;
using BundleBudget.Core.Reports;

namespace BundleBudget.Core.Images;

/// <summary>An image as the JSON report has it (<c>images[]</c>).</summary>
/// <param name="ViewBox">For an SVG only (and absent when it has none).</param>
/// <param name="EmbeddedRasterBytes">For an SVG only.</param>
public sealed record ReportImage(
    string Path,
    string? Format,
    long? Width,
    long? Height,
    int Frames,
    long Bytes,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? ViewBox,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] long? EmbeddedRasterBytes,
    IReadOnlyList<ReportFinding> Findings);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, GenerationMode = JsonSourceGenerationMode.Serialization)]
[JsonSerializable(typeof(IReadOnlyList<ReportImage>))]
internal sealed partial class ImagesJson : JsonSerializerContext;
