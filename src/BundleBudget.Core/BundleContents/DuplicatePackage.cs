using BundleBudget.Core.Budgets;
using BundleBudget.Core.Diagnostics;
using BundleBudget.Core.Imports;

namespace BundleBudget.Core.BundleContents;

/// <summary>One bundle's copy of a duplicated package: the bytes of its modules that another bundle carries too.</summary>
public sealed record DuplicateCopy(string Bundle, long Bytes);

/// <summary>
/// An npm package (one installed copy, so one version) whose modules are in two or more bundles, by their source maps.
/// </summary>
/// <param name="InstallPath">Where it is installed, from the maps' sources: <c>node_modules/dayjs</c>, or a nested copy's <c>node_modules/a/node_modules/dayjs</c>.</param>
/// <param name="Version">Its version, from its package.json or the lockfile; null when neither tells.</param>
/// <param name="DuplicatedBytes">What one shared copy would save: the bytes of its repeated modules beyond one copy of each.</param>
public sealed record DuplicatePackage(string Package, string InstallPath, string? Version, IReadOnlyList<DuplicateCopy> Copies, long DuplicatedBytes)
{
    public Diagnostic ToDiagnostic(string firstBundleFullPath)
    {
        var name = Version is null ? Package : $"{Package} {Version}";
        var nested = InstallPath == "node_modules/" + Package ? string.Empty : $" (the copy at {InstallPath})";
        var copies = string.Join(", ", Copies.Select(c => $"{c.Bundle} {ByteSize.Format(c.Bytes)}"));
        return Diagnostic.Warning(
            BundleDiagnostics.DuplicatePackage,
            $"{name}{nested} is bundled into {Copies.Count} bundles ({copies}, raw): {ByteSize.Format(DuplicatedBytes)} duplicated. Load it from one shared chunk: with webpack, optimization.splitChunks.chunks: 'all'; with Vite or Rollup, import it from a module both entries share, or name it in manualChunks.",
            firstBundleFullPath);
    }

