using BundleBudget.Core.Content;
using BundleBudget.Core.Measurement;

namespace BundleBudget.Core.Imports;

/// <summary>
/// The module references of a source file through the content store: a file whose path, length and time the index
/// knows is not opened; a changed or renamed one is read and hashed, and parsed only when its content is new.
/// </summary>
internal static class CachedSources
{
    public static SourceReadResult Read(string path, ContentStore store, ref int parsed)
    {
        // Through links, as reading finds it: a FIFO or device (length 0) is never opened.
        var (length, modified) = IO.FileLength.WithTimeOf(path);
        if (length <= 0 || length > ParseLimits.SourceFile)
        {
            return SourceModuleReader.Read(path); // names the problem, or reads nothing
        }

        var extension = Path.GetExtension(path).ToLowerInvariant();
        if (store.IndexedHash(path, length, modified) is { } indexed && store.Source(indexed, extension) is { } known)
        {
            return Result(path, known);
        }

        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return SourceModuleReader.Read(path);
        }

        var hash = Compressors.ContentHash(bytes);
        store.Index(path, length, modified, hash);
        if (store.Source(hash, extension) is { } renamed)
        {
            return Result(path, renamed);
        }

        var result = SourceModuleReader.Read(path, ContentText.Decode(bytes));
        Interlocked.Increment(ref parsed);
        store.PutSource(hash, extension, new SourceFacts(result.References, result.Problem is { } problem ? problem with { File = null } : null));
        return result;
    }

    private static SourceReadResult Result(string path, SourceFacts facts) =>
        new(path, facts.References, facts.Problem is { } problem ? problem with { File = path } : null);
}
