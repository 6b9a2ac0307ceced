using System.Collections.Concurrent;
using System.Text.Json;

namespace BundleBudget.Core.Measurement;

/// <summary>
/// Compressed sizes keyed by content hash, kept between runs so that unchanged content, renamed hashed chunks
/// included, is never compressed twice. A cache is only as good as what wrote it, so it is never trusted blindly: the
/// whole file is dropped when another build of BundleBudget, another runtime (another zlib) or other compressor
/// settings wrote it, and an entry that no compressor could have produced for content of that length (negative,
/// zero for non-empty content, below the format's minimum or above its worst case) is ignored and recomputed.
/// A missing or damaged cache file is simply rebuilt.
/// </summary>
public sealed class SizeCache
{
    private const int FormatVersion = 2;

    private readonly ConcurrentDictionary<string, CachedSizes> _loaded;
    private readonly ConcurrentDictionary<string, CachedSizes> _used = new(StringComparer.Ordinal);
    private int _rejected;

    private SizeCache(string? path, ConcurrentDictionary<string, CachedSizes> loaded)
    {
        Path = path;
        _loaded = loaded;
    }

    /// <summary>
    /// What the sizes depend on besides the content: this build of BundleBudget, the runtime (whose zlib-ng and brotli
    /// produce them) and the compressor settings.
    /// </summary>
    public static string Producer { get; } = string.Join(
        "; ",
        $"BundleBudget {CheckResult.ToolVersion} ({typeof(SizeCache).Assembly.ManifestModule.ModuleVersionId:N})",
        $".NET {Environment.Version}",
        $"gzip level 9, brotli quality {Compressors.BrotliQuality} window {Compressors.BrotliWindow}");

    /// <summary>Where the cache is kept, or null for a cache that lives only in memory.</summary>
    public string? Path { get; }

    /// <summary>How many loaded entries were ignored because their sizes were impossible.</summary>
    public int Rejected => _rejected;

    public static SizeCache InMemory() => new(null, new ConcurrentDictionary<string, CachedSizes>(StringComparer.Ordinal));

    public static SizeCache Load(string path)
    {
        var entries = new ConcurrentDictionary<string, CachedSizes>(StringComparer.Ordinal);
        try
        {
            if (IO.FileLength.Of(path) is > 0 and < 512L * 1024 * 1024)
            {
                using var stream = File.OpenRead(path);
                var file = JsonSerializer.Deserialize(stream, SizeCacheJsonContext.Default.CacheFile);
                if (file is { Version: FormatVersion, Entries: { } stored } && file.Producer == Producer)
                {
                    foreach (var (hash, sizes) in stored)
                    {
                        entries[hash] = sizes;
                    }
                }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException or NotSupportedException)
        {
            entries.Clear();
        }

        return new SizeCache(path, entries);
    }

    /// <summary>The sizes cached for content with this hash and length; a size that cannot be right is left out (null).</summary>
    public CachedSizes? Get(string hash, long rawLength)
    {
        if (!_loaded.TryGetValue(hash, out var sizes))
        {
            return null;
        }

        var gzip = sizes.Gzip is { } g && !IsPlausibleGzip(g, rawLength) ? null : sizes.Gzip;
        var brotli = sizes.Brotli is { } b && !IsPlausibleBrotli(b, rawLength) ? null : sizes.Brotli;
        if (gzip != sizes.Gzip || brotli != sizes.Brotli)
        {
            Interlocked.Increment(ref _rejected);
            sizes = new CachedSizes(gzip, brotli);
            _loaded[hash] = sizes;
        }

        return sizes;
    }

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

    public void Put(string hash, CachedSizes sizes)
    {
        _loaded[hash] = sizes;
        _used[hash] = sizes;
    }

    /// <summary>Marks an entry as still in use, so that <see cref="Save"/> keeps it.</summary>
    public void Touch(string hash, CachedSizes sizes) => _used[hash] = sizes;

    /// <summary>Writes the entries of this run (older ones are dropped, so the file never grows without bound).</summary>
    public void Save()
    {
        if (Path is null)
        {
            return;
        }

        var folder = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(Path))!;
        if (!Directory.Exists(folder))
        {
            // Sizes say what the project's files hold: readable by their owner only where the system has such modes.
            if (OperatingSystem.IsWindows())
            {
                Directory.CreateDirectory(folder);
            }
            else
            {
                Directory.CreateDirectory(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            }
        }

        var file = new CacheFile(FormatVersion, Producer, new SortedDictionary<string, CachedSizes>(_used, StringComparer.Ordinal));
        IO.ReportFile.Write(Path, stream => JsonSerializer.Serialize(stream, file, SizeCacheJsonContext.Default.CacheFile));
    }
}

/// <summary>The cached compressed sizes of one content; a null size was not computed yet.</summary>
public sealed record CachedSizes(long? Gzip, long? Brotli);

internal sealed record CacheFile(int Version, string? Producer, SortedDictionary<string, CachedSizes> Entries);
