namespace BundleBudget.Core.Assets;

/// <summary>Lists and classifies every file of an output folder, in a stable order (ordinal by path).</summary>
public static class AssetScanner
{
    public static IReadOnlyList<Asset> Scan(string outputFolder)
    {
        var root = Path.GetFullPath(outputFolder);
        var options = new EnumerationOptions
        {
            RecurseSubdirectories = true,
            IgnoreInaccessible = true,
            AttributesToSkip = FileAttributes.Device,
            ReturnSpecialDirectories = false,
        };

        var assets = new List<Asset>();
        foreach (var file in new DirectoryInfo(root).EnumerateFiles("*", options))
        {
            var relative = Path.GetRelativePath(root, file.FullName).Replace('\\', '/');
            assets.Add(new Asset(relative, file.FullName, AssetClassifier.Classify(file.Name), file.Length));
        }

        assets.Sort((a, b) => string.CompareOrdinal(a.Path, b.Path));
        return assets;
    }
}
