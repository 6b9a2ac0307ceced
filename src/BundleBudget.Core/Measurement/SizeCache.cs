using System.Collections.Concurrent;
using System.Text.Json;

namespace BundleBudget.Core.Measurement;

/// <summary>
/// Compressed sizes keyed by content hash, kept between runs so that unchanged content, renamed hashed chunks
/// included, is never compressed twice. A missing or damaged cache file is simply rebuilt.
/// </summary>
public sealed class SizeCache
{
    private const int FormatVersion = 1;

    private readonly ConcurrentDictionary<string, CachedSizes> _loaded;
    private readonly ConcurrentDictionary<string, CachedSizes> _used = new(StringComparer.Ordinal);

    private SizeCache(string? path, ConcurrentDictionary<string, CachedSizes> loaded)
    {
        Path = path;
        _loaded = loaded;
    }

    /// <summary>Where the cache is kept, or null for a cache that lives only in memory.</summary>
    public string? Path { get; }

    public static SizeCache InMemory() => new(null, new ConcurrentDictionary<string, CachedSizes>(StringComparer.Ordinal));

    public static SizeCache Load(string path)
    {
        var entries = new ConcurrentDictionary<string, CachedSizes>(StringComparer.Ordinal);
        try
        {
            if (File.Exists(path))
            {
                using var stream = File.OpenRead(path);
                var file = JsonSerializer.Deserialize(stream, SizeCacheJsonContext.Default.CacheFile);
                if (file is { Version: FormatVersion, Entries: { } stored })
                {
                    foreach (var (hash, sizes) in stored)
                    {
                        entries[hash] = sizes;
                    }
                }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException)
        {
            entries.Clear();
        }

        return new SizeCache(path, entries);
    }

    public CachedSizes? Get(string hash) => _loaded.TryGetValue(hash, out var sizes) ? sizes : null;

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

        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(Path))!);
        var file = new CacheFile(FormatVersion, new SortedDictionary<string, CachedSizes>(_used, StringComparer.Ordinal));
        var temporary = $"{Path}.{Environment.ProcessId}.tmp";
        try
        {
            using (var stream = File.Create(temporary))
            {
                JsonSerializer.Serialize(stream, file, SizeCacheJsonContext.Default.CacheFile);
            }

            File.Move(temporary, Path, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }
}

/// <summary>The cached compressed sizes of one content; a null size was not computed yet.</summary>
public sealed record CachedSizes(long? Gzip, long? Brotli);

internal sealed record CacheFile(int Version, SortedDictionary<string, CachedSizes> Entries);
