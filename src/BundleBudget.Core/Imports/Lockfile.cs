using System.Text.Json;

namespace BundleBudget.Core.Imports;

/// <summary>
/// The packages a lockfile records at the top of node_modules: npm's package-lock.json (versions 1 to 3), Yarn's
/// yarn.lock (classic and Berry) and pnpm's pnpm-lock.yaml. Only names, versions and dependency names are read.
/// </summary>
internal sealed class Lockfile
{
    public static readonly string[] Names = ["package-lock.json", "npm-shrinkwrap.json", "yarn.lock", "pnpm-lock.yaml"];

    private const long MaxBytes = 64L * 1024 * 1024;

    private readonly Dictionary<string, InstalledPackage> _packages;

    private Lockfile(Dictionary<string, InstalledPackage> packages) => _packages = packages;

    public InstalledPackage? Find(string name) => _packages.GetValueOrDefault(name);

    public static Lockfile? Read(string path)
    {
        try
        {
            if (IO.FileLength.Of(path) is <= 0 or > MaxBytes)
            {
                return null;
            }

            var packages = Path.GetFileName(path) switch
            {
                "yarn.lock" => ReadYarn(File.ReadAllLines(path)),
                "pnpm-lock.yaml" => ReadPnpm(File.ReadAllLines(path)),
                _ => ReadNpm(File.ReadAllBytes(path)),
            };
            return new Lockfile(packages);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException or InvalidOperationException)
        {
            return null;
        }
    }

    /// <summary>The names in a manifest's dependencies, peerDependencies and optionalDependencies (v1 lockfiles: requires).</summary>
    public static IReadOnlyList<string> DependencyNames(JsonElement package)
    {
        var names = new List<string>();
        foreach (var key in new[] { "dependencies", "peerDependencies", "optionalDependencies", "requires" })
        {
            if (package.TryGetProperty(key, out var map) && map.ValueKind == JsonValueKind.Object)
            {
                names.AddRange(map.EnumerateObject().Select(p => p.Name));
            }
        }

        return names.Distinct(StringComparer.Ordinal).ToList();
    }

    private static Dictionary<string, InstalledPackage> ReadNpm(byte[] json)
    {
        var packages = new Dictionary<string, InstalledPackage>(StringComparer.Ordinal);
        using var document = JsonDocument.Parse(json, new JsonDocumentOptions { AllowTrailingCommas = true });
        var root = document.RootElement;
        if (root.TryGetProperty("packages", out var entries) && entries.ValueKind == JsonValueKind.Object)
        {
            // Versions 2 and 3: "node_modules/chart.js", nested ones "node_modules/a/node_modules/b" (only the top level is read).
            foreach (var entry in entries.EnumerateObject())
            {
                const string Prefix = "node_modules/";
                if (!entry.Name.StartsWith(Prefix, StringComparison.Ordinal) || entry.Name.IndexOf("/node_modules/", StringComparison.Ordinal) >= 0
                    || entry.Value.ValueKind != JsonValueKind.Object || !entry.Value.TryGetProperty("version", out var version) || version.ValueKind != JsonValueKind.String)
                {
                    continue;
                }

                var name = entry.Name[Prefix.Length..];
                packages[name] = new InstalledPackage(name, version.GetString()!, DependencyNames(entry.Value));
            }
        }
        else if (root.TryGetProperty("dependencies", out var dependencies) && dependencies.ValueKind == JsonValueKind.Object)
        {
            foreach (var entry in dependencies.EnumerateObject())
            {
                if (entry.Value.ValueKind == JsonValueKind.Object && entry.Value.TryGetProperty("version", out var version) && version.ValueKind == JsonValueKind.String)
                {
                    packages[entry.Name] = new InstalledPackage(entry.Name, version.GetString()!, DependencyNames(entry.Value));
                }
            }
        }

        return packages;
    }

