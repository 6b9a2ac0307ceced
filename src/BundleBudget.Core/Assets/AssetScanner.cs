using BundleBudget.Core.Diagnostics;

namespace BundleBudget.Core.Assets;

/// <summary>
/// Lists and classifies every file of an output folder, in a stable order (ordinal by path), following symbolic links
/// as a static file server does: the output folder itself may be a link (<c>wwwroot -&gt; ../client/dist</c>), and links
/// inside it are followed too. A link to a folder above it (a loop) is named and not followed; a second link to a
/// folder listed already is an alias of it, never listed twice. A folder that cannot be listed is named, not skipped.
/// </summary>
public static class AssetScanner
{
    public static OutputScan Scan(string outputFolder)
    {
        var root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(outputFolder));
        var assets = new List<Asset>();
        var unreadable = new List<UnreadablePath>();
        var aliases = new Dictionary<string, string>(StringComparer.Ordinal);
        var diagnostics = new List<Diagnostic>();

        // Real folders first, links after them, so that a file is listed under a path that needs no link where it can be.
        var rootReal = RealPath(root) ?? root;
        var listedAt = new Dictionary<string, string>(StringComparer.Ordinal) { [rootReal] = string.Empty };
        var folders = new Queue<Folder>([new Folder(new DirectoryInfo(root), string.Empty, rootReal)]);
        var links = new Queue<Folder>();
        while (folders.Count > 0 || links.Count > 0)
        {
            var next = folders.Count > 0 ? folders.Dequeue() : Follow(links.Dequeue(), rootReal, listedAt, aliases, unreadable, diagnostics);
            if (next is null)
            {
                continue;
            }

            List<FileSystemInfo> entries;
            try
            {
                entries = next.Directory.EnumerateFileSystemInfos("*", new EnumerationOptions { IgnoreInaccessible = false, AttributesToSkip = 0 }).ToList();
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Security.SecurityException)
            {
                var shown = next.Relative.Length == 0 ? "the output folder" : next.Relative + "/";
                unreadable.Add(new UnreadablePath(next.Relative, IsFolder: true, e.Message));
                diagnostics.Add(Diagnostic.Warning(DiagnosticCodes.UnreadableAsset, $"Cannot list {shown} ({e.Message}): the files in it are not measured, and every budget that could count them is incomplete. Check its permissions.", next.Directory.FullName));
                continue;
            }

            foreach (var entry in entries.OrderBy(e => e.Name, StringComparer.Ordinal))
            {
                var relative = next.Relative.Length == 0 ? entry.Name : $"{next.Relative}/{entry.Name}";
                if (entry is DirectoryInfo directory)
                {
                    if (directory.LinkTarget is not null)
                    {
                        links.Enqueue(new Folder(directory, relative, next.Real));
                        continue;
                    }

                    var real = $"{next.Real.TrimEnd(Path.DirectorySeparatorChar)}{Path.DirectorySeparatorChar}{directory.Name}";
                    if (listedAt.TryAdd(real, relative))
                    {
                        folders.Enqueue(new Folder(directory, relative, real));
                    }
                    else
                    {
                        aliases[relative] = listedAt[real]; // reached again through a linked parent: the same files
                    }
                }
                else if (entry is FileInfo file)
                {
                    var (length, modified) = LengthAndTimeOf(file);
                    assets.Add(new Asset(relative, file.FullName, AssetClassifier.Classify(file.Name), length) { Modified = modified });
                }
            }
        }

