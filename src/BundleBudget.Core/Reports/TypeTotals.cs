using BundleBudget.Core.Assets;
using BundleBudget.Core.Measurement;

namespace BundleBudget.Core.Reports;

/// <summary>Sizes summed over one kind of counted asset. A compressed sum is null unless every file has that size.</summary>
public sealed record TypeTotal(string Type, int Files, long Raw, long? Gzip, long? Brotli)
{
    public static IReadOnlyList<TypeTotal> Compute(CheckResult result)
    {
        var counted = result.Assets.Where(a => a.IsCounted && result.Sizes.ContainsKey(a.Path)).ToList();
        var totals = counted
            .GroupBy(a => a.Type)
            .OrderBy(g => g.Key)
            .Select(g => Sum(g.Key.ToWireName(), g, result.Sizes))
            .ToList();
        totals.Add(Sum("all", counted, result.Sizes));
        return totals;
    }

    /// <summary>
    /// The files of counted kinds that no budget counts (outside the served folder, fonts no browser downloads), in
    /// words, or null when there are none: the totals above leave them out, and a reader should see that.
    /// </summary>
    public static string? NotCounted(CheckResult result)
    {
        var parts = result.Assets
            .Where(a => a.Exclusion != AssetExclusion.None)
            .GroupBy(a => a.Exclusion)
            .OrderBy(g => g.Key)
            .Select(g => $"{g.Count()} {(g.Key, g.Count()) switch
            {
                (AssetExclusion.NotServed, 1) => "file not served",
                (AssetExclusion.NotServed, _) => "files not served",
                (_, 1) => "font no browser downloads",
                _ => "fonts no browser downloads",
            }}, {Budgets.ByteSize.Format(g.Sum(a => a.Length))} raw")
            .ToList();
        return parts.Count == 0 ? null : $"Not counted: {string.Join("; ", parts)}.";
    }

    private static TypeTotal Sum(string type, IEnumerable<Asset> assets, IReadOnlyDictionary<string, AssetSizes> sizes)
    {
        var measured = assets.Select(a => sizes[a.Path]).ToList();
        var total = AssetSizes.Sum(measured);
        return new TypeTotal(type, measured.Count, total.Raw, total.Gzip, total.Brotli);
    }
}
