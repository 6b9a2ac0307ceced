using BundleBudget.Core.Assets;

namespace BundleBudget.Core.BundleContents;

/// <summary>Where a bundle's source map is: a file of the output folder, or inline in the bundle (a data: URL).</summary>
/// <param name="File">The map file; null for an inline map.</param>
/// <param name="Name">The map's path relative to the output folder, or "inline".</param>
/// <param name="Problem">Why the map is not read (empty, larger than BundleBudget reads), else null.</param>
internal sealed record MapLocation(Asset? File, string Name, string? Problem)
{
    public const string InlineName = "inline";

    public bool IsInline => File is null;
}

/// <summary>
/// Finds a bundle's source map as source-map-explorer does: the map named by its last sourceMappingURL comment (a file
/// of the output folder, or an inline data: URL of any length), else "bundle.js.map". A map outside the output folder is
/// never read.
/// </summary>
internal sealed class SourceMapLocator(string outputFolder, IReadOnlyDictionary<string, Asset> byPath)
{
    private readonly string _root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(outputFolder)) + Path.DirectorySeparatorChar;

    /// <param name="url">The URL of the bundle's sourceMappingURL comment (<see cref="SourceMapComment.Inline"/> for a data: URL), or null.</param>
    public MapLocation? Locate(Asset script, string? url)
    {
        if (url is not null && url.StartsWith(SourceMapComment.Inline, StringComparison.Ordinal))
        {
            return new MapLocation(null, MapLocation.InlineName, null);
        }

        var folder = Path.GetDirectoryName(script.FullPath)!;
        var relative = url is null || url.Contains("://", StringComparison.Ordinal) ? null : Uri.UnescapeDataString(url.Split('?', '#')[0]);
        string candidate;
        try
        {
            candidate = relative is null ? script.FullPath + ".map"
                : relative.StartsWith('/') ? Path.GetFullPath(Path.Combine(_root, relative.TrimStart('/')))
                : Path.GetFullPath(Path.Combine(folder, relative));
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException)
        {
            return null;
        }

        if (!candidate.StartsWith(_root, StringComparison.Ordinal))
        {
            return null;
        }

        var path = candidate[_root.Length..].Replace('\\', '/');
        var map = byPath.GetValueOrDefault(path);
        if (map is null)
        {
            if (!System.IO.File.Exists(candidate))
            {
                return null;
            }

            var (length, modified) = IO.FileLength.WithTimeOf(candidate);
            map = new Asset(path, candidate, AssetType.SourceMap, length) { Modified = modified };
        }

        var problem = map.Length == 0 ? "it is empty"
            : map.Length > ParseLimits.SourceMap ? $"it is {Budgets.ByteSize.Format(map.Length)}, larger than BundleBudget reads"
            : null;
        return new MapLocation(map, path, problem);
    }

    /// <summary>The JSON of an inline map, from the bundle's text.</summary>
    /// <exception cref="InvalidDataException">The data: URL is not valid Base64.</exception>
    public static byte[] InlineMap(string generated)
    {
        var url = SourceMapComment.Url(generated) ?? string.Empty;
        var comma = url.IndexOf(',');
        var isBase64 = url[..Math.Max(comma, 0)].EndsWith(";base64", StringComparison.Ordinal);
        var payload = comma < 0 ? string.Empty : url[(comma + 1)..];
        try
        {
            return isBase64 ? Convert.FromBase64String(payload) : System.Text.Encoding.UTF8.GetBytes(Uri.UnescapeDataString(payload));
        }
        catch (FormatException e)
        {
            throw new InvalidDataException($"the inline data: URL is not valid Base64: {e.Message}", e);
        }
    }
}
