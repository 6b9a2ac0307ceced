namespace BundleBudget.Core.BundleContents;

/// <summary>The bytes of a bundle that came from one npm package, from the app's own sources, or from no source.</summary>
public sealed record PackageShare(string Package, long Bytes);

/// <summary>The bytes of a bundle that came from one source of its map.</summary>
public sealed record SourceShare(string Source, long Bytes);

/// <summary>What a bundle is made of, by its source map: bytes per package, as source-map-explorer attributes them.</summary>
/// <param name="Bundle">The bundle's path relative to the output folder.</param>
/// <param name="SourceMap">The map's path relative to the output folder, or "inline".</param>
/// <param name="Sources">Every source of the map with its bytes in the bundle (raw, UTF-8).</param>
public sealed record BundleComposition(string Bundle, string SourceMap, long Bytes, IReadOnlyList<PackageShare> Packages, IReadOnlyList<SourceShare> Sources)
{
    public const string AppSources = "(app)";
    public const string Unmapped = "(unmapped)";

    /// <summary>The npm package a source path belongs to (after its last node_modules/), or null for the app's own code.</summary>
    public static string? PackageOf(string source, out string modulePath)
    {
        var normalized = source.Replace('\\', '/');
        var index = normalized.LastIndexOf("node_modules/", StringComparison.Ordinal);
        if (index < 0)
        {
            modulePath = normalized;
            return null;
        }

        modulePath = normalized[(index + "node_modules/".Length)..];
        var segments = modulePath.Split('/');
        return segments[0].StartsWith('@') && segments.Length > 1 ? $"{segments[0]}/{segments[1]}" : segments[0];
    }
}
