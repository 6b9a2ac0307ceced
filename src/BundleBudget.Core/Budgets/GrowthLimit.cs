using System.Globalization;

namespace BundleBudget.Core.Budgets;

/// <summary>
/// How much a budget's measured value may grow since the base branch's report (<c>maximumGrowth</c>): a percentage of
/// the base's value (<c>"5%"</c>), or an amount in the budget's unit (<c>"10kB"</c>, or <c>"200ms"</c> for a load time).
/// </summary>
/// <param name="Amount">The amount in the budget's unit, when not a percentage.</param>
public sealed record GrowthLimit(double? Percent, long? Amount, string Text)
{
    /// <summary>The growth allowed over a base value, in the budget's unit.</summary>
    public long Allowed(long baseValue) => Percent is { } percent ? (long)Math.Floor(baseValue * percent / 100) : Amount!.Value;

    /// <summary>"5%" (0 to 10000), or null when the text is no percentage.</summary>
    public static GrowthLimit? TryPercent(string text)
    {
        var trimmed = text.Trim();
        var number = trimmed.EndsWith('%') ? trimmed[..^1].Trim() : string.Empty;
        return number.Length > 0 && char.IsAsciiDigit(number[0]) && char.IsAsciiDigit(number[^1])
            && double.TryParse(number, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var percent)
            && percent is >= 0 and <= 10_000
            ? new GrowthLimit(percent, null, percent.ToString("0.##", CultureInfo.InvariantCulture) + "%")
            : null;
    }

    public override string ToString() => Text;
}
