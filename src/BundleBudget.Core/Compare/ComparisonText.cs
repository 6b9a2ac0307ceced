using System.Globalization;
using BundleBudget.Core.Budgets;

namespace BundleBudget.Core.Compare;

/// <summary>The comparison in plain lines, for build logs: the total change, then each budget's change.</summary>
public static class ComparisonText
{
    public static string Headline(ReportComparison comparison, string baselinePath) =>
        comparison.TotalDelta is { } delta
            ? $"BundleBudget: compared with {baselinePath}: total {Signed(delta)} ({Percent(delta, comparison.BaseTotal!.Value)}), now {ByteSize.Format(comparison.HeadTotal)}."
            : $"BundleBudget: no baseline report at {baselinePath}; nothing to compare with.";

    /// <summary>The headline, then each change, each one safe line (what a host prints after its verdict).</summary>
    public static IEnumerable<string> Summary(ReportComparison comparison, string baselinePath) =>
        Lines(comparison).Prepend(Headline(comparison, baselinePath)).Select(Text.PlainText.Line);

    public static IEnumerable<string> Lines(ReportComparison comparison)
    {
        foreach (var budget in comparison.Budgets.Where(b => b.Delta is not null))
        {
            var status = budget.StatusChanged ? $", {budget.BaseStatus} -> {budget.HeadStatus}" : string.Empty;
            yield return $"  {budget.Name}: {budget.Format(budget.Base!.Value)} -> {budget.Format(budget.Head)} ({budget.FormatSigned(budget.Delta!.Value)}, {Percent(budget.Delta.Value, budget.Base.Value)}{status})";
        }

        foreach (var asset in comparison.Assets.Take(5))
        {
            var what = asset.Base is null ? "added" : asset.Head is null ? "removed" : Percent(asset.Delta, asset.Base.Value);
            yield return $"  {asset.Path}: {Signed(asset.Delta)} ({what})";
        }
    }

    /// <summary>A change with its sign, in bytes unless another <paramref name="format"/> (a time) is given.</summary>
    internal static string Signed(long delta, Func<long, string>? format = null)
    {
        format ??= ByteSize.Format;
        return delta > 0 ? "+" + format(delta) : delta < 0 ? "-" + format(-delta) : format(0);
    }

    internal static string Percent(long delta, long baseValue) =>
        baseValue == 0 ? "new" : string.Create(CultureInfo.InvariantCulture, $"{(delta >= 0 ? "+" : string.Empty)}{delta * 100.0 / baseValue:0.0}%");
}
