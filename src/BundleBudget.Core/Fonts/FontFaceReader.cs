using System.Text;
using BundleBudget.Core.Assets;
using BundleBudget.Core.Diagnostics;
using BundleBudget.Core.Pages;

namespace BundleBudget.Core.Fonts;

/// <summary>A font file named by an @font-face rule of a stylesheet.</summary>
/// <param name="Before">The files listed before it in the same src list, in order: a browser takes the first it supports.</param>
/// <param name="Format">The format() hint written beside it ("woff2", "embedded-opentype", ...), else null.</param>
/// <param name="Downloads">Whether a browser in use can download it for this rule: it is the first entry of the src list in a format every browser in use reads (or an unhinted entry before that one, which a browser fetches to find out).</param>
/// <param name="Chosen">The file of the same rule that every browser in use takes, or null when none is in a format they read.</param>
public sealed record FontFaceUse(string Font, string Stylesheet, string? Family, IReadOnlyList<string> Before, string? Format, bool Downloads, string? Chosen = null);

/// <summary>What the stylesheets of the output say about fonts: every @font-face use, and the stylesheets that could not be read.</summary>
public sealed record FontFaces(IReadOnlyList<FontFaceUse> Uses, IReadOnlyList<Diagnostic> Diagnostics)
{
    /// <summary>False when a stylesheet could not be read: which fonts are fallbacks is then not known for sure.</summary>
    public bool Complete { get; init; } = true;
}

/// <summary>
/// Reads the @font-face rules of every stylesheet of the output (nested @media and @supports included) from the
/// text itself: only the last <c>src</c> declaration of a rule counts (the old EOT hack writes two), and an entry with
/// syntax a CSS library may not know (<c>tech()</c>) is still read.
/// </summary>
public static class FontFaceReader
{
    /// <summary>Formats every browser in use reads; EOT (Internet Explorer) and SVG fonts (old iOS Safari) are skipped by all of them.</summary>
    private static readonly HashSet<string> ModernFormats = new(StringComparer.OrdinalIgnoreCase)
    {
        "woff2", "woff", "truetype", "opentype", "woff2-variations", "woff-variations", "truetype-variations", "opentype-variations", "collection",
    };

    private static readonly HashSet<string> ModernExtensions = new(StringComparer.OrdinalIgnoreCase) { ".woff2", ".woff", ".ttf", ".otf", ".ttc" };

    public static IReadOnlyList<FontFaceUse> Read(IReadOnlyList<Asset> assets) => Read(assets, SiteLayout.Whole).Uses;

    public static FontFaces Read(IReadOnlyList<Asset> assets, SiteLayout layout, IReadOnlyDictionary<string, string>? aliases = null)
    {
        var resolver = new UrlResolver(assets.Select(a => a.Path).ToHashSet(StringComparer.Ordinal), aliases);
        var uses = new List<FontFaceUse>();
        var diagnostics = new List<Diagnostic>();
        var complete = true;
        foreach (var stylesheet in assets.Where(a => a.Type == AssetType.Stylesheet && layout.IsServed(a.Path)))
        {
            if (stylesheet.Length > ParseLimits.Stylesheet)
            {
                complete = false;
                diagnostics.Add(Diagnostic.Warning(DiagnosticCodes.FileTooLargeToParse, $"{stylesheet.Path} is not read for its @font-face rules: {ParseLimits.Over(stylesheet.Length, ParseLimits.Stylesheet)}. Its fonts are counted as if every one downloads.", stylesheet.FullPath));
                continue;
            }

            string css;
            try
            {
                css = File.ReadAllText(stylesheet.FullPath, Encoding.UTF8);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                complete = false; // the measurer names unreadable files
                continue;
            }

            var root = layout.ServedRoots.Where(r => SiteLayout.IsInside(stylesheet.Path, r)).MaxBy(r => r.Length) ?? string.Empty;
            foreach (var rule in CssFontFaces.Rules(css))
            {
                var entries = CssFontFaces.Sources(rule.Src)
                    .Select(e => (Entry: e, Resolved: resolver.Resolve(stylesheet.Path, e.Url, siteRoot: root)))
                    .Where(e => !e.Resolved.External && e.Resolved.Path is not null)
                    .ToList();
                var chosen = entries.FindIndex(e => IsModern(e.Entry));
                var chosenPath = chosen < 0 ? null : entries[chosen].Resolved.Path;
                for (var i = 0; i < entries.Count; i++)
                {
                    var path = entries[i].Resolved.Path!;
                    var before = entries.Take(i).Select(e => e.Resolved.Path!).Distinct(StringComparer.Ordinal).Where(p => p != path).ToList();
                    var downloads = i == chosen || ((chosen < 0 || i < chosen) && entries[i].Entry.Format is null && !IsLegacyExtension(path));
                    uses.Add(new FontFaceUse(path, stylesheet.Path, rule.Family, before, entries[i].Entry.Format, downloads, chosenPath));
                }
            }
        }

        return new FontFaces(uses, diagnostics) { Complete = complete };
    }

    /// <summary>An entry every browser in use takes: a modern format() hint, or no hint and a modern extension.</summary>
    private static bool IsModern(CssFontSource entry) =>
        entry.Format is { } format ? ModernFormats.Contains(format) : ModernExtensions.Contains(Extension(entry.Url));

    private static bool IsLegacyExtension(string path) => Extension(path) is ".eot" or ".svg" or ".svgz";

    private static string Extension(string url) => Path.GetExtension(url.Split('?', '#')[0]).ToLowerInvariant();
}
