namespace BundleBudget.Core.Assets;

/// <summary>A file of the output folder.</summary>
/// <param name="Path">Relative to the output folder, with '/' separators, as a URL would name it.</param>
/// <param name="FullPath">Absolute path on disk.</param>
public sealed record Asset(string Path, string FullPath, AssetType Type, long Length)
{
    public bool IsCounted => Type.IsCounted();
}
