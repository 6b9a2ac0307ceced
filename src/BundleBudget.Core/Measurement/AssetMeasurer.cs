using System.Collections.Concurrent;
using BundleBudget.Core.Assets;
using BundleBudget.Core.Diagnostics;

namespace BundleBudget.Core.Measurement;

/// <summary>How much work a measurement did: what it compressed and what the cache spared.</summary>
public sealed record MeasurementStatistics(int FilesMeasured, int GzipComputed, int BrotliComputed, int CacheHits, long BytesRead);

/// <param name="Failures">The counted files that could not be measured, by path, with the reason.</param>
public sealed record MeasurementResult(
    IReadOnlyDictionary<string, AssetSizes> SizesByPath,
    IReadOnlyList<Diagnostic> Diagnostics,
    MeasurementStatistics Statistics)
{
    public IReadOnlyDictionary<string, string> Failures { get; init; } = new Dictionary<string, string>();
}

/// <summary>
/// Measures raw, gzip and (where asked) brotli sizes of counted assets, in parallel, streaming each file.
/// Source maps and precompressed siblings get their raw size only.
/// </summary>
public static class AssetMeasurer
{
    private const int FileBufferSize = 64 * 1024;

    public static MeasurementResult Measure(IReadOnlyList<Asset> assets, Func<Asset, bool> needsBrotli, SizeCache cache)
    {
        var sizes = new ConcurrentDictionary<string, AssetSizes>(StringComparer.Ordinal);
        var diagnostics = new ConcurrentBag<Diagnostic>();
        var failures = new ConcurrentDictionary<string, string>(StringComparer.Ordinal);
        int gzipComputed = 0, brotliComputed = 0, cacheHits = 0;
        long bytesRead = 0;

        // Largest first, so that one big bundle does not start last and leave the other cores idle.
        var work = assets.OrderByDescending(a => a.Length).ToList();
        Parallel.ForEach(work, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, asset =>
        {
            if (!asset.IsCounted)
            {
                sizes[asset.Path] = new AssetSizes(asset.Length, null, null);
                return;
            }


            if (asset.Length == 0 && ExistsThroughLinks(asset.FullPath))
            {
                // Nothing is sent for an empty file. FIFOs, sockets and devices also report no length; opening them could
                // block forever, so they are never opened, and, being no files a server sends, they are named.
                if (IO.FileKind.IsSpecial(asset.FullPath))
                {
                    const string Reason = "it is a FIFO, socket or device, not a file: never read";
                    failures[asset.Path] = Reason;
                    diagnostics.Add(Diagnostic.Warning(DiagnosticCodes.UnreadableAsset, $"{asset.Path}: {Reason}. No budget counts it, and every budget that would is incomplete.", asset.FullPath));
                    return;
                }

                sizes[asset.Path] = new AssetSizes(0, 0, needsBrotli(asset) ? 0 : null);
                return;
            }

            try
            {
                using var stream = new FileStream(asset.FullPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, FileBufferSize, FileOptions.SequentialScan);
                if (asset.Encoding is not null)
                {
                    // Shipped compressed: its bytes are what is sent, whatever compression a budget names (opened, so
                    // that a file that cannot be read is named, but never compressed again).
                    sizes[asset.Path] = new AssetSizes(stream.Length, stream.Length, stream.Length);
                    return;
                }

                var hash = Compressors.ContentHash(stream);
                var raw = stream.Length;
                Interlocked.Add(ref bytesRead, raw);

                var wantBrotli = needsBrotli(asset);
                var cached = cache.Get(hash, raw);
                var gzip = cached?.Gzip;
                var brotli = cached?.Brotli;
                if (gzip is not null && (brotli is not null || !wantBrotli))
                {
                    Interlocked.Increment(ref cacheHits);
                }

                if (gzip is null)
                {
                    stream.Position = 0;
                    gzip = Compressors.GzipLength(stream);
                    Interlocked.Increment(ref gzipComputed);
                    Interlocked.Add(ref bytesRead, raw);
                }

                if (brotli is null && wantBrotli)
                {
                    stream.Position = 0;
                    brotli = Compressors.BrotliLength(stream);
                    Interlocked.Increment(ref brotliComputed);
                    Interlocked.Add(ref bytesRead, raw);
                }

                var entry = new CachedSizes(gzip, brotli);
                if (cached != entry)
                {
                    cache.Put(hash, entry);
                }
                else
                {
                    cache.Touch(hash, entry);
                }

                sizes[asset.Path] = new AssetSizes(raw, gzip, wantBrotli ? brotli : null);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                failures[asset.Path] = $"it could not be read ({e.Message})";
                diagnostics.Add(Diagnostic.Warning(DiagnosticCodes.UnreadableAsset, $"Cannot read this file ({e.Message}): it is not measured, and every budget that counts it is incomplete. Check its permissions, or whether something deletes it during the build.", asset.FullPath));
            }
        });

        var ordered = diagnostics.OrderBy(d => d.File, StringComparer.Ordinal).ToList();
        return new MeasurementResult(sizes, ordered, new MeasurementStatistics(sizes.Count, gzipComputed, brotliComputed, cacheHits, bytesRead)) { Failures = failures };
    }

    /// <summary>Whether the file, or the final target of a symbolic link, exists (File.Exists is true for a broken link).</summary>
    private static bool ExistsThroughLinks(string path)
    {
        try
        {
            var file = new FileInfo(path);
            return file.LinkTarget is null ? file.Exists : file.ResolveLinkTarget(returnFinalTarget: true) is { Exists: true };
        }
        catch (IOException)
        {
            return false;
        }
    }
}
