using System.Collections.Concurrent;
using BundleBudget.Core.Assets;
using BundleBudget.Core.BundleContents;
using BundleBudget.Core.Measurement;

namespace BundleBudget.Core.Content;

/// <summary>
/// The facts of the files of one output folder in one run. Each file is read at most once for everything planned for
/// it (its sizes in the compressions a budget compares, what it loads, its header), and not at all when the store's
/// index knows it unchanged and its content's record holds what is asked. A fact asked for that was not planned reads
/// the file again: the plan is meant to make that rare.
/// </summary>
internal sealed class OutputContent
{
    private readonly ContentStore _store;
    private readonly Func<Asset, FactKinds> _planned;
    private readonly ConcurrentDictionary<string, FileState> _files = new(StringComparer.Ordinal);
    private int _filesRead, _gzipComputed, _brotliComputed, _cacheHits;
    private long _bytesRead;

    /// <param name="planned">What to learn of a file whenever it is read, besides what is asked.</param>
    public OutputContent(ContentStore store, Func<Asset, FactKinds>? planned = null)
    {
        _store = store;
        _planned = planned ?? (_ => FactKinds.None);
    }

    /// <summary>Reads nothing from a cache and keeps nothing: every fact is learned from the files.</summary>
    public static OutputContent Uncached() => new(ContentStore.InMemory());

    /// <summary>Finds the source maps of bundles, for their compositions; null where compositions are not asked for.</summary>
    public SourceMapLocator? Maps { get; set; }

    private IReadOnlyDictionary<string, Asset[]> _siblings = new Dictionary<string, Asset[]>();
    private readonly ConcurrentDictionary<string, StaleSibling> _staleSiblings = new(StringComparer.Ordinal);

