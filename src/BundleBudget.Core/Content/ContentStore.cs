using System.Collections.Concurrent;
using System.Text;
using BundleBudget.Core.Measurement;

namespace BundleBudget.Core.Content;

/// <summary>
/// What BundleBudget learned from the files it read, kept between runs: a record of facts per content hash (sizes,
/// what a script imports, what a page loads, image and font headers, source-map compositions), and an index from a
/// file's path, length and last-write time to its hash, as git's index does, so that an unchanged file is not even
/// opened. A cache is only as good as what wrote it, so it is never trusted blindly:
/// <list type="bullet">
/// <item>sizes are dropped when another runtime (another zlib) or other compressor settings wrote them, and facts when
/// another build of BundleBudget did;</item>
/// <item>a size no compressor could have produced for content of that length is ignored and recomputed;</item>
/// <item>an index entry written within two seconds of the file's last write is "racy" (the file may have changed again
/// within the file system's timestamp granularity) and is not used: the file is hashed again.</item>
/// </list>
/// A missing or damaged cache file is simply rebuilt; only what this run used is written back, so it never grows
/// without bound.
/// </summary>
internal sealed class ContentStore
{
    internal const int FormatVersion = 10;

    private const long MaxFileBytes = 64L * 1024 * 1024;
    private static readonly long RacyWindow = TimeSpan.FromSeconds(2).Ticks;

    private readonly Table<ContentRecord> _records;
    private readonly Table<IndexEntry> _index;
    private readonly Table<CompositionFacts> _compositions;
    private readonly Table<SourceFacts> _sources;
    private readonly long _indexedAt;
    private readonly long _startedAt = DateTime.UtcNow.Ticks;

    private ContentStore(string? path, StoreFile? file)
    {
        Path = path;
        _records = new(file?.Contents);
        _index = new(file?.Files);
        _compositions = new(file?.Compositions);
        _sources = new(file?.Sources);
        _indexedAt = file?.IndexedAt ?? 0;
    }

    /// <summary>What sizes depend on besides the content: the runtime (whose zlib-ng and brotli produce them) and the compressor settings.</summary>
    public static string SizesProducer { get; } =
        $".NET {Environment.Version}; gzip level 9, brotli quality {Compressors.BrotliQuality} window {Compressors.BrotliWindow}";

    /// <summary>What facts depend on besides the content: this build of BundleBudget, whose readers produced them.</summary>
    public static string FactsProducer { get; } =
        $"BundleBudget {CheckResult.ToolVersion} ({typeof(ContentStore).Assembly.ManifestModule.ModuleVersionId:N})";

    /// <summary>Where the store is kept, or null for one that lives in memory only.</summary>
    public string? Path { get; }

    public static ContentStore InMemory() => new(null, null);

