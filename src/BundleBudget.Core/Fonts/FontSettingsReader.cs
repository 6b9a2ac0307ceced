using BundleBudget.Core.Budgets;
using BundleBudget.Core.Json;

namespace BundleBudget.Core.Fonts;

/// <summary>Reads the <c>fonts</c> section of budget.json.</summary>
internal static class FontSettingsReader
{
    private static readonly string[] Keys = ["maxFiles", "maxTotalBytes", "severity"];

    public static FontSettings Read(JsonProperty section, ReadContext context)
    {
        var settings = new FontSettings();
        foreach (var property in context.SectionProperties(section))
        {
            settings = property.Name switch
            {
                "maxFiles" => context.ReadCount(property) is { } count ? settings with { MaxFiles = count } : settings,
                "maxTotalBytes" => context.ReadSize(property) is { } total ? settings with { MaxTotalBytes = total.Bytes } : settings,
                "severity" => context.ReadSeverity(property) is { } severity ? settings with { Severity = severity } : settings,
                _ => context.UnknownKey(property, Keys, "in \"fonts\"", settings),
            };
        }

        return settings;
    }
}
