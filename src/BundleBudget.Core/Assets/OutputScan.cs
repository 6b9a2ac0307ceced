using BundleBudget.Core.Diagnostics;

namespace BundleBudget.Core.Assets;

/// <summary>A folder or file of the output that could not be listed or read: what it holds is unknown.</summary>
/// <param name="Path">Relative to the output folder, with '/' separators.</param>
public sealed record UnreadablePath(string Path, bool IsFolder, string Reason)
{
    /// <summary>The path in words: "the folder private/" or "assets/locked.js".</summary>
    public string Describe() => IsFolder ? $"the folder {(Path.Length == 0 ? "." : Path)}/" : Path;

    /// <summary>Whether a file at <paramref name="relativePath"/> would be this path or lie inside it.</summary>
    public bool Covers(string relativePath) =>
        string.Equals(relativePath, Path, StringComparison.Ordinal)
        || (IsFolder && (Path.Length == 0 || relativePath.StartsWith(Path + "/", StringComparison.Ordinal)));
}

/// <summary>What scanning the output folder found: its files, what could not be read, and symbolic links that alias a folder.</summary>
/// <param name="Aliases">A linked folder's path to the path its files are listed under (both relative, no trailing '/'), for links to a folder listed already.</param>
public sealed record OutputScan(
    IReadOnlyList<Asset> Assets,
    IReadOnlyList<UnreadablePath> Unreadable,
    IReadOnlyDictionary<string, string> Aliases,
    IReadOnlyList<Diagnostic> Diagnostics)
{
    public static OutputScan Empty { get; } = new([], [], new Dictionary<string, string>(), []);

    /// <summary>The unreadable folder or file a path would be in, if any.</summary>
    public UnreadablePath? UnreadableAt(string relativePath) => Unreadable.FirstOrDefault(u => u.Covers(relativePath));
}
