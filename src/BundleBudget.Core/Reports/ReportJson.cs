using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace BundleBudget.Core.Reports;

/// <summary>
/// The report model's serialisation, generated at compile time: no reflection, and the writer's code is straight
/// <see cref="Utf8JsonWriter"/> calls. Each analysis has a context of its own for its part, beside it in its folder.
/// </summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, GenerationMode = JsonSourceGenerationMode.Serialization)]
[JsonSerializable(typeof(ReportTool))]
[JsonSerializable(typeof(IReadOnlyList<ReportAsset>))]
[JsonSerializable(typeof(IReadOnlyList<ReportBudget>))]
[JsonSerializable(typeof(IReadOnlyList<ReportPage>))]
[JsonSerializable(typeof(IReadOnlyList<ReportDiagnostic>))]
[JsonSerializable(typeof(ReportSummary))]
internal sealed partial class ReportJson : JsonSerializerContext;

/// <summary>The report model read back (<c>compare</c>, a baseline): the parts a comparison needs.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, MaxDepth = 64, GenerationMode = JsonSourceGenerationMode.Metadata)]
[JsonSerializable(typeof(ReportDocument))]
internal sealed partial class ReportReadJson : JsonSerializerContext;

internal static class ReportJsonWriting
{
    /// <summary>A property of the object being written, its value serialised with its generated metadata.</summary>
    public static void Write<T>(this Utf8JsonWriter json, string name, T value, JsonTypeInfo<T> type)
    {
        json.WritePropertyName(name);
        JsonSerializer.Serialize(json, value, type);
    }
}
