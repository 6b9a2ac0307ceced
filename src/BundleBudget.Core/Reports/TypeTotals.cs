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

    private static TypeTotal Sum(string type, IEnumerable<Asset> assets, IReadOnlyDictionary<string, AssetSizes> sizes)
    {
        var measured = assets.Select(a => sizes[a.Path]).ToList();
        var total = AssetSizes.Sum(measured);
        return new TypeTotal(type, measured.Count, total.Raw, total.Gzip, total.Brotli);
    }
}
