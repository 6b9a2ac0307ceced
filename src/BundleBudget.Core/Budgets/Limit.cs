using System.Globalization;
using BundleBudget.Core.Pages;

namespace BundleBudget.Core.Budgets;

/// <summary>What a budget's limits measure.</summary>
public enum LimitUnit
{
    Bytes,
    Milliseconds,
    Count,

    /// <summary>A layout shift score in thousandths (0.1 is 100): CLS is unitless.</summary>
    Shift,

    /// <summary>A score (0-100): the one unit whose limit is a minimum.</summary>
    Score,
}

/// <summary>
/// One limit of a budget (its maximumWarning or maximumError), whatever it measures: bytes, a time, a count or a score.
/// The evaluator, the reports and the comparison know limits only through this type, so a new metric is a new unit,
/// not another pair of properties.
/// </summary>
/// <param name="Value">The limit in its unit (bytes, whole milliseconds, a count, a score).</param>
/// <param name="Text">How the limit reads in messages: as written, with its SI value when another unit was written.</param>
public sealed record Limit(long Value, LimitUnit Unit, string Text)
{
    public static Limit Bytes(ByteSize size) => new(size.Bytes, LimitUnit.Bytes, size.Describe());

    public static Limit Milliseconds(double milliseconds) => new((long)milliseconds, LimitUnit.Milliseconds, NetworkProfile.FormatMilliseconds(milliseconds));

    /// <summary>Whether a measured value is beyond the limit: above it, or below it for a score.</summary>
    public bool IsExceededBy(long actual) => Unit == LimitUnit.Score ? actual < Value : actual > Value;

    /// <summary>A value in this limit's unit, as messages show it.</summary>
    public string Format(long value) => Format(value, Unit);

    public static string Format(long value, LimitUnit unit) => unit switch
    {
        LimitUnit.Bytes => ByteSize.Format(value),
        LimitUnit.Milliseconds => NetworkProfile.FormatMilliseconds(value),
        LimitUnit.Shift => (value / 1000.0).ToString("0.000", CultureInfo.InvariantCulture),
        _ => value.ToString("N0", CultureInfo.InvariantCulture),
    };

    /// <summary>The unit's name in the JSON report.</summary>
    public static string UnitName(LimitUnit unit) => unit switch
    {
        LimitUnit.Bytes => "bytes",
        LimitUnit.Milliseconds => "ms",
        LimitUnit.Count => "count",
        LimitUnit.Shift => "shift",
        _ => "score",
    };

    public override string ToString() => Text;
}
