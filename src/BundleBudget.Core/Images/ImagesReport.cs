using System.Text.Json;
using System.Text.Json.Serialization;
using BundleBudget.Core.Reports;

namespace BundleBudget.Core.Images;

/// <summary>An image as the JSON report has it (<c>images[]</c>).</summary>
/// <param name="ViewBox">For an SVG only (null when it has none).</param>
/// <param name="EmbeddedRasterBytes">For an SVG only.</param>
[JsonConverter(typeof(ReportImageConverter))]
public sealed record ReportImage(
    string Path,
    string? Format,
    long? Width,
    long? Height,
    int Frames,
    long Bytes,
    string? ViewBox,
    long? EmbeddedRasterBytes,
    IReadOnlyList<ReportFinding> Findings);

/// <summary>
/// An SVG has <c>viewBox</c> (null when it declares none) and <c>embeddedRasterBytes</c>; other images have neither key.
/// Which keys an object has depends on a value, which the generated serialisers cannot say: written here.
/// </summary>
internal sealed class ReportImageConverter : JsonConverter<ReportImage>
{
    public override ReportImage Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        throw new NotSupportedException("the images of a report are not read back");

    public override void Write(Utf8JsonWriter json, ReportImage image, JsonSerializerOptions options)
    {
        json.WriteStartObject();
        json.WriteString("path", image.Path);
        json.WriteString("format", image.Format);
        json.WriteNumberOrNull("width", image.Width);
        json.WriteNumberOrNull("height", image.Height);
        json.WriteNumber("frames", image.Frames);
        json.WriteNumber("bytes", image.Bytes);
        if (image.Format == "svg")
        {
            json.WriteString("viewBox", image.ViewBox);
            json.WriteNumber("embeddedRasterBytes", image.EmbeddedRasterBytes ?? 0);
        }

        json.Write("findings", image.Findings, ImagesJson.Default.IReadOnlyListReportFinding);
        json.WriteEndObject();
    }
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, GenerationMode = JsonSourceGenerationMode.Serialization)]
[JsonSerializable(typeof(IReadOnlyList<ReportImage>))]
[JsonSerializable(typeof(IReadOnlyList<ReportFinding>))]
internal sealed partial class ImagesJson : JsonSerializerContext;
