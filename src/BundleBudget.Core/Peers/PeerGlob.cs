using BundleBudget.Core.Budgets;

namespace BundleBudget.Core.Peers;

/// <summary>
/// A glob of another tool's config, relative to that config's folder (as bundlewatch, bundlesize and size-limit read
/// them), turned into a budget glob relative to the output folder.
/// </summary>
internal static class PeerGlob
{
    /// <summary>The folder a pattern's files are in at most: its path up to the first segment with a wildcard, absolute.</summary>
    public static string LiteralFolder(string configFolder, string pattern) =>
        Path.GetFullPath(Path.Combine(configFolder, string.Join('/', FileGlob.SplitAtWildcard(Normalize(pattern)).Folder)));

    /// <summary>The folder all patterns share: what the output folder is when nothing else names it.</summary>
    public static string CommonFolder(string configFolder, IEnumerable<string> patterns)
    {
        string? common = null;
        foreach (var folder in patterns.Select(p => LiteralFolder(configFolder, p)))
        {
            common = common is null ? folder : Common(common, folder);
        }

        return common ?? Path.GetFullPath(configFolder);
    }

    /// <summary>The pattern relative to the output folder, or why it cannot be (it names files outside it, or is no glob BundleBudget reads).</summary>
    public static (FileGlob? Glob, string? Problem) Rebase(string configFolder, string pattern, string outputFolder)
    {
        var (folder, remainder) = FileGlob.SplitAtWildcard(Normalize(pattern));
        var literal = Path.GetFullPath(Path.Combine(configFolder, string.Join('/', folder)));
        var relative = Path.GetRelativePath(Path.GetFullPath(outputFolder), literal).Replace('\\', '/');
        if (relative == ".." || relative.StartsWith("../", StringComparison.Ordinal) || Path.IsPathRooted(relative))
        {
            return (null, $"\"{pattern}\" names files outside the output folder {outputFolder}");
        }

        var rebased = string.Join('/', (relative == "." ? [] : new[] { relative }).Concat(remainder));
        return FileGlob.TryParse(rebased, out var glob, out var error) ? (glob, null) : (null, $"\"{pattern}\" is no glob BundleBudget reads ({error})");
    }

    private static string Normalize(string pattern)
    {
        var normalized = pattern.Replace('\\', '/');
        while (normalized.StartsWith("./", StringComparison.Ordinal))
        {
            normalized = normalized[2..];
        }

        return normalized;
    }

    private static string Common(string a, string b)
    {
        var left = a.Split(Path.DirectorySeparatorChar);
        var right = b.Split(Path.DirectorySeparatorChar);
        var shared = left.Zip(right).TakeWhile(p => p.First == p.Second).Count();
        var joined = string.Join(Path.DirectorySeparatorChar, left.Take(shared));
        return joined.Length == 0 ? Path.GetPathRoot(a) ?? a : joined;
    }
}
