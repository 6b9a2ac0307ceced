using BundleBudget.Core.Budgets;
using BundleBudget.Core.Diagnostics;
using BundleBudget.Core.Json;

namespace BundleBudget.Core.Timings;

/// <summary>The <c>timings</c> section of budget.json: how pages are measured. The host's options (--runs, --device) override it.</summary>
/// <param name="Runs">Loads per page, one after another; the median is compared.</param>
/// <param name="SpaFallback">A path that is no file is answered with the site's index.html, as an SPA's server does.</param>
public sealed record TimingSettings(int Runs = 5, TimingDevice Device = TimingDevice.Mobile, bool SpaFallback = false)
{
    public static TimingSettings Default { get; } = new();
}

internal static class TimingSettingsReader
{
    private static readonly string[] Keys = ["runs", "device", "spaFallback"];

    public static TimingSettings Read(JsonProperty section, ReadContext context)
    {
        var settings = TimingSettings.Default;
        foreach (var property in context.SectionProperties(section))
        {
            switch (property.Name)
            {
                case "runs":
                    if (context.ReadCount(property) is { } runs)
                    {
                        if (runs is >= 1 and <= 50)
                        {
                            settings = settings with { Runs = runs };
                        }
                        else
                        {
                            context.Error(DiagnosticCodes.InvalidValue, "\"runs\" is from 1 to 50 (5 is the default: the median of 5 runs is steady enough to compare).", property.Value);
                        }
                    }

                    break;
                case "device":
                    var device = context.RequireString(property);
                    if (device is "mobile" or "desktop")
                    {
                        settings = settings with { Device = device == "mobile" ? TimingDevice.Mobile : TimingDevice.Desktop };
                    }
                    else if (device is not null)
                    {
                        context.Error(DiagnosticCodes.InvalidValue, $"Unknown device \"{device}\": use \"mobile\" (Lighthouse's default: a mid-range phone on a slow 4G network) or \"desktop\".", property.Value);
                    }

                    break;
                case "spaFallback":
                    settings = context.ReadBoolean(property) is { } fallback ? settings with { SpaFallback = fallback } : settings;
                    break;
                default:
                    context.UnknownKey(property, Keys, "in \"timings\"");
                    break;
            }
        }

        return settings;
    }
}
