using System.Text.Json.Serialization;

namespace BundleBudget.Core.Measurement;

[JsonSerializable(typeof(CacheFile))]
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
internal sealed partial class SizeCacheJsonContext : JsonSerializerContext
{
}
