using System.Text.Json.Serialization;

namespace BundleBudget.Core.Content;

[JsonSerializable(typeof(StoreFile))]
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
internal sealed partial class ContentStoreJsonContext : JsonSerializerContext
{
}
