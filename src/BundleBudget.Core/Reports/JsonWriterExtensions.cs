using System.Text.Json;

namespace BundleBudget.Core.Reports;

internal static class JsonWriterExtensions
{
    /// <summary>A number, or null where the value is unknown (a size not computed, a limit not set).</summary>
    public static void WriteNumberOrNull(this Utf8JsonWriter json, string name, long? value)
    {
        if (value is { } number)
        {
            json.WriteNumber(name, number);
        }
        else
        {
            json.WriteNull(name);
        }
    }
}
