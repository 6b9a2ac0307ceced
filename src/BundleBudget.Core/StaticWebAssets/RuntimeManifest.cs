using System.Text.Json;
using BundleBudget.Core.Budgets;

namespace BundleBudget.Core.StaticWebAssets;

/// <summary>A file ASP.NET Core serves: its URL path (no leading '/') and where it is on disk.</summary>
/// <param name="Problem">Why it cannot be served as the manifest says (a path that leaves its content root), else null.</param>
public sealed record ServedFile(string Route, string FullPath, string? Problem = null);

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

    private RuntimeManifest(string path, IReadOnlyList<string> contentRoots, IReadOnlyList<ServedFile> files, Assets.OutputScan patterns)
    {
        Path = path;
        ContentRoots = contentRoots;
        Files = files;
        Patterns = patterns;
    }

    /// <summary>
    /// What the patterns' content roots hold that could not be listed, and the links in them that loop, by route: the
    /// scan of a folder's own files, under the route the pattern serves it at.
    /// </summary>
    public Assets.OutputScan Patterns { get; }

    public string Path { get; }

    /// <summary>The folders files are served from, as the manifest lists them (full paths).</summary>
    public IReadOnlyList<string> ContentRoots { get; }

    /// <summary>Every served file, ordinal by route.</summary>
    public IReadOnlyList<ServedFile> Files { get; }

    /// <summary>Whether this manifest says what a folder serves: the folder (the project's wwwroot) is one of its content roots.</summary>
    public bool Serves(string folder)
    {
        // Compared as the file system resolves them: a link to wwwroot is wwwroot; Windows and macOS ignore case.
        static string Real(string path) => Assets.AssetScanner.RealPath(Normalize(path)) ?? Normalize(path);
        var comparer = OperatingSystem.IsLinux() ? StringComparer.Ordinal : StringComparer.OrdinalIgnoreCase;
        var real = Real(folder);
        return ContentRoots.Where(r => r.Length > 0).Any(r => comparer.Equals(Real(r), real));
    }

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
            var patterns = walk.FromPatterns();
            foreach (var file in patterns.Files)
            {
                files.TryAdd(file.Route, file);
            }

            return new RuntimeManifest(Normalize(path), contentRoots, files.Values.OrderBy(f => f.Route, StringComparer.Ordinal).ToList(), patterns.Scan);
        }
    }

    private static string Normalize(string folder) => System.IO.Path.TrimEndingDirectorySeparator(System.IO.Path.GetFullPath(folder));

    private sealed class Walk(IReadOnlyList<string> contentRoots)
    {
        /// <summary>The SDK writes a pattern per content root served whole (a project and each library): far fewer.</summary>
        private const int MaxPatterns = 1000;

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
                Explicit[route] = Served(route, assetRoot, subPath.GetString()!);
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

        /// <summary>
        /// The files the patterns serve: every file below its content root that the pattern matches, at the node's
        /// route. Each content root is listed once, as the output folder is (links followed, loops named and not
        /// followed, a folder that cannot be listed named): at most <see cref="MaxPatterns"/> patterns.
        /// </summary>
        public (List<ServedFile> Files, Assets.OutputScan Scan) FromPatterns()
        {
            var files = new List<ServedFile>();
            var unreadable = new List<Assets.UnreadablePath>();
            var diagnostics = new List<Diagnostics.Diagnostic>();
            var scans = new Dictionary<string, Assets.OutputScan>(StringComparer.Ordinal);
            foreach (var (node, root, glob) in _patterns.Take(MaxPatterns))
            {
                var rootFull = Normalize(root);
                if (!Directory.Exists(rootFull))
                {
                    continue;
                }

                if (!scans.TryGetValue(rootFull, out var scan))
                {
                    scan = scans[rootFull] = Assets.AssetScanner.Scan(rootFull);
                    diagnostics.AddRange(scan.Diagnostics);
                }

                string Route(string relative) => node.Length == 0 ? relative : relative.Length == 0 ? node : $"{node}/{relative}";
                files.AddRange(scan.Assets.Where(a => glob.IsMatch(a.Path)).Select(a => new ServedFile(Route(a.Path), a.FullPath)));
                unreadable.AddRange(scan.Unreadable.Select(u => u with { Path = Route(u.Path) }));
            }

            return (files, new Assets.OutputScan([], unreadable.DistinctBy(u => u.Path).ToList(), new Dictionary<string, string>(), diagnostics));
        }

        private string? ContentRoot(JsonElement element) =>
            element.TryGetProperty("ContentRootIndex", out var index) && index.ValueKind == JsonValueKind.Number && index.TryGetInt32(out var i)
            && i >= 0 && i < contentRoots.Count && contentRoots[i].Length > 0 ? contentRoots[i] : null;

        /// <summary>The file a sub-path names in its content root; a rooted path, or one that leaves the root, is refused (as ASP.NET Core's file provider refuses it).</summary>
        private static ServedFile Served(string route, string contentRoot, string subPath)
        {
            var root = Normalize(contentRoot) + System.IO.Path.DirectorySeparatorChar;
            var relative = subPath.Replace('\\', '/').Replace('/', System.IO.Path.DirectorySeparatorChar);
            var full = System.IO.Path.IsPathRooted(relative) ? relative : System.IO.Path.GetFullPath(System.IO.Path.Combine(root, relative));
            return System.IO.Path.IsPathRooted(relative) || !full.StartsWith(root, StringComparison.Ordinal)
                ? new ServedFile(route, full, $"the manifest names {subPath}, outside its content root {root}, which ASP.NET Core does not serve")
                : new ServedFile(route, full);
        }

        private static bool IsSegment(string name) => name.Length > 0 && name is not ("." or "..") && !name.Contains('/') && !name.Contains('\\');
    }
}
