namespace BundleBudget.Core.Assets;

/// <summary>Why a file of the output is listed but counted in no budget, beyond its type (source maps, precompressed siblings).</summary>
public enum AssetExclusion
{
    /// <summary>Counted, when its type is.</summary>
    None,

    /// <summary>Outside the folder the pages are served from (Angular's server/ beside browser/): browsers never download it.</summary>
    NotServed,

    /// <summary>A font no browser in use downloads: every @font-face naming it lists a format every browser takes before it, or it is EOT or an SVG font.</summary>
    NotDownloaded,
}

/// <summary>A file of the output folder.</summary>
/// <param name="Path">Relative to the output folder, with '/' separators, as a URL would name it.</param>
/// <param name="FullPath">Absolute path on disk.</param>
public sealed record Asset(string Path, string FullPath, AssetType Type, long Length)
{
    public AssetExclusion Exclusion { get; init; }

    /// <summary>When the file (a link's final target) was last written, in UTC ticks: with its length, what tells it unchanged since it was last read.</summary>
    public long Modified { get; init; }

    /// <summary>
    /// "br" or "gzip" for a file shipped compressed with no uncompressed copy beside it (Unity's Build/game.data.br):
    /// its bytes are what is sent, so every budget compares them as they are. Null for every other file.
    /// </summary>
    public string? Encoding { get; init; }

    public bool IsCounted => Type.IsCounted() && Exclusion == AssetExclusion.None;

    /// <summary>Whether a server compresses it on the way (a text file sent as it is stored); false for files already compressed.</summary>
    public bool IsTextCompressible => Type.IsTextCompressible() && Encoding is null;
}