    /// <summary>
    /// Knows the precompressed siblings of the output (x.js.br and x.js.gz beside x.js): the size of the encoding a
    /// server sends when it holds the same content, which then is never compressed here.
    /// </summary>
    public void UseSiblings(IEnumerable<Asset> assets)
    {
        var list = assets.ToList();
        var byPath = list.GroupBy(a => a.Path, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        _siblings = list
            .Where(a => a.Type == AssetType.Precompressed && EncodingOf(a) != FactKinds.None)
            .Select(a => (Sibling: a, Inner: byPath.GetValueOrDefault(a.Path[..a.Path.LastIndexOf('.')])))
            .Where(p => p.Inner is { IsTextCompressible: true })
            .GroupBy(p => p.Inner!.FullPath, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(p => p.Sibling).ToArray(), StringComparer.Ordinal);
    }

    /// <summary>Precompressed siblings that do not hold their file, with why: sent by a server, they would be stale.</summary>
    public IReadOnlyCollection<StaleSibling> StaleSiblings => (IReadOnlyCollection<StaleSibling>)_staleSiblings.Values;

    private static FactKinds EncodingOf(Asset sibling) =>
        sibling.Path.EndsWith(".br", StringComparison.OrdinalIgnoreCase) ? FactKinds.Brotli
        : sibling.Path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? FactKinds.Gzip
        : FactKinds.None;

    /// <summary>The encodings of <paramref name="kinds"/> that a sibling may serve: not computed unless it turns out not to hold the file.</summary>
    private FactKinds ServedBySiblings(Asset asset, FactKinds kinds)
    {
        if ((kinds & (FactKinds.Gzip | FactKinds.Brotli)) == 0 || !_siblings.TryGetValue(asset.FullPath, out var siblings))
        {
            return FactKinds.None;
        }

        var served = FactKinds.None;
        foreach (var sibling in siblings)
        {
            if (kinds.HasFlag(EncodingOf(sibling)) && !_staleSiblings.ContainsKey(sibling.FullPath) && Facts(sibling, FactKinds.Decompressed)?.Decompressed is { Hash: not null })
            {
                served |= EncodingOf(sibling);
            }
        }

        return served;
    }

    /// <summary>The length of the sibling that holds this content in this encoding, else null (and the sibling is marked stale).</summary>
    private long? SiblingLength(Asset asset, string hash, FactKinds encoding)
    {
        foreach (var sibling in _siblings.GetValueOrDefault(asset.FullPath) ?? [])
        {
            if (EncodingOf(sibling) != encoding || _staleSiblings.ContainsKey(sibling.FullPath))
            {
                continue;
            }

            var decompressed = Facts(sibling, FactKinds.Decompressed)?.Decompressed;
            var format = encoding == FactKinds.Brotli ? "br" : "gzip";
            if (decompressed is { Hash: { } held } && held == hash && decompressed.Format == format)
            {
                return sibling.Length;
            }

            var reason = decompressed is { Problem: { } problem } ? problem
                : decompressed is null ? FailureOf(sibling) ?? "it could not be read"
                : decompressed.Format != format ? $"it holds {(decompressed.Format == "br" ? "brotli" : decompressed.Format)} data, not {(format == "br" ? "brotli" : format)}: a server would label it wrongly"
                : $"it decompresses to {decompressed.Length:N0} bytes of other content";
            _staleSiblings[sibling.FullPath] = new StaleSibling(sibling, asset, reason);
        }

        return null;
    }

    /// <summary>What this run read and computed.</summary>
    public MeasurementStatistics Statistics(int filesMeasured) =>
        new(filesMeasured, _gzipComputed, _brotliComputed, _cacheHits, _bytesRead) { FilesRead = _filesRead };

    /// <summary>Learns what is planned (and <paramref name="wanted"/>) for every file, in parallel, the costliest first so that no core idles at the end.</summary>
    public void Prefetch(IEnumerable<Asset> assets, Func<Asset, FactKinds>? wanted = null)
    {
        FactKinds Kinds(Asset asset) => _planned(asset) | (wanted?.Invoke(asset) ?? FactKinds.None);
        var work = assets.Where(a => Kinds(a) != FactKinds.None).OrderByDescending(a => Cost(a, Kinds(a))).ToList();
        Parallel.ForEach(work, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, asset => Facts(asset, Kinds(asset)));
    }

    /// <summary>
    /// Roughly how long learning these facts of a file takes, in bytes hashed: compressing costs far more per byte than
    /// hashing (gzip at level 9 about 20 times, brotli at quality 11 about 50 times that), and a bundle's source map is
    /// read with it. A photo is a large file but a cheap one.
    /// </summary>
    private static long Cost(Asset asset, FactKinds kinds)
    {
        var perByte = 1 + (kinds.HasFlag(FactKinds.Gzip) && asset.IsTextCompressible ? 20 : 0) + (kinds.HasFlag(FactKinds.Brotli) && asset.IsTextCompressible ? 1000 : 0)
            + (kinds.HasFlag(FactKinds.Composition) ? 10 : 0);
        return asset.Length * perByte;
    }

    /// <summary>
    /// What is known of a file's content, holding at least <paramref name="wanted"/>; null when the file cannot be read
    /// (see <see cref="FailureOf"/>).
    /// </summary>
    public ContentRecord? Facts(Asset asset, FactKinds wanted)
    {
        wanted &= ~ServedBySiblings(asset, wanted);
        var state = _files.GetValueOrDefault(asset.FullPath);
        if (state is { Failure: not null })
        {
            return null;
        }

        var hash = state?.Hash ?? _store.IndexedHash(asset.FullPath, asset.Length, asset.Modified);
        if (hash is not null && _store.Get(hash) is { } known && known.Has(wanted) && (!wanted.HasFlag(FactKinds.Composition) || HasComposition(asset, hash, known)))
        {
            if (state is null && _files.TryAdd(asset.FullPath, new FileState(hash, null)))
            {
                Interlocked.Increment(ref _cacheHits);
            }

            return known;
        }

        var kinds = wanted | _planned(asset);
        kinds &= ~ServedBySiblings(asset, kinds);
        var composeWhileRead = kinds.HasFlag(FactKinds.Composition) && Maps is not null && asset.Length <= ParseLimits.Script;
        var read = ContentReader.Read(asset, kinds, _store.Get, composeWhileRead ? (readHash, text) => Compose(asset, readHash, text) : null);
        Interlocked.Increment(ref _filesRead);
        Interlocked.Add(ref _bytesRead, read.BytesRead);
        if (read.Failure is not null)
        {
            _files[asset.FullPath] = new FileState(null, read.Failure) { IoMessage = read.IoMessage };
            return null;
        }

        Interlocked.Add(ref _cacheHits, read.Learned || _files.ContainsKey(asset.FullPath) ? 0 : 1);
        Interlocked.Add(ref _gzipComputed, read.GzipComputed ? 1 : 0);
        Interlocked.Add(ref _brotliComputed, read.BrotliComputed ? 1 : 0);
        var record = _store.Put(read.Hash!, read.Record!);
        _store.Index(asset.FullPath, asset.Length, asset.Modified, read.Hash!);
        _files[asset.FullPath] = new FileState(read.Hash, null);
        return record;
    }

    /// <summary>
    /// What a bundle is made of by its source map, and the map's name; null when it has no map (or cannot be read: the
    /// measurement names it). A map that cannot be read is a composition with a problem.
    /// </summary>
    public (CompositionFacts Facts, string MapName)? Composition(Asset script)
    {
        if (script.Length == 0 || Maps is null || Facts(script, FactKinds.Script | FactKinds.Composition) is not { Script: { Unread: false } facts })
        {
            return null;
        }

        var location = Maps.Locate(script, facts.SourceMappingUrl);
        if (location is null)
        {
            return null;
        }

        if (location.Problem is { } problem)
        {
            return (CompositionFacts.Unreadable(problem), location.Name);
        }

        var hash = _files.GetValueOrDefault(script.FullPath)?.Hash;
        var mapHash = location.File is null ? MapLocation.InlineName : HashOf(location.File);
        if (hash is null || mapHash is null)
        {
            return (CompositionFacts.Unreadable($"it could not be read ({FailureOf(location.File!) ?? "unknown"})"), location.Name);
        }

        return _store.Composition(hash, mapHash) is { } composition ? (composition, location.Name) : null;
    }

    /// <summary>Whether the composition of a bundle with its current map is known, without reading either.</summary>
    private bool HasComposition(Asset script, string hash, ContentRecord record)
    {
        if (Maps is null || record.Script is not { Unread: false } facts || script.Length > ParseLimits.Script || Maps.Locate(script, facts.SourceMappingUrl) is not { Problem: null } location)
        {
            return true; // nothing to compose
        }

        var mapHash = location.File is null ? MapLocation.InlineName
            : _files.GetValueOrDefault(location.File.FullPath)?.Hash ?? _store.IndexedHash(location.File.FullPath, location.File.Length, location.File.Modified);
        return mapHash is not null && _store.Composition(hash, mapHash) is not null;
    }

    /// <summary>Composes a bundle while its text is in memory: reads its map (once) unless the pair is known.</summary>
    private void Compose(Asset script, string hash, ContentText content)
    {
        var (text, _, _) = content.Text(ParseLimits.Script);
        if (text is null)
        {
            return;
        }

        var location = Maps!.Locate(script, SourceMapComment.Location(text));
        if (location is null || location.Problem is not null)
        {
            return;
        }

        if (location.File is null)
        {
            _store.PutComposition(hash, MapLocation.InlineName, Composed(text, () => SourceMapLocator.InlineMap(text)));
            return;
        }

        var map = location.File;
        var mapHash = _files.GetValueOrDefault(map.FullPath)?.Hash ?? _store.IndexedHash(map.FullPath, map.Length, map.Modified);
        if (mapHash is not null && _store.Composition(hash, mapHash) is not null)
        {
            return;
        }

        // Read into a pooled buffer: a map is often larger than its bundle, and is needed only while it is composed.
        var buffer = System.Buffers.ArrayPool<byte>.Shared.Rent((int)Math.Clamp(map.Length + 1, 1, ParseLimits.SourceMap + 1));
        try
        {
            int length;
            try
            {
                using var stream = new FileStream(map.FullPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1, FileOptions.SequentialScan);
                length = stream.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
                if (length == buffer.Length && stream.ReadByte() >= 0)
                {
                    throw new IOException($"it is larger than the {ParseLimits.Describe(ParseLimits.SourceMap)} BundleBudget reads, or grew while it was read");
                }

                Interlocked.Increment(ref _filesRead);
                Interlocked.Add(ref _bytesRead, length);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                _files[map.FullPath] = new FileState(null, $"it could not be read ({e.Message})") { IoMessage = e.Message };
                return;
            }

            var json = new ReadOnlyMemory<byte>(buffer, 0, length);
            mapHash = Compressors.ContentHash(json.Span);
            _store.Put(mapHash, new ContentRecord(length));
            _store.Index(map.FullPath, map.Length, map.Modified, mapHash);
            _files[map.FullPath] = new FileState(mapHash, null);
            _store.PutComposition(hash, mapHash, Composed(text, () => json));
        }
        finally
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static CompositionFacts Composed(string text, Func<ReadOnlyMemory<byte>> json)
    {
        try
        {
            return BundleAnalyzer.Compose(text, json().Span);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // A hostile or broken map is this bundle's problem only.
            return CompositionFacts.Unreadable(e is InvalidDataException ? e.Message : $"{e.GetType().Name}: {e.Message}");
        }
    }

    /// <summary>Why a file could not be read ("it could not be read (...)"), when it could not.</summary>
    public string? FailureOf(Asset asset) => _files.GetValueOrDefault(asset.FullPath)?.Failure;

    /// <summary>The system's own message when a file could not be read for an I/O reason, else null (never read: a FIFO or device).</summary>
    public string? IoMessageOf(Asset asset) => _files.GetValueOrDefault(asset.FullPath)?.IoMessage;

    /// <summary>The hash of a file's content, reading it only when the index does not know it; null when it cannot be read.</summary>
    public string? HashOf(Asset asset)
    {
        Facts(asset, FactKinds.None);
        return _files.GetValueOrDefault(asset.FullPath)?.Hash;
    }

    /// <summary>
    /// The sizes a budget may compare: raw; gzip and brotli where learned. A file a server sends as it is (an image, a
    /// font, media, a file shipped compressed) is the same size in every encoding and is never compressed.
    /// </summary>
    public AssetSizes? Sizes(Asset asset)
    {
        if (!asset.IsCounted)
        {
            return new AssetSizes(asset.Length, null, null);
        }

        var record = Facts(asset, FactKinds.None);
        if (record is null)
        {
            return null;
        }

        if (!asset.IsTextCompressible)
        {
            return new AssetSizes(record.Length, record.Length, record.Length);
        }

        var hash = _files.GetValueOrDefault(asset.FullPath)?.Hash;
        if (hash is null || !_siblings.ContainsKey(asset.FullPath))
        {
            return new AssetSizes(record.Length, record.Gzip, record.Brotli);
        }

        // A sibling that turns out not to hold the file: the encoding is computed from the file after all.
        long? Served(FactKinds encoding, Func<ContentRecord, long?> size)
        {
            if (!_siblings[asset.FullPath].Any(s => EncodingOf(s) == encoding))
            {
                return size(record);
            }

            return SiblingLength(asset, hash, encoding) ?? size(record) ?? (Facts(asset, encoding) is { } computed ? size(computed) : null);
        }

        return new AssetSizes(record.Length, Served(FactKinds.Gzip, r => r.Gzip), Served(FactKinds.Brotli, r => r.Brotli));
    }

    /// <summary>A precompressed sibling that does not hold its file, and why.</summary>
    public sealed record StaleSibling(Asset Sibling, Asset File, string Reason);

    private sealed record FileState(string? Hash, string? Failure)
    {
        public string? IoMessage { get; init; }
    }
}
