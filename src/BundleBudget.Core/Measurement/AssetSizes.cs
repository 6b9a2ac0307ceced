namespace BundleBudget.Core.Measurement;

/// <summary>The measured sizes of one file, in bytes. A compressed size is null where it was not computed.</summary>
public sealed record AssetSizes(long Raw, long? Gzip, long? Brotli);
