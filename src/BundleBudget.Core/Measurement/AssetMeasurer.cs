using BundleBudget.Core.Assets;
using BundleBudget.Core.Content;
using BundleBudget.Core.Diagnostics;

namespace BundleBudget.Core.Measurement;

/// <summary>How much work reading the output did: what was compressed, what the cache spared, what was read.</summary>
/// <param name="CacheHits">Files whose every fact asked for came from the cache, without reading them.</param>
public sealed record MeasurementStatistics(int FilesMeasured, int GzipComputed, int BrotliComputed, int CacheHits, long BytesRead)
{
    /// <summary>Files whose content was read (opened) in this run; 0 when everything came from the cache.</summary>
    public int FilesRead { get; init; }
}

/// <param name="Failures">The counted files that could not be measured, by path, with the reason.</param>
public sealed record MeasurementResult(
    IReadOnlyDictionary<string, AssetSizes> SizesByPath,
    IReadOnlyList<Diagnostic> Diagnostics,
    MeasurementStatistics Statistics)
{
    public IReadOnlyDictionary<string, string> Failures { get; init; } = new Dictionary<string, string>();
}

/// <summary>
/// The sizes of the output's files: raw for every file; gzip and brotli for the counted text files where
/// <paramref name="compressions"/> asks, from the content's facts (read once, or cached). A file a server sends as it is
/// (an image, a font, media, a file shipped compressed) is the same size in every encoding and is never compressed.
/// Source maps and precompressed siblings get their raw size only.
/// </summary>
public static class AssetMeasurer
{
    /// <summary>Measures gzip for every counted text file, and brotli where <paramref name="needsBrotli"/> says, with this store.</summary>
    internal static MeasurementResult Measure(IReadOnlyList<Asset> assets, Func<Asset, bool> needsBrotli, ContentStore store)
    {
        var content = new OutputContent(store);
        content.UseSiblings(assets);
        return Measure(assets, a => FactKinds.Gzip | (needsBrotli(a) ? FactKinds.Brotli : FactKinds.None), content);
    }

    internal static MeasurementResult Measure(IReadOnlyList<Asset> assets, Func<Asset, FactKinds> compressions, OutputContent content)
    {
        var counted = assets.Where(a => a.IsCounted).ToList();
        content.Prefetch(counted, a => compressions(a) & (FactKinds.Gzip | FactKinds.Brotli | FactKinds.BinaryCompressed));
        var sizes = new Dictionary<string, AssetSizes>(StringComparer.Ordinal);
        var diagnostics = new List<Diagnostic>();
        var failures = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var asset in assets)
        {
            if (!asset.IsCounted)
            {
                sizes[asset.Path] = new AssetSizes(asset.Length, null, null);
                continue;
            }

            var wanted = compressions(asset) & (FactKinds.Gzip | FactKinds.Brotli | FactKinds.BinaryCompressed);
            if (content.Facts(asset, wanted) is { } record && content.Sizes(asset) is { } measured)
            {
                // A binary file's compressed sizes are its length, as servers send it; only a budget that compresses
                // every file (a peer tool's) asks for what it compresses to.
                var binary = !asset.IsTextCompressible && wanted.HasFlag(FactKinds.BinaryCompressed);
                sizes[asset.Path] = measured with
                {
                    Gzip = binary ? record.Gzip ?? measured.Gzip : wanted.HasFlag(FactKinds.Gzip) || !asset.IsTextCompressible ? measured.Gzip : null,
                    Brotli = binary ? record.Brotli ?? measured.Brotli : wanted.HasFlag(FactKinds.Brotli) || !asset.IsTextCompressible ? measured.Brotli : null,
                };
                continue;
            }

            var reason = content.FailureOf(asset) ?? "it could not be read";
            failures[asset.Path] = reason;
            diagnostics.Add(content.IoMessageOf(asset) is { } message
                ? Diagnostic.Warning(DiagnosticCodes.UnreadableAsset, $"Cannot read this file ({message}): it is not measured, and every budget that counts it is incomplete. Check its permissions, or whether something deletes it during the build.", asset.FullPath)
                : Diagnostic.Warning(DiagnosticCodes.UnreadableAsset, $"{asset.Path}: {reason}. No budget counts it, and every budget that would is incomplete.", asset.FullPath));
        }

        foreach (var stale in content.StaleSiblings)
        {
            diagnostics.Add(Diagnostic.Warning(DiagnosticCodes.StalePrecompressedSibling, $"{stale.Sibling.Path} does not hold {stale.File.Path}: {stale.Reason}. A server that sends it sends stale or broken content. Its size is not used; {stale.File.Path} is compressed here instead. Compress it again in the build, or delete it.", stale.Sibling.FullPath));
        }

        var ordered = diagnostics.OrderBy(d => d.File, StringComparer.Ordinal).ToList();
        return new MeasurementResult(sizes, ordered, content.Statistics(sizes.Count)) { Failures = failures };
    }
}