    /// <summary>
    /// The packages whose modules (the same source path after node_modules/) are in two or more bundles: a module is
    /// one file of one installed copy, so a package found twice is the same version bundled twice, not two versions.
    /// </summary>
    public static IReadOnlyList<DuplicatePackage> Find(IReadOnlyList<BundleComposition> bundles, ImportAnalysis imports)
    {
        // Each module, by its path resolved against its map's folder (maps name sources relative to themselves, so two
        // bundles in different folders name one file differently), with its bytes in each bundle.
        var modules = new Dictionary<string, List<(string Bundle, long Bytes)>>(StringComparer.Ordinal);
        foreach (var bundle in bundles)
        {
            var mapFolder = MapFolder(bundle);
            foreach (var source in bundle.Sources)
            {
                if (source.Bytes <= 0 || ModuleKey(source.Source, mapFolder) is not { } key)
                {
                    continue;
                }

                if (!modules.TryGetValue(key, out var copies))
                {
                    modules[key] = copies = [];
                }

                var existing = copies.FindIndex(c => c.Bundle == bundle.Bundle);
                if (existing >= 0)
                {
                    copies[existing] = (bundle.Bundle, copies[existing].Bytes + source.Bytes);
                }
                else
                {
                    copies.Add((bundle.Bundle, source.Bytes));
                }
            }
        }

        return modules.Where(m => m.Value.Count > 1)
            .GroupBy(m => InstallPathOf(m.Key), StringComparer.Ordinal)
            .Select(package =>
            {
                var name = BundleComposition.PackageOf(package.Key, out _)!;
                var copies = package.SelectMany(m => m.Value).GroupBy(c => c.Bundle, StringComparer.Ordinal)
                    .Select(g => new DuplicateCopy(g.Key, g.Sum(c => c.Bytes)))
                    .OrderByDescending(c => c.Bytes).ThenBy(c => c.Bundle, StringComparer.Ordinal).ToList();
                var duplicated = package.Sum(m => m.Value.Sum(c => c.Bytes) - m.Value.Max(c => c.Bytes));
                // Shown without the "../" that leave the output folder: node_modules/dayjs, apps/web/node_modules/dayjs.
                var installPath = WithoutLeadingParents(package.Key);
                return new DuplicatePackage(name, installPath, VersionOf(name, installPath, imports), copies, duplicated);
            })
            .OrderByDescending(d => d.DuplicatedBytes).ThenBy(d => d.InstallPath, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>The folder (relative to the output folder) the bundle's map names its sources from.</summary>
    private static string MapFolder(BundleComposition bundle)
    {
        var map = bundle.SourceMap == "inline" ? bundle.Bundle : bundle.SourceMap;
        var slash = map.LastIndexOf('/');
        return slash < 0 ? string.Empty : map[..slash];
    }

    /// <summary>
    /// A source of node_modules as one path for every bundle: webpack's <c>webpack://name/./x</c> as <c>x</c>, a relative
    /// source resolved against the map's folder (leading "../" kept where it leaves the output folder); null for the
    /// app's own code.
    /// </summary>
    private static string? ModuleKey(string source, string mapFolder)
    {
        var normalized = source.Replace('\\', '/');
        if (!normalized.Contains("node_modules/", StringComparison.Ordinal))
        {
            return null;
        }

        var scheme = normalized.IndexOf("://", StringComparison.Ordinal);
        if (scheme >= 0)
        {
            var path = normalized[(scheme + 3)..];
            var namespaceEnd = path.IndexOf('/');
            return Normalize(namespaceEnd < 0 ? path : path[(namespaceEnd + 1)..]);
        }

        return Normalize(normalized.StartsWith('/') ? normalized : (mapFolder.Length == 0 ? normalized : mapFolder + "/" + normalized));
    }

    private static string Normalize(string path)
    {
        var segments = new List<string>();
        foreach (var segment in path.Split('/'))
        {
            if (segment is "" or ".")
            {
                continue;
            }

            if (segment == ".." && segments.Count > 0 && segments[^1] != "..")
            {
                segments.RemoveAt(segments.Count - 1);
            }
            else
            {
                segments.Add(segment);
            }
        }

        return string.Join('/', segments);
    }

    /// <summary>Where the module's package is installed, from its last node_modules/ (a nested copy's is its own): node_modules/a/node_modules/@s/b.</summary>
    private static string InstallPathOf(string moduleKey)
    {
        var last = moduleKey.LastIndexOf("node_modules/", StringComparison.Ordinal) + "node_modules/".Length;
        var segments = moduleKey[last..].Split('/');
        var package = segments[0].StartsWith('@') && segments.Length > 1 ? $"{segments[0]}/{segments[1]}" : segments[0];
        return moduleKey[..last] + package;
    }

    private static string WithoutLeadingParents(string path)
    {
        while (path.StartsWith("../", StringComparison.Ordinal))
        {
            path = path[3..];
        }

        return path;
    }

    /// <summary>The version of a top-level install, as the sources would get it; a nested copy's only from its own package.json.</summary>
    private static string? VersionOf(string name, string installPath, ImportAnalysis imports)
    {
        if (imports.Root is not { } root || imports.Packages is not { } packages)
        {
            return null;
        }

        if (installPath == "node_modules/" + name)
        {
            // As Node resolves it for a source that imports it (the lockfile beside the front end, not the budget's folder).
            var importer = imports.References.FirstOrDefault(r => r.Package == name);
            var folder = importer is null ? root : Path.GetDirectoryName(Path.GetFullPath(Path.Combine(root, importer.RelativeFile)))!;
            return packages.Find(name, folder)?.Version;
        }

        // node_modules/a/node_modules/x is what a file of node_modules/a gets, when that copy is installed here.
        var owner = Path.Combine(root, installPath[..installPath.LastIndexOf("/node_modules/", StringComparison.Ordinal)]);
        return File.Exists(Path.Combine(root, installPath, "package.json")) ? packages.Find(name, owner)?.Version : null;
    }
}
