using System.Text;
using BundleBudget.Core.Assets;
using BundleBudget.Core.Content;
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

    public static FontFaces Read(IReadOnlyList<Asset> assets, SiteLayout layout) => Read(assets, layout, null, null, OutputContent.Uncached());

    internal static FontFaces Read(IReadOnlyList<Asset> assets, SiteLayout layout, IReadOnlyDictionary<string, string>? aliases, IReadOnlyList<InlineStyle>? inlineStyles, OutputContent content)
    {
        var resolver = new UrlResolver(assets.Select(a => a.Path).ToHashSet(StringComparer.Ordinal), aliases);
        var byPath = assets.GroupBy(a => a.Path, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var usableByPath = new Dictionary<string, bool>(StringComparer.Ordinal);
        bool usable(Asset font) => usableByPath.TryGetValue(font.Path, out var known) ? known : usableByPath[font.Path] = IsFont(font, content);
        var uses = new List<FontFaceUse>();
        var diagnostics = new List<Diagnostic>();
        var complete = true;
        foreach (var stylesheet in assets.Where(a => a.Type == AssetType.Stylesheet && layout.IsServed(a.Path)))
        {
            var facts = stylesheet.Length == 0 ? null : content.Facts(stylesheet, FactKinds.Stylesheet)?.Stylesheet;
            if (stylesheet.Length > 0 && facts is not { Unread: false })
            {
                complete = false; // which fonts are fallbacks is not known for sure: every font counts
                if (facts is { TooLarge: true })
                {
                    diagnostics.Add(Diagnostic.Warning(DiagnosticCodes.FileTooLargeToParse, $"{stylesheet.Path} is not read for its @font-face rules: {facts.Problem}. Its fonts are counted as if every one downloads.", stylesheet.FullPath));
                }

                continue; // an unreadable file is named by the measurer
            }

            ReadRules(facts?.FontFaces ?? [], stylesheet.Path, stylesheet.FullPath);
        }

        foreach (var style in inlineStyles ?? [])
        {
            ReadRules(style.FontFaces, style.Document, byPath.TryGetValue(style.Document, out var page) ? page.FullPath : style.Document);
        }

        void ReadRules(IReadOnlyList<CssFontFaceRule> rules, string from, string file)
        {
            var root = layout.ServedRoots.Where(r => SiteLayout.IsInside(from, r)).MaxBy(r => r.Length) ?? string.Empty;
            foreach (var rule in rules)
            {
                var entries = CssFontFaces.Sources(rule.Src)
                    .Select(e => (Entry: e, Resolved: resolver.Resolve(from, e.Url, siteRoot: root)))
                    .Where(e => !e.Resolved.External && e.Resolved.Path is not null)
                    .ToList();
                foreach (var missing in entries.Where(e => !byPath.ContainsKey(e.Resolved.Path!)).Select(e => e.Entry.Url).Distinct(StringComparer.Ordinal))
                {
                    diagnostics.Add(Diagnostic.Warning(DiagnosticCodes.MissingPageFile, $"{from} names '{missing}' in an @font-face src, which is not in the output folder: browsers get a 404 there and take the next entry.", file));
                }

                // A browser takes the first entry in the output, in a format every browser reads, whose bytes are a font.
                // Entries before it that it fetches anyway (a broken font, an unknown format, a tech() not every browser
                // has) download too; EOT and SVG entries, invalid entries and missing files do not.
                var paths = entries.Select(e => e.Resolved.Path!).ToList();
                var chosen = entries.FindIndex(e => byPath.TryGetValue(e.Resolved.Path!, out var asset) && !e.Entry.Invalid && IsModern(e.Entry) && IsCertain(e.Entry) && usable(asset));
                var chosenPath = chosen < 0 ? null : paths[chosen];
                for (var i = 0; i < entries.Count; i++)
                {
                    var path = paths[i];
                    var exists = byPath.ContainsKey(path);
                    var downloads = exists && !entries[i].Entry.Invalid && (i == chosen || ((chosen < 0 || i < chosen) && !IsLegacy(entries[i].Entry, path)));
                    uses.Add(new FontFaceUse(path, from, rule.Family, new Prefix(paths, i), entries[i].Entry.Format, downloads, chosenPath));
                }
            }
        }

        return new FontFaces(uses, diagnostics) { Complete = complete };
    }

    /// <summary>An entry every browser in use takes: a modern format() hint, or no hint and a modern extension.</summary>
    private static bool IsModern(CssFontSource entry) =>
        entry.Format is { } format ? ModernFormats.Contains(format) : ModernExtensions.Contains(Extension(entry.Url));

    /// <summary>An entry with no tech() hint, or one every browser in use supports: it is taken, not skipped by some.</summary>
    private static bool IsCertain(CssFontSource entry) =>
        entry.Tech is null || entry.Tech.Split(',', StringSplitOptions.TrimEntries).All(t => t is "variations" or "features-opentype");

    /// <summary>An entry browsers skip without fetching it: an EOT or SVG font, by its hint or its extension.</summary>
    private static bool IsLegacy(CssFontSource entry, string path) =>
        entry.Format is "embedded-opentype" or "svg" || (entry.Format is null && Extension(path) is ".eot" or ".svg" or ".svgz");

    /// <summary>
    /// Whether a file is a font a browser can use (read whole, as the browser does): its bytes are a font's, not damaged
    /// or truncated. A browser that gets anything else takes the next entry.
    /// </summary>
    private static bool IsFont(Asset font, OutputContent content) =>
        font.Length > 0 && (content.Facts(font, FactKinds.Font)?.Font is not { } info || info.Problem is null);

    /// <summary>The entries before one, without copying them for each (a src list can be long).</summary>
    private sealed class Prefix(IReadOnlyList<string> paths, int count) : IReadOnlyList<string>
    {
        public int Count => count;

        public string this[int index] => index < count ? paths[index] : throw new ArgumentOutOfRangeException(nameof(index));

        public IEnumerator<string> GetEnumerator() => paths.Take(count).GetEnumerator();

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }

    private static string Extension(string url) => Path.GetExtension(url.Split('?', '#')[0]).ToLowerInvariant();
}
