using BundleBudget.Core.Diagnostics;
using BundleBudget.Core.Fonts;
using BundleBudget.Core.Images;
using BundleBudget.Core.Json;

namespace BundleBudget.Core.Budgets;

/// <summary>Reads the <c>images</c> and <c>fonts</c> sections of budget.json.</summary>
internal static class MediaSettingsReader
{
    private static readonly string[] ImageKeys = ["maxWidth", "maxHeight", "maxBytesPerPixel", "efficiencyMinBytes", "modernFormatMinBytes", "animatedGifMaxBytes", "severity"];
    private static readonly string[] FontKeys = ["maxFiles", "maxTotalBytes", "severity"];

    public static ImageSettings ReadImages(JsonProperty section, ReadContext context)
    {
        var settings = new ImageSettings();
        foreach (var property in Properties(section, context))
        {
            settings = property.Name switch
            {
                "maxWidth" => ReadCount(property, context) is { } width ? settings with { MaxWidth = width } : settings,
                "maxHeight" => ReadCount(property, context) is { } height ? settings with { MaxHeight = height } : settings,
                "maxBytesPerPixel" => ReadRatio(property, context) is { } ratio ? settings with { MaxBytesPerPixel = ratio } : settings,
                "efficiencyMinBytes" => context.ReadSize(property) is { } min ? settings with { EfficiencyMinBytes = min.Bytes } : settings,
                "modernFormatMinBytes" => context.ReadSize(property) is { } modern ? settings with { ModernFormatMinBytes = modern.Bytes } : settings,
                "animatedGifMaxBytes" => context.ReadSize(property) is { } gif ? settings with { AnimatedGifMaxBytes = gif.Bytes } : settings,
                "severity" => context.ReadSeverity(property) is { } severity ? settings with { Severity = severity } : settings,
                _ => Unknown(property, ImageKeys, "\"images\"", context, settings),
            };
        }

        return settings;
    }

    public static FontSettings ReadFonts(JsonProperty section, ReadContext context)
    {
        var settings = new FontSettings();
        foreach (var property in Properties(section, context))
        {
            settings = property.Name switch
            {
                "maxFiles" => ReadCount(property, context) is { } count ? settings with { MaxFiles = count } : settings,
                "maxTotalBytes" => context.ReadSize(property) is { } total ? settings with { MaxTotalBytes = total.Bytes } : settings,
                "severity" => context.ReadSeverity(property) is { } severity ? settings with { Severity = severity } : settings,
                _ => Unknown(property, FontKeys, "\"fonts\"", context, settings),
            };
        }

        return settings;
    }

    private static IReadOnlyList<JsonProperty> Properties(JsonProperty section, ReadContext context)
    {
        if (section.Value is JsonObjectNode node)
        {
            return context.UniqueProperties(node, StringComparer.Ordinal);
        }

        context.Error(DiagnosticCodes.InvalidValue, $"\"{section.Name}\" must be an object, found {section.Value.KindName}.", section.Value);
        return [];
    }

    private static T Unknown<T>(JsonProperty property, string[] keys, string where, ReadContext context, T unchanged)
    {
        context.UnknownKey(property, keys, "in " + where);
        return unchanged;
    }

    private static int? ReadCount(JsonProperty property, ReadContext context)
    {
        if (property.Value is JsonNumberNode { Value: { } value } && value >= 0 && value <= int.MaxValue && decimal.Truncate(value) == value)
        {
            return (int)value;
        }

        context.Error(DiagnosticCodes.InvalidValue, $"\"{property.Name}\" must be a whole number, found {property.Value.KindName}.", property.Value);
        return null;
    }

    private static double? ReadRatio(JsonProperty property, ReadContext context)
    {
        if (property.Value is JsonNumberNode { Value: { } value } && value > 0 && value < 1000)
        {
            return (double)value;
        }

        context.Error(DiagnosticCodes.InvalidValue, $"\"{property.Name}\" must be a positive number such as 0.5, found {property.Value.KindName}.", property.Value);
        return null;
    }
}
