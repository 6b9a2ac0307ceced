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

    public ContentStore Store => _store;

    /// <summary>Finds the source maps of bundles, for their compositions; null where compositions are not asked for.</summary>
    public SourceMapLocator? Maps { get; set; }

    /// <summary>What this run read and computed.</summary>
    public MeasurementStatistics Statistics(int filesMeasured) =>
        new(filesMeasured, _gzipComputed, _brotliComputed, _cacheHits, _bytesRead) { FilesRead = _filesRead };

    /// <summary>Learns what is planned (and <paramref name="wanted"/>) for every file, in parallel, the largest first so that no core idles at the end.</summary>
    public void Prefetch(IEnumerable<Asset> assets, Func<Asset, FactKinds>? wanted = null)
    {
        FactKinds Kinds(Asset asset) => _planned(asset) | (wanted?.Invoke(asset) ?? FactKinds.None);
        var work = assets.Where(a => Kinds(a) != FactKinds.None).OrderByDescending(a => a.Length).ToList();
        Parallel.ForEach(work, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, asset => Facts(asset, Kinds(asset)));
    }

    /// <summary>
    /// What is known of a file's content, holding at least <paramref name="wanted"/>; null when the file cannot be read
    /// (see <see cref="FailureOf"/>).
    /// </summary>
    public ContentRecord? Facts(Asset asset, FactKinds wanted)
    {
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

        var url = SourceMapComment.Url(text);
        var location = Maps!.Locate(script, url is not null && url.StartsWith("data:", StringComparison.Ordinal) ? SourceMapComment.Inline : url);
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

        byte[] json;
        try
        {
            json = File.ReadAllBytes(map.FullPath);
            Interlocked.Increment(ref _filesRead);
            Interlocked.Add(ref _bytesRead, json.Length);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            _files[map.FullPath] = new FileState(null, $"it could not be read ({e.Message})") { IoMessage = e.Message };
            return;
        }

        mapHash = Compressors.ContentHash(json);
        _store.Put(mapHash, new ContentRecord(json.Length));
        _store.Index(map.FullPath, map.Length, map.Modified, mapHash);
        _files[map.FullPath] = new FileState(mapHash, null);
        _store.PutComposition(hash, mapHash, Composed(text, () => json));
    }

    private static CompositionFacts Composed(string text, Func<byte[]> json)
    {
        try
        {
            return BundleAnalyzer.Compose(text, json());
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

        return asset.IsTextCompressible ? new AssetSizes(record.Length, record.Gzip, record.Brotli) : new AssetSizes(record.Length, record.Length, record.Length);
    }

    private sealed record FileState(string? Hash, string? Failure)
    {
        public string? IoMessage { get; init; }
    }
}
