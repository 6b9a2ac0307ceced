using System.Globalization;
using BundleBudget.Core.Budgets;

namespace BundleBudget.Core.Timings;

/// <summary>How much worse than the base a metric may get: a percentage of the base's median, or an amount in its unit (ms, a shift, score points).</summary>
public sealed record RegressionLimit(double Value, bool IsPercent)
{
    /// <summary>The amount allowed for a base median.</summary>
    public double Allowed(double baseMedian) => IsPercent ? Math.Abs(baseMedian) * Value / 100 : Value;

    public string Describe(BudgetMetric metric) => IsPercent
        ? Value.ToString("0.##", CultureInfo.InvariantCulture) + "%"
        : metric switch
        {
            BudgetMetric.Cls => Value.ToString("0.###", CultureInfo.InvariantCulture),
            BudgetMetric.Score => Value.ToString("0.#", CultureInfo.InvariantCulture) + " points",
            _ => Pages.NetworkProfile.FormatMilliseconds(Value),
        };
}
