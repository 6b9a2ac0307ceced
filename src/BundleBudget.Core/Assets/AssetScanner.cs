namespace BundleBudget.Core.Assets;

/// <summary>Lists and classifies every file of an output folder, in a stable order (ordinal by path).</summary>
public static class AssetScanner
{
    public static IReadOnlyList<Asset> Scan(string outputFolder)
    {
        var root = Path.GetFullPath(outputFolder);
        var assets = new List<Asset>();

        // A symbolic link to a folder is followed once, and only after every real folder: a file is listed under its
        // real path, and a link back up the tree (or two links to one folder) never lists the same files again.
        var visited = new HashSet<string>(StringComparer.Ordinal) { RealPath(new DirectoryInfo(root)) };
        var folders = new Queue<DirectoryInfo>([new DirectoryInfo(root)]);
        var links = new Queue<DirectoryInfo>();
        while (folders.Count > 0 || links.Count > 0)
        {
            var next = folders.Count > 0 ? folders.Dequeue() : links.Dequeue();
            if (next.LinkTarget is not null && !visited.Add(RealPath(next)))
            {
                continue;
            }

            foreach (var entry in Entries(next))
            {
                if (entry is DirectoryInfo directory)
                {
                    if (directory.LinkTarget is not null)
                    {
                        links.Enqueue(directory);
                    }
                    else if (visited.Add(RealPath(directory)))
                    {
                        folders.Enqueue(directory);
                    }
                }
                else if (entry is FileInfo file)
                {
                    var relative = Path.GetRelativePath(root, file.FullName).Replace('\\', '/');
                    assets.Add(new Asset(relative, file.FullName, AssetClassifier.Classify(file.Name), LengthOf(file)));
                }
            }
        }

        assets.Sort((a, b) => string.CompareOrdinal(a.Path, b.Path));
        return assets;
    }

    private static IEnumerable<FileSystemInfo> Entries(DirectoryInfo directory)
    {
        try
        {
            return directory.EnumerateFileSystemInfos("*", new EnumerationOptions { IgnoreInaccessible = true, AttributesToSkip = 0 }).ToList();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return [];
        }
    }

    private static string RealPath(DirectoryInfo directory)
    {
        try
        {
            var real = directory.LinkTarget is null ? directory.FullName : directory.ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? directory.FullName;
            return Path.TrimEndingDirectorySeparator(Path.GetFullPath(real));
        }
        catch (IOException)
        {
            return Path.TrimEndingDirectorySeparator(directory.FullName);
        }
    }

    /// <summary>The length of a file, or of its target for a symbolic link; a broken link stays listed so that measuring it reports why.</summary>
    private static long LengthOf(FileInfo file)
    {
        try
        {
            return file.LinkTarget is null ? file.Length : new FileInfo(file.ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? file.FullName).Length;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return 0;
        }
    }
}
