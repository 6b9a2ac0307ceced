using System.Collections.Concurrent;
using System.Text.Json;

namespace BundleBudget.Core.Imports;

/// <summary>An npm package as installed: its version and the packages it depends on (dependencies, peer and optional).</summary>
public sealed record InstalledPackage(string Name, string Version, IReadOnlyList<string> Dependencies)
{
    /// <summary>The major version, or null when the version is not a plain semantic version.</summary>
    public int? Major => int.TryParse(Version.Split('.', '-', '+')[0].TrimStart('v', '^', '~', '='), out var major) ? major : null;
}

/// <summary>
/// Finds which version of an npm package a source file gets, as Node resolves it: the package.json of the package in
/// the nearest node_modules folder above the file; else the nearest lockfile above it (package-lock.json or
/// npm-shrinkwrap.json, yarn.lock, pnpm-lock.yaml), so that a checkout without node_modules still knows. Every file
/// is read once; nothing above <see cref="StopAt"/>'s parent is searched beyond the file system's root.
/// </summary>
public sealed class InstalledPackages
{
    private readonly ConcurrentDictionary<string, InstalledPackage?> _fromNodeModules = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Lockfile?> _lockfiles = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string?> _nearestLockfile = new(StringComparer.Ordinal);

    /// <summary>The folder where the search may stop early (the repository root, when known); null to search up to the root.</summary>
    public string? StopAt { get; init; }

    /// <summary>The package a file in <paramref name="folder"/> gets when it imports <paramref name="name"/>, or null when nothing tells.</summary>
    public InstalledPackage? Find(string name, string folder)
    {
        for (var current = folder; current is not null; current = Path.GetDirectoryName(current))
        {
            var manifest = Path.Combine(current, "node_modules", name, "package.json");
            var installed = _fromNodeModules.GetOrAdd(manifest, ReadManifest);
            if (installed is not null)
            {
                return installed;
            }
        }

        return NearestLockfile(folder) is { } lockfile ? _lockfiles.GetOrAdd(lockfile, Lockfile.Read)?.Find(name) : null;
    }

    private string? NearestLockfile(string folder) => _nearestLockfile.GetOrAdd(folder, start =>
    {
        for (var current = start; current is not null; current = Path.GetDirectoryName(current))
        {
            foreach (var name in Lockfile.Names)
            {
                var candidate = Path.Combine(current, name);
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }

            if (StopAt is not null && string.Equals(Path.TrimEndingDirectorySeparator(current), Path.TrimEndingDirectorySeparator(StopAt), StringComparison.Ordinal))
            {
                break;
            }
        }

        return null;
    });

    private static InstalledPackage? ReadManifest(string path)
    {
        try
        {
            if (IO.FileLength.Of(path) is <= 0 or > 4 * 1024 * 1024)
            {
                return null;
            }

            using var document = JsonDocument.Parse(File.ReadAllBytes(path), new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("name", out var name) || name.ValueKind != JsonValueKind.String
                || !root.TryGetProperty("version", out var version) || version.ValueKind != JsonValueKind.String)
            {
                return null;
            }

            return new InstalledPackage(name.GetString()!, version.GetString()!, Lockfile.DependencyNames(root));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException)
        {
            return null;
        }
    }
}
