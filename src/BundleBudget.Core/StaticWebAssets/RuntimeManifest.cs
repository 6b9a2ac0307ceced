using System.Text.Json;
using BundleBudget.Core.Budgets;

namespace BundleBudget.Core.StaticWebAssets;

/// <summary>A file ASP.NET Core serves: its URL path (no leading '/') and where it is on disk.</summary>
public sealed record ServedFile(string Route, string FullPath);

/// <summary>
/// What <c>dotnet run</c> serves, from the .NET SDK's runtime manifest (<c>&lt;app&gt;.staticwebassets.runtime.json</c>
/// in the build output): a tree of URL path segments whose nodes map to a file in one of several content roots (the
/// project's wwwroot, the framework's compressed copies in obj/, the scoped-CSS bundle, each Razor class library's
/// wwwroot, the framework's own _framework files), and patterns that serve a whole content root below a node. The
/// development server answers from it, so it is the set a build serves: a file is served when the tree or a pattern
/// names it, wherever it sits on disk.
/// </summary>
public sealed class RuntimeManifest
{
    private const long MaxLength = 256L * 1024 * 1024;

    private RuntimeManifest(string path, IReadOnlyList<string> contentRoots, IReadOnlyList<ServedFile> files)
    {
        Path = path;
        ContentRoots = contentRoots;
        Files = files;
    }

    public string Path { get; }

    /// <summary>The folders files are served from, as the manifest lists them (full paths).</summary>
    public IReadOnlyList<string> ContentRoots { get; }

    /// <summary>Every served file, ordinal by route.</summary>
    public IReadOnlyList<ServedFile> Files { get; }

    /// <summary>Whether this manifest says what a folder serves: the folder (the project's wwwroot) is one of its content roots.</summary>
    public bool Serves(string folder) =>
        ContentRoots.Select(r => r.Length == 0 ? r : Normalize(r)).Contains(Normalize(folder), OperatingSystem.IsWindows() ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal);

    /// <summary>Reads a runtime manifest.</summary>
    /// <exception cref="InvalidDataException">It is not a runtime manifest this version reads; the message says why.</exception>
    /// <exception cref="IOException">It could not be read.</exception>
    /// <exception cref="UnauthorizedAccessException">It could not be read.</exception>
    public static RuntimeManifest Read(string path)
    {
        var length = IO.FileLength.Of(path);
        if (length > MaxLength)
        {
            throw new InvalidDataException($"it is {ByteSize.Format(length)}, larger than BundleBudget reads");
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(File.ReadAllBytes(path), new JsonDocumentOptions { MaxDepth = 512 });
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"it is not valid JSON ({e.Message})");
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object
                || !root.TryGetProperty("ContentRoots", out var rootsElement) || rootsElement.ValueKind != JsonValueKind.Array
                || !root.TryGetProperty("Root", out var tree) || tree.ValueKind != JsonValueKind.Object)
            {
                throw new InvalidDataException("it has no \"ContentRoots\" and \"Root\": not a static web assets runtime manifest");
            }

            var contentRoots = rootsElement.EnumerateArray().Select(r => r.ValueKind == JsonValueKind.String ? r.GetString()! : string.Empty).ToList();
            var walk = new Walk(contentRoots);
            walk.Node(tree, string.Empty, 0);
            var files = walk.Explicit.Values.ToDictionary(f => f.Route, StringComparer.Ordinal);
            foreach (var (route, file) in walk.FromPatterns())
            {
                files.TryAdd(route, file);
            }

            return new RuntimeManifest(Normalize(path), contentRoots, files.Values.OrderBy(f => f.Route, StringComparer.Ordinal).ToList());
        }
    }

    private static string Normalize(string folder) => System.IO.Path.TrimEndingDirectorySeparator(System.IO.Path.GetFullPath(folder));

    private sealed class Walk(IReadOnlyList<string> contentRoots)
    {
        private readonly List<(string Node, string ContentRoot, FileGlob Glob)> _patterns = [];

        public Dictionary<string, ServedFile> Explicit { get; } = new(StringComparer.Ordinal);

        public void Node(JsonElement node, string route, int depth)
        {
            if (depth > 200)
            {
                throw new InvalidDataException($"its tree is nested more than 200 folders deep at {route}");
            }

            if (node.TryGetProperty("Asset", out var asset) && asset.ValueKind == JsonValueKind.Object
                && ContentRoot(asset) is { } assetRoot && asset.TryGetProperty("SubPath", out var subPath) && subPath.ValueKind == JsonValueKind.String)
            {
                Explicit[route] = new ServedFile(route, FullPath(assetRoot, subPath.GetString()!));
            }

            if (node.TryGetProperty("Patterns", out var patterns) && patterns.ValueKind == JsonValueKind.Array)
            {
                foreach (var pattern in patterns.EnumerateArray())
                {
                    if (pattern.ValueKind == JsonValueKind.Object && ContentRoot(pattern) is { } patternRoot
                        && pattern.TryGetProperty("Pattern", out var text) && text.ValueKind == JsonValueKind.String
                        && FileGlob.TryParse(text.GetString()!, out var glob, out _))
                    {
                        _patterns.Add((route, patternRoot, glob!));
                    }
                }
            }

            if (node.TryGetProperty("Children", out var children) && children.ValueKind == JsonValueKind.Object)
            {
                foreach (var child in children.EnumerateObject())
                {
                    if (child.Value.ValueKind == JsonValueKind.Object && IsSegment(child.Name))
                    {
                        Node(child.Value, route.Length == 0 ? child.Name : $"{route}/{child.Name}", depth + 1);
                    }
                }
            }
        }

        /// <summary>The files a pattern serves: every file below its content root that the pattern matches, at the node's route.</summary>
        public IEnumerable<(string Route, ServedFile File)> FromPatterns()
        {
            foreach (var (node, root, glob) in _patterns)
            {
                if (!Directory.Exists(root))
                {
                    continue;
                }

                var rootFull = Normalize(root);
                IEnumerable<string> found;
                try
                {
                    found = Directory.EnumerateFiles(rootFull, "*", new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true, AttributesToSkip = 0 }).ToList();
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    continue;
                }

                foreach (var file in found)
                {
                    var relative = System.IO.Path.GetRelativePath(rootFull, file).Replace('\\', '/');
                    if (glob.IsMatch(relative))
                    {
                        var route = node.Length == 0 ? relative : $"{node}/{relative}";
                        yield return (route, new ServedFile(route, file));
                    }
                }
            }
        }

        private string? ContentRoot(JsonElement element) =>
            element.TryGetProperty("ContentRootIndex", out var index) && index.ValueKind == JsonValueKind.Number && index.TryGetInt32(out var i)
            && i >= 0 && i < contentRoots.Count && contentRoots[i].Length > 0 ? contentRoots[i] : null;

        private static string FullPath(string contentRoot, string subPath) =>
            System.IO.Path.GetFullPath(System.IO.Path.Combine(contentRoot, subPath.Replace('/', System.IO.Path.DirectorySeparatorChar)));

        private static bool IsSegment(string name) => name.Length > 0 && name is not ("." or "..") && !name.Contains('/') && !name.Contains('\\');
    }
}