    /// <summary>
    /// yarn.lock: an entry starts at column 0 with its specifiers ("chart.js@^2.9.4", chart.js@^2.9.0: or
    /// "chart.js@npm:^2.9.4":), then indented "version" and dependency blocks. The first entry of a name wins.
    /// </summary>
    private static Dictionary<string, InstalledPackage> ReadYarn(string[] lines)
    {
        var packages = new Dictionary<string, InstalledPackage>(StringComparer.Ordinal);
        string? name = null, version = null;
        var dependencies = new List<string>();
        var inDependencies = false;
        void Flush()
        {
            if (name is not null && version is not null && !packages.ContainsKey(name))
            {
                packages[name] = new InstalledPackage(name, version, dependencies.ToList());
            }
        }

        foreach (var line in lines)
        {
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            if (!char.IsWhiteSpace(line[0]))
            {
                Flush();
                (name, version, inDependencies) = (NameOfYarnKey(line), null, false);
                dependencies.Clear();
                continue;
            }

            var trimmed = line.Trim();
            var indent = line.Length - line.TrimStart().Length;
            if (indent <= 2)
            {
                inDependencies = trimmed is "dependencies:" or "peerDependencies:" or "optionalDependencies:";
                if (trimmed.StartsWith("version", StringComparison.Ordinal))
                {
                    version = trimmed["version".Length..].TrimStart(':', ' ').Trim('"', '\'');
                }
            }
            else if (inDependencies)
            {
                var dependency = trimmed.Split([' ', ':'], 2)[0].Trim('"', '\'');
                if (dependency.Length > 0)
                {
                    dependencies.Add(dependency);
                }
            }
        }

        Flush();
        return packages;
    }

    private static string? NameOfYarnKey(string line)
    {
        var first = line.TrimEnd(':').Split(',')[0].Trim().Trim('"', '\'');
        var at = first.IndexOf('@', 1);
        return at > 0 ? first[..at] : null;
    }

    /// <summary>
    /// pnpm-lock.yaml: the keys under "packages:" (and "snapshots:" in version 9) name each package and version
    /// ("/chart.js@2.9.4:", "chart.js@2.9.4:", "'@scope/name@1.0.0(peer@2)':"), with dependency blocks below them.
    /// </summary>
    private static Dictionary<string, InstalledPackage> ReadPnpm(string[] lines)
    {
        var packages = new Dictionary<string, (string Version, HashSet<string> Dependencies)>(StringComparer.Ordinal);
        var inSection = false;
        string? current = null;
        var inDependencies = false;
        foreach (var line in lines)
        {
            if (line.Length == 0 || line.TrimStart().StartsWith('#'))
            {
                continue;
            }

            var indent = line.Length - line.TrimStart().Length;
            var trimmed = line.Trim();
            if (indent == 0)
            {
                inSection = trimmed is "packages:" or "snapshots:";
                current = null;
                continue;
            }

            if (!inSection)
            {
                continue;
            }

            if (indent == 2 && trimmed.EndsWith(':'))
            {
                current = null;
                var key = trimmed.TrimEnd(':').Trim('\'', '"').TrimStart('/');
                var peers = key.IndexOf('(');
                key = peers > 0 ? key[..peers] : key;
                var at = key.IndexOf('@', 1);
                if (at > 0)
                {
                    var name = key[..at];
                    var version = key[(at + 1)..];
                    if (!packages.TryGetValue(name, out var known))
                    {
                        packages[name] = known = (version, new HashSet<string>(StringComparer.Ordinal));
                    }

                    current = known.Version == version ? name : null;
                }

                inDependencies = false;
                continue;
            }

            if (current is null)
            {
                continue;
            }

            if (indent == 4)
            {
                inDependencies = trimmed is "dependencies:" or "peerDependencies:" or "optionalDependencies:";
            }
            else if (indent >= 6 && inDependencies)
            {
                var dependency = trimmed.Split(':', 2)[0].Trim('\'', '"');
                if (dependency.Length > 0)
                {
                    packages[current].Dependencies.Add(dependency);
                }
            }
        }

        return packages.ToDictionary(p => p.Key, p => new InstalledPackage(p.Key, p.Value.Version, p.Value.Dependencies.ToList()), StringComparer.Ordinal);
    }
}