    public static ContentStore Load(string path)
    {
        try
        {
            // A real cache holds about a kilobyte per file; one far larger is damaged or forged, and is rebuilt.
            if (IO.FileLength.Of(path) is > 0 and < MaxFileBytes)
            {
                var file = ContentStoreFile.Read(File.ReadAllBytes(path));
                if (file.Version == FormatVersion)
                {
                    return new ContentStore(path, Trusted(file));
                }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException or FormatException or OverflowException or NotSupportedException or ArgumentException or DecoderFallbackException or InsufficientExecutionStackException)
        {
            // A damaged or foreign file is rebuilt: EndOfStreamException is an IOException.
        }

        return new ContentStore(path, null);
    }

    /// <summary>What of a loaded file may be used: sizes of this runtime and settings, facts of this build.</summary>
    private static StoreFile Trusted(StoreFile file)
    {
        var sizesTrusted = file.SizesProducer == SizesProducer;
        var factsTrusted = file.FactsProducer == FactsProducer;
        if (sizesTrusted && factsTrusted)
        {
            return file;
        }

        var contents = new Dictionary<string, ContentRecord>(StringComparer.Ordinal);
        foreach (var (hash, record) in file.Contents ?? new Dictionary<string, ContentRecord>())
        {
            var kept = factsTrusted ? record : new ContentRecord(record.Length) { Gzip = record.Gzip, Brotli = record.Brotli };
            contents[hash] = sizesTrusted ? kept : kept with { Gzip = null, Brotli = null };
        }

        return file with { Contents = contents, Compositions = factsTrusted ? file.Compositions : null, Sources = factsTrusted ? file.Sources : null };
    }

    /// <summary>The hash of a file's content when the index knows it unchanged since it was last read, else null.</summary>
    public string? IndexedHash(string fullPath, long length, long modifiedTicks)
    {
        if (modifiedTicks <= 0 || _index.Peek(fullPath) is not { } entry || entry.Length != length || entry.Modified != modifiedTicks
            || modifiedTicks >= _indexedAt - RacyWindow)
        {
            return null;
        }

        _index.MarkUsed(fullPath, entry);
        return entry.Hash;
    }

    /// <summary>Records that the file at this path, with this length and last-write time, holds the content of this hash.</summary>
    public void Index(string fullPath, long length, long modifiedTicks, string hash) =>
        _index.MarkUsed(fullPath, new IndexEntry(length, modifiedTicks, hash));

    /// <summary>What is known of a content, with impossible sizes left out; null when nothing is.</summary>
    public ContentRecord? Get(string hash)
    {
        if (_records.Peek(hash) is not { } record)
        {
            return null;
        }

        // Nothing is sent for an empty file, which is measured 0 in every compression.
        var gzip = record.Gzip is { } g && (record.Length == 0 ? g != 0 : !IsPlausibleGzip(g, record.Length)) ? null : record.Gzip;
        var brotli = record.Brotli is { } b && (record.Length == 0 ? b != 0 : !IsPlausibleBrotli(b, record.Length)) ? null : record.Brotli;
        if (gzip != record.Gzip || brotli != record.Brotli || record.Length < 0)
        {
            record = record.Length < 0 ? new ContentRecord(0) : record with { Gzip = gzip, Brotli = brotli };
            _records.Put(hash, record);
            return record;
        }

        _records.MarkUsed(hash, record);
        return record;
    }

    /// <summary>Adds what was learned of a content to what is known of it.</summary>
    public ContentRecord Put(string hash, ContentRecord learned) =>
        _records.Merge(hash, learned, known => known.Length == learned.Length ? learned.Merge(known) : learned);

    /// <summary>The composition of a bundle by its source map, keyed by both contents.</summary>
    public CompositionFacts? Composition(string bundleHash, string mapHash) => _compositions.Get($"{bundleHash}/{mapHash}");

    public void PutComposition(string bundleHash, string mapHash, CompositionFacts composition) =>
        _compositions.Put($"{bundleHash}/{mapHash}", composition);

    /// <summary>The module references of a front-end source, keyed by its content and its kind (extension): a .ts reads otherwise than a .js.</summary>
    public SourceFacts? Source(string hash, string extension) => _sources.Get($"{hash}{extension}");

    public void PutSource(string hash, string extension, SourceFacts facts) => _sources.Put($"{hash}{extension}", facts);

    /// <summary>
    /// Whether a gzip stream of this length can hold content of <paramref name="raw"/> bytes: at least its 18 bytes of
    /// header and trailer plus an end block, and no deflate block encodes more than 258 bytes per 2 bits (about 1:1032);
    /// at most the content in stored blocks (5 bytes per 64 KiB) plus the wrapper.
    /// </summary>
    public static bool IsPlausibleGzip(long gzip, long raw) =>
        gzip >= 20 && gzip >= 18 + (raw / 1032) && gzip <= raw + (5 * ((raw / 16_383) + 1)) + 64;

    /// <summary>
    /// Whether a brotli stream of this length can hold content of <paramref name="raw"/> bytes as this encoder writes it:
    /// one byte for nothing, at least five for anything (measured: 5 for one byte, 13 for 22 kB of one repeated byte),
    /// at least one byte per 700,000 (a 16 MiB meta-block of one repeated byte takes about 27), and at most the content
    /// in uncompressed meta-blocks.
    /// </summary>
    public static bool IsPlausibleBrotli(long brotli, long raw) =>
        brotli >= (raw == 0 ? 1 : Math.Max(5, raw / 700_000)) && brotli <= raw + (4 * ((raw / 65_536) + 1)) + 64;

    /// <summary>Writes what this run used (older entries are dropped, so the file never grows without bound).</summary>
    public void Save()
    {
        if (Path is null)
        {
            return;
        }

        var folder = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(Path))!;
        if (!Directory.Exists(folder))
        {
            // Facts say what the project's files hold: readable by their owner only where the system has such modes.
            if (OperatingSystem.IsWindows())
            {
                Directory.CreateDirectory(folder);
            }
            else
            {
                Directory.CreateDirectory(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            }
        }

        var file = new StoreFile(
            FormatVersion,
            SizesProducer,
            FactsProducer,
            _startedAt,
            _index.Used(),
            _records.Used(),
            _compositions.Used())
        {
            Sources = _sources.Used(),
        };
        IO.ReportFile.Write(Path, stream => ContentStoreFile.Write(stream, file));
    }

    /// <summary>
    /// Entries loaded from the cache file or learned in this run, and which of them this run used: only those are
    /// written back, so the file never grows without bound.
    /// </summary>
    private sealed class Table<T>(IDictionary<string, T>? loaded)
        where T : class
    {
        private readonly ConcurrentDictionary<string, T> _all = new(loaded ?? new Dictionary<string, T>(), StringComparer.Ordinal);
        private readonly ConcurrentDictionary<string, T> _used = new(StringComparer.Ordinal);

        /// <summary>The entry, without counting it as used (the caller decides whether it is).</summary>
        public T? Peek(string key) => _all.GetValueOrDefault(key);

        public T? Get(string key)
        {
            if (_all.TryGetValue(key, out var value))
            {
                _used[key] = value;
            }

            return value;
        }

        public void MarkUsed(string key, T value) => _used[key] = value;

        public void Put(string key, T value)
        {
            _all[key] = value;
            _used[key] = value;
        }

        public T Merge(string key, T learned, Func<T, T> withKnown)
        {
            var merged = _all.AddOrUpdate(key, learned, (_, known) => withKnown(known));
            _used[key] = merged;
            return merged;
        }

        /// <summary>The used entries in key order (a dictionary enumerates in the order of insertion), so that the same facts make the same file.</summary>
        public Dictionary<string, T> Used()
        {
            var keys = _used.Keys.ToArray();
            Array.Sort(keys, StringComparer.Ordinal);
            var sorted = new Dictionary<string, T>(keys.Length, StringComparer.Ordinal);
            foreach (var key in keys)
            {
                sorted[key] = _used[key];
            }

            return sorted;
        }
    }
}

/// <summary>A file's length and last-write time (UTC ticks) when it held the content of <paramref name="Hash"/>.</summary>
internal sealed record IndexEntry(long Length, long Modified, string Hash);

/// <summary>What a bundle is made of, by its source map, as cached: no path, only what the two contents say.</summary>
/// <param name="Bytes">The bundle's length in UTF-8.</param>
/// <param name="Problem">Why the map could not be read, else null.</param>
internal sealed record CompositionFacts(long Bytes, IReadOnlyList<BundleContents.SourceShare> Sources, string? Problem)
{
    public static CompositionFacts Unreadable(string problem) => new(0, [], problem);
}

/// <summary>What a front-end source file imports, as cached: its references, or why it could not be analysed (a diagnostic without its file).</summary>
internal sealed record SourceFacts(IReadOnlyList<Imports.ModuleReference> References, Diagnostics.Diagnostic? Problem);

internal sealed record StoreFile(
    int Version,
    string? SizesProducer,
    string? FactsProducer,
    long IndexedAt,
    IDictionary<string, IndexEntry>? Files,
    IDictionary<string, ContentRecord>? Contents,
    IDictionary<string, CompositionFacts>? Compositions)
{
    public IDictionary<string, SourceFacts>? Sources { get; init; }
}
