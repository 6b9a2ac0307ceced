using BundleBudget.Core.Budgets;
using BundleBudget.Core.Json;

namespace BundleBudget.Core.Images;

/// <summary>Reads the <c>images</c> section of budget.json.</summary>
internal static class ImageSettingsReader
{
    private static readonly string[] Keys = ["maxWidth", "maxHeight", "maxBytesPerPixel", "efficiencyMinBytes", "modernFormatMinBytes", "animatedGifMaxBytes", "severity"];

    public static ImageSettings Read(JsonProperty section, ReadContext context)
    {
        var settings = new ImageSettings();
        foreach (var property in context.SectionProperties(section))
        {
            settings = property.Name switch
            {
                "maxWidth" => context.ReadCount(property) is { } width ? settings with { MaxWidth = width } : settings,
                "maxHeight" => context.ReadCount(property) is { } height ? settings with { MaxHeight = height } : settings,
                "maxBytesPerPixel" => context.ReadRatio(property) is { } ratio ? settings with { MaxBytesPerPixel = ratio } : settings,
                "efficiencyMinBytes" => context.ReadSize(property) is { } min ? settings with { EfficiencyMinBytes = min.Bytes } : settings,
                "modernFormatMinBytes" => context.ReadSize(property) is { } modern ? settings with { ModernFormatMinBytes = modern.Bytes } : settings,
                "animatedGifMaxBytes" => context.ReadSize(property) is { } gif ? settings with { AnimatedGifMaxBytes = gif.Bytes } : settings,
                "severity" => context.ReadSeverity(property) is { } severity ? settings with { Severity = severity } : settings,
                _ => context.UnknownKey(property, Keys, "in \"images\"", settings),
            };
        }

        return settings;
    }
}
