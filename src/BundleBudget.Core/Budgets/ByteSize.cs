using System.Globalization;
using System.Text.RegularExpressions;

namespace BundleBudget.Core.Budgets;

/// <summary>
/// A size limit as the user wrote it. Units: B; kB/KB = 1000 bytes, MB = 1000000, GB (SI, as Angular budgets and size-limit);
/// KiB = 1024, MiB = 1048576, GiB (IEC). A bare number is bytes.
/// </summary>
public readonly partial record struct ByteSize(long Bytes, string Text)
{
    public static ByteSize FromBytes(long bytes) => new(bytes, Format(bytes));

    public static bool TryParse(string text, out ByteSize size)
    {
        size = default;
        var match = SizePattern().Match(text);
        if (!match.Success)
        {
            return false;
        }

        if (!decimal.TryParse(match.Groups["number"].Value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number))
        {
            return false;
        }

        var unit = match.Groups["unit"].Value;
        long? multiplier = unit.ToUpperInvariant() switch
        {
            "" or "B" or "BYTE" or "BYTES" => 1,
            "KB" => 1000,
            "MB" => 1000_000,
            "GB" => 1000_000_000,
            "KIB" => 1024,
            "MIB" => 1024 * 1024,
            "GIB" => 1024 * 1024 * 1024,
            _ => null,
        };
        if (multiplier is null)
        {
            return false;
        }

        // Above a petabyte is no front-end limit, and the product could overflow.
        if (number > 1e15m / multiplier.Value)
        {
            return false;
        }

        var bytes = number * multiplier.Value;

        var canonicalUnit = unit.ToUpperInvariant() switch
        {
            "" or "B" or "BYTE" or "BYTES" => "B",
            "KB" => "kB",
            "KIB" => "KiB",
            "MIB" => "MiB",
            "GIB" => "GiB",
            var other => other,
        };
        size = new ByteSize((long)Math.Round(bytes), string.Create(CultureInfo.InvariantCulture, $"{number} {canonicalUnit}"));
        return true;
    }

    /// <summary>Formats a byte count in SI units (1 kB = 1000 B), the unit every message and report uses.</summary>
    public static string Format(long bytes)
    {
        var culture = CultureInfo.InvariantCulture;
        var magnitude = Math.Abs(bytes);
        return magnitude switch
        {
            < 1000 => string.Create(culture, $"{bytes} B"),
            < 1000_000 => string.Create(culture, $"{bytes / 1000.0:0.0} kB"),
            < 1000_000_000 => string.Create(culture, $"{bytes / 1000_000.0:0.00} MB"),
            _ => string.Create(culture, $"{bytes / 1000_000_000.0:0.00} GB"),
        };
    }

    /// <summary>The limit as written, followed by its SI value when the user wrote another unit.</summary>
    public string Describe()
    {
        var si = Format(Bytes);
        return Text.Contains("iB", StringComparison.Ordinal) ? $"{Text} ({si})" : si;
    }

    public override string ToString() => Describe();

    [GeneratedRegex(@"^\s*(?<number>\d+(?:\.\d+)?)\s*(?<unit>[A-Za-z]*)\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex SizePattern();
}
