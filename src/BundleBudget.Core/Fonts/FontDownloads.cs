using System.Text;
using System.Text.RegularExpressions;
using BundleBudget.Core.Assets;
using BundleBudget.Core.Pages;

namespace BundleBudget.Core.Fonts;

/// <summary>
/// Which font files of the output a browser can download, from the @font-face rules: a browser takes the first
/// entry of a src list in a format it reads, so a TTF, WOFF, EOT or SVG font listed after a WOFF2 is never
/// downloaded, and EOT and SVG fonts are read by no browser in use at all. Such files are listed and reported as
/// dead weight but counted in no budget. An SVG named by @font-face, or holding a &lt;font&gt; element, is a font.
/// </summary>
public static partial class FontDownloads
{
    /// <summary>The assets with SVG fonts typed as fonts and never-downloaded fonts excluded from the budgets.</summary>
    public static IReadOnlyList<Asset> Apply(IReadOnlyList<Asset> assets, FontFaces faces, IReadOnlySet<string> preloaded) =>
        Apply(assets, faces, preloaded, Content.OutputContent.Uncached());

    internal static IReadOnlyList<Asset> Apply(IReadOnlyList<Asset> assets, FontFaces faces, IReadOnlySet<string> preloaded, Content.OutputContent content)
    {
        var usesByFont = faces.Uses.ToLookup(u => u.Font, StringComparer.Ordinal);
        var result = new List<Asset>(assets.Count);
        foreach (var asset in assets)
        {
            var current = asset;
            if (IsSvg(asset.Path) && asset.Type == AssetType.Image && (usesByFont.Contains(asset.Path) || (asset.Length > 0 && content.Facts(asset, Content.FactKinds.SvgFont)?.HoldsSvgFont == true)))
            {
                current = asset with { Type = AssetType.Font };
            }

            if (current.Type == AssetType.Font && current.Exclusion == AssetExclusion.None && faces.Complete
                && usesByFont[current.Path].Any() && !usesByFont[current.Path].Any(u => u.Downloads) && !preloaded.Contains(current.Path))
            {
                current = current with { Exclusion = AssetExclusion.NotDownloaded };
            }

            result.Add(current);
        }

        return result;
    }

    /// <summary>The files the pages load themselves (a font preloaded, an SVG font as an image): downloaded whatever the stylesheets say.</summary>
    public static IReadOnlySet<string> Preloaded(PageGraph pages) =>
        pages.Pages.SelectMany(p => p.Initial.Concat(p.Lazy)).Where(f => f.Reason is not (LoadReason.StaticImport or LoadReason.CssImport or LoadReason.DynamicImport)).Select(f => f.Path).ToHashSet(StringComparer.Ordinal);

    private static bool IsSvg(string path) => path.EndsWith(".svg", StringComparison.OrdinalIgnoreCase);

    /// <summary>Whether an SVG file is an SVG font: a &lt;font&gt; element near its start (SVG fonts declare it first, in &lt;defs&gt;).</summary>
    internal static bool HoldsSvgFont(ReadOnlySpan<byte> svg) =>
        SvgFontElement().IsMatch(Encoding.UTF8.GetString(svg[..Math.Min(svg.Length, 64 * 1024)]));

    [GeneratedRegex(@"<font[\s>]", RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex SvgFontElement();
}