        assets.Sort((a, b) => string.CompareOrdinal(a.Path, b.Path));
        return new OutputScan(ShippedCompressed(assets), unreadable, aliases, diagnostics);
    }

    /// <summary>
    /// Lists the files a server sends, by the URL path it sends each at, wherever each is on disk (ASP.NET Core's static
    /// web assets come from several folders). A file the list names that is not there is named, not skipped.
    /// </summary>
    /// <param name="patterns">What listing the folders served whole found unreadable or looping, by route.</param>
    public static OutputScan ScanServed(IEnumerable<StaticWebAssets.ServedFile> files, OutputScan? patterns = null)
    {
        var assets = new List<Asset>();
        var unreadable = new List<UnreadablePath>(patterns?.Unreadable ?? []);
        var diagnostics = new List<Diagnostic>(patterns?.Diagnostics ?? []);
        foreach (var file in files)
        {
            if (file.Problem is { } problem)
            {
                unreadable.Add(new UnreadablePath(file.Route, IsFolder: false, problem));
                diagnostics.Add(Diagnostic.Warning(DiagnosticCodes.UnreadableAsset, $"ASP.NET Core's static web assets manifest serves {file.Route} from a path it would refuse: {problem}. It is not measured, and every budget that could count it is incomplete. Build the project again.", file.FullPath));
                continue;
            }

            var info = new FileInfo(file.FullPath);
            if (!info.Exists)
            {
                var reason = Directory.Exists(file.FullPath) ? "it is a folder, not a file" : "it does not exist";
                unreadable.Add(new UnreadablePath(file.Route, IsFolder: false, reason));
                diagnostics.Add(Diagnostic.Warning(DiagnosticCodes.UnreadableAsset, $"ASP.NET Core's static web assets manifest serves {file.Route} from {file.FullPath}, but {reason}: it is not measured, and every budget that could count it is incomplete. Build the project again.", file.FullPath));
                continue;
            }

            var (length, modified) = LengthAndTimeOf(info);
            assets.Add(new Asset(file.Route, info.FullName, AssetClassifier.Classify(file.Route), length) { Modified = modified });
        }

        assets.Sort((a, b) => string.CompareOrdinal(a.Path, b.Path));
        return new OutputScan(ShippedCompressed(assets), unreadable, new Dictionary<string, string>(), diagnostics);
    }

    /// <summary>
    /// The folder a link names, to list; null when it is listed already (then an alias of it), when it is a loop (it
    /// names a folder that holds the link: listed already, so an alias too, and named), or when it names a folder that
    /// holds the output folder itself (named, not followed: what it would serve is not measured). A link's Real is the
    /// real path of the folder holding the link.
    /// </summary>
    private static Folder? Follow(Folder link, string rootReal, Dictionary<string, string> listedAt, Dictionary<string, string> aliases, List<UnreadablePath> unreadable, List<Diagnostic> diagnostics)
    {
        var target = RealPath(link.Directory.FullName);
        if (target is null)
        {
            return null; // a broken link is listed as a file by the enumeration, and its measurement names it
        }

        if (IsAncestorOrSelf(target, rootReal) && target != rootReal)
        {
            var reason = $"a symbolic link to {target}, a folder that holds the output folder, is not followed";
            unreadable.Add(new UnreadablePath(link.Relative, IsFolder: true, reason));
            diagnostics.Add(Diagnostic.Warning(DiagnosticCodes.SymbolicLinkLoop, $"The symbolic link {link.Relative} points to {target}, a folder that holds the output folder: not followed, so the files a server would send through it are not measured, and the budgets that could count them are incomplete. Link to a folder inside the output folder, or copy the files in.", link.Directory.FullName));
            return null;
        }

        if (listedAt.TryGetValue(target, out var listed))
        {
            aliases[link.Relative] = listed;
            if (IsAncestorOrSelf(target, link.Real))
            {
                diagnostics.Add(Diagnostic.Warning(DiagnosticCodes.SymbolicLinkLoop, $"The symbolic link {link.Relative} points to {target}, a folder that holds the link itself: a loop, not followed. Its files are listed once, under {(listed.Length == 0 ? "the output folder" : listed + "/")}.", link.Directory.FullName));
            }

            return null;
        }

        listedAt[target] = link.Relative;
        return new Folder(link.Directory, link.Relative, target);
    }

    private static bool IsAncestorOrSelf(string folder, string path)
    {
        var prefix = folder.EndsWith(Path.DirectorySeparatorChar) ? folder : folder + Path.DirectorySeparatorChar;
        return string.Equals(folder, path, StringComparison.Ordinal) || path.StartsWith(prefix, StringComparison.Ordinal);
    }

    /// <summary>
    /// A .gz or .br file beside its uncompressed copy is a precompressed sibling the server may send instead: listed,
    /// not counted (the copy is, in the budget's compression). One without such a copy is the file that ships: it is
    /// counted as what it holds (game.framework.js.gz is a script), by its own bytes.
    /// </summary>
    private static List<Asset> ShippedCompressed(List<Asset> assets)
    {
        var paths = assets.Select(a => a.Path).ToHashSet(StringComparer.Ordinal);
        return assets.Select(asset =>
        {
            var inner = asset.Type == AssetType.Precompressed ? asset.Path[..asset.Path.LastIndexOf('.')] : null;

            // With no uncompressed copy, a server sends the .br to browsers (every one accepts it): a .gz beside it is the
            // sibling then.
            if (inner is null || paths.Contains(inner) || (asset.Path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) && paths.Contains(inner + ".br")))
            {
                return asset;
            }

            var type = AssetClassifier.Classify(inner);
            return asset with
            {
                Type = type is AssetType.SourceMap or AssetType.Precompressed ? AssetType.Other : type,
                Encoding = asset.Path.EndsWith(".br", StringComparison.OrdinalIgnoreCase) ? "br" : "gzip",
            };
        }).ToList();
    }

    /// <summary>The path with every symbolic link resolved, or null for a broken link.</summary>
    internal static string? RealPath(string path)
    {
        try
        {
            var info = new DirectoryInfo(path);
            var resolved = info.LinkTarget is null ? info : info.ResolveLinkTarget(returnFinalTarget: true);
            if (resolved is null || !resolved.Exists)
            {
                return null;
            }

            // A link's target may itself sit below other links: resolve the parent folders too.
            var parent = Path.GetDirectoryName(Path.TrimEndingDirectorySeparator(resolved.FullName));
            var realParent = parent is null ? null : RealPath(parent);
            var real = realParent is null ? resolved.FullName : Path.Combine(realParent, resolved.Name);
            return Path.TrimEndingDirectorySeparator(Path.GetFullPath(real));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>
    /// The length and last-write time of a file, or of its target for a symbolic link; a broken link stays listed so that
    /// measuring it reports why.
    /// </summary>
    private static (long Length, long Modified) LengthAndTimeOf(FileInfo file)
    {
        var (length, modified) = IO.FileLength.WithTimeOf(file);
        return length < 0 ? (0, 0) : (length, modified);
    }

    private sealed record Folder(DirectoryInfo Directory, string Relative, string Real);
}
