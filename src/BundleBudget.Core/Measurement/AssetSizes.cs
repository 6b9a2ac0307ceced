namespace BundleBudget.Core.Measurement;

/// <summary>The measured sizes of one file, in bytes. A compressed size is null where it was not computed.</summary>
public sealed record AssetSizes(long Raw, long? Gzip, long? Brotli)
{
    /// <summary>The sizes of several files together: a compressed sum is null unless every file has that size.</summary>
    public static AssetSizes Sum(IReadOnlyCollection<AssetSizes> sizes) => new(
        sizes.Sum(s => s.Raw),
        sizes.All(s => s.Gzip is not null) ? sizes.Sum(s => s.Gzip!.Value) : null,
        sizes.All(s => s.Brotli is not null) ? sizes.Sum(s => s.Brotli!.Value) : null);
}
