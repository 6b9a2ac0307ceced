using System.Globalization;

namespace BundleBudget.Core.Pages;

/// <summary>
/// A network to estimate load times on: downlink bandwidth and round-trip time. The presets are those of the tools
/// teams already quote: Lighthouse's mobile throttling ("slow 4G", the default "slow mobile network"), and Chrome
/// DevTools' "Fast 3G" and "Slow 3G"; "4G" is WebPageTest's profile.
/// </summary>
public sealed record NetworkProfile(string Name, string Description, double DownlinkBitsPerSecond, double RoundTripMilliseconds)
{
    public static readonly NetworkProfile Slow4G = new("slow-4g", "slow 4G (Lighthouse mobile: 1.6 Mbit/s, 150 ms round trip)", 1_638_400, 150);
    public static readonly NetworkProfile Fast3G = new("fast-3g", "fast 3G (Chrome DevTools: 1.44 Mbit/s, 563 ms round trip)", 1_440_000, 562.5);
    public static readonly NetworkProfile Slow3G = new("slow-3g", "slow 3G (Chrome DevTools: 400 kbit/s, 2000 ms round trip)", 400_000, 2000);
    public static readonly NetworkProfile FourG = new("4g", "4G (WebPageTest: 9 Mbit/s, 170 ms round trip)", 9_000_000, 170);

    /// <summary>DNS, TCP and TLS before the page's own request.</summary>
    public const int ConnectionRoundTrips = 3;

    public static IReadOnlyList<NetworkProfile> Presets { get; } = [Slow4G, Fast3G, Slow3G, FourG];

    /// <summary>Reads a preset by name; "slow mobile" and "mobile" mean slow 4G, "3g" fast 3G.</summary>
    public static NetworkProfile? Find(string text)
    {
        var key = new string(text.ToLowerInvariant().Where(char.IsLetterOrDigit).ToArray());
        return key switch
        {
            "slow4g" or "slowmobile" or "slowmobilenetwork" or "mobile" or "lighthouse" => Slow4G,
            "fast3g" or "3g" or "regular3g" => Fast3G,
            "slow3g" => Slow3G,
            "4g" or "fast4g" or "lte" => FourG,
            _ => null,
        };
    }

    /// <summary>
    /// The time to load what a page needs first: connection set-up, then one round trip per level of discovery
    /// (the HTML, what it names, what those import, ...), plus the bytes over the downlink.
    /// </summary>
    public double EstimateMilliseconds(long transferBytes, int discoveryLevels) =>
        (RoundTripMilliseconds * (ConnectionRoundTrips + discoveryLevels)) + (transferBytes * 8.0 * 1000 / DownlinkBitsPerSecond);

    public static string FormatMilliseconds(double milliseconds) =>
        milliseconds >= 1000
            ? string.Create(CultureInfo.InvariantCulture, $"{milliseconds / 1000:0.0} s")
            : string.Create(CultureInfo.InvariantCulture, $"{milliseconds:0} ms");
}
