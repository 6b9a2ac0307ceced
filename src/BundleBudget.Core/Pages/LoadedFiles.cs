namespace BundleBudget.Core.Pages;

/// <summary>
/// The served files some entry page loads: first or later, by its HTML, module imports, stylesheets (@import and
/// url()), the .NET boot configuration. A script or stylesheet no page loads is served but never downloaded by those
/// pages (the unused variants of a library in lib/), unless a script fetches it by a URL built at run time, which is
/// not followed.
/// </summary>
/// <param name="Paths">The files loaded.</param>
/// <param name="WhyIncomplete">Why some page's loads are not fully known (a file it loads could not be read or found); null when they are.</param>
public sealed record LoadedFiles(IReadOnlySet<string> Paths, string? WhyIncomplete)
{
    /// <summary>What the pages load; null when there is no entry page to say.</summary>
    public static LoadedFiles? Of(PageGraph graph)
    {
        if (graph.Pages.Count == 0)
        {
            return null;
        }

        var all = graph.Pages.Concat(graph.Views).ToList();
        var paths = all
            .SelectMany(p => p.Initial.Select(f => f.Path).Concat(p.Lazy.Select(f => f.Path)).Concat(p.Referenced))
            .ToHashSet(StringComparer.Ordinal);
        var gap = all.SelectMany(p => p.Gaps).FirstOrDefault();
        var missing = graph.MissingEntries.FirstOrDefault();

        // A frame loaded lazily is a document whose own loads are not followed.
        var frame = all.SelectMany(p => p.Lazy).FirstOrDefault(f => f.Reason == LoadReason.Frame);
        var why = gap is not null ? $"{gap.From} loads '{gap.Target}', {gap.Reason.TrimStart()}"
            : missing is not null ? $"the entry page {missing.Path} {missing.Reason}"
            : frame is not null ? $"{frame.From} loads the frame {frame.Path} lazily, and what a lazy frame loads is not followed"
            : null;
        return new LoadedFiles(paths, why);
    }

    public bool Contains(string path) => Paths.Contains(path);

    /// <summary>
    /// Whether a page's loading of this type of file is followed well enough to say it is never loaded: scripts,
    /// stylesheets and the .NET runtime's files are. Images, fonts and other files are often named by a script (a
    /// bundler turns <c>import hero from './hero.png'</c> into a URL string): never said to be unloaded.
    /// </summary>
    public static bool Tracks(Assets.AssetType type) => type is Assets.AssetType.Script or Assets.AssetType.Stylesheet or Assets.AssetType.Wasm;

    /// <summary>Whether a counted file is known to be loaded by no page.</summary>
    public bool NeverLoads(Assets.Asset asset) => Tracks(asset.Type) && !Paths.Contains(asset.Path);
}
