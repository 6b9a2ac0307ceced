using BundleBudget.Core.Budgets;

namespace BundleBudget.Core.Imports;

/// <summary>Finds the source files that <c>imports.sources</c> names, never inside node_modules, .git, bin or obj.</summary>
public static class SourceFileFinder
{
    private static readonly HashSet<string> SkippedFolders = new(StringComparer.OrdinalIgnoreCase) { "node_modules", ".git", "bin", "obj" };

    /// <param name="folders">Receives every folder listed (and each glob's starting folder, even when missing) with its last-write time (local ticks, as MSBuild's property functions give it) taken before it was listed: a file added or removed anywhere the search looked changes one of them.</param>
    /// <param name="extensions">The file extensions to find (lower case, with the dot); default: the front-end sources the import analysis reads.</param>
    public static IReadOnlyList<(string FullPath, string RelativePath)> Find(string root, IReadOnlyList<FileGlob> globs, IDictionary<string, long>? folders = null, IReadOnlyCollection<string>? extensions = null)
    {
        extensions ??= SourceModuleReader.Extensions;
        var found = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var glob in globs)
        {
            var start = Path.GetFullPath(Path.Combine(root, StaticPrefix(glob.Pattern)));
            Record(folders, start);
            if (!Directory.Exists(start))
            {
                continue;
            }

            foreach (var file in Walk(start, folders))
            {
                var relative = Path.GetRelativePath(root, file).Replace('\\', '/');
                if (glob.IsMatch(relative) && extensions.Contains(Path.GetExtension(file).ToLowerInvariant()))
                {
                    found[relative] = file;
                }
            }
        }

        return found.Select(f => (f.Value, f.Key)).ToList();
    }

    /// <summary>The folders of a glob before its first wildcard: the only place its files can be.</summary>
    private static string StaticPrefix(string pattern) =>
        string.Join('/', Budgets.FileGlob.SplitAtWildcard(pattern).Folder.Where(s => s is not ("." or "")));

    private static void Record(IDictionary<string, long>? folders, string folder)
    {
        if (folders is not null)
        {
            folders[folder] = Directory.GetLastWriteTime(folder).Ticks;
        }
    }

    private static IEnumerable<string> Walk(string folder, IDictionary<string, long>? listed)
    {
        var pending = new Stack<string>([folder]);
        while (pending.Count > 0)
        {
            var current = pending.Pop();
            Record(listed, current);
            IEnumerable<string> files, folders;
            try
            {
                files = Directory.EnumerateFiles(current).ToList();
                folders = Directory.EnumerateDirectories(current).Where(d => !SkippedFolders.Contains(Path.GetFileName(d)) && new DirectoryInfo(d).LinkTarget is null).ToList();
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                continue;
            }

            foreach (var file in files)
            {
                yield return file;
            }

            foreach (var sub in folders)
            {
                pending.Push(sub);
            }
        }
    }
}
