using System.Globalization;
using System.Text.RegularExpressions;

namespace BundleBudget.Core.Peers;

/// <summary>Sizes as other tools parse them, so that a limit pasted from their config means the same number of bytes.</summary>
internal static partial class PeerSizes
{
    /// <summary>
    /// The <c>bytes</c> package's parse (bundlewatch, bundlesize): kb, mb, gb, tb, pb in any case, each 1024 times the
    /// last, rounded down; a number alone (or with b) is bytes. Null when it is no size.
    /// </summary>
    public static long? Binary(string text)
    {
        var match = BytesPattern().Match(text.Trim());
        if (!match.Success)
        {
            return null;
        }

        var power = match.Groups["unit"].Value.ToLowerInvariant() switch
        {
            "kb" => 1, "mb" => 2, "gb" => 3, "tb" => 4, "pb" => 5, _ => 0,
        };
        return Bytes(match.Groups["value"].Value, 1024, power);
    }

    /// <summary>
    /// The <c>bytes-iec</c> package's parse in its default metric mode (size-limit): kB = 1000 B and KiB = 1024 B, in
    /// any case, up to Y; a number alone is bytes. Null when it is no size.
    /// </summary>
    public static long? Iec(string text)
    {
        var match = IecPattern().Match(text.Trim());
        if (!match.Success)
        {
            return null;
        }

        var prefix = match.Groups["prefix"].Value.ToLowerInvariant();
        var power = prefix.Length == 0 ? 0 : "kmgtpezy".IndexOf(prefix[0], StringComparison.Ordinal) + 1;
        return Bytes(match.Groups["value"].Value, match.Groups["binary"].Success ? 1024 : 1000, power);
    }

    private static long? Bytes(string number, int @base, int power)
    {
        var bytes = Math.Floor(double.Parse(number, CultureInfo.InvariantCulture) * Math.Pow(@base, power));
        return bytes is >= 0 and < long.MaxValue / 2 ? (long)bytes : null;
    }

    [GeneratedRegex(@"^(?<value>\d+(?:\.\d+)?) *(?<unit>kb|mb|gb|tb|pb|b)?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex BytesPattern();

    [GeneratedRegex(@"^(?<value>\d+(?:\.\d+)?) *(?:(?<prefix>[kmgtpezy])?(?<binary>i)?b)?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex IecPattern();
}
