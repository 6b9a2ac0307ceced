using BundleBudget.Core.Assets;
using BundleBudget.Core.Budgets;
using BundleBudget.Core.Content;
using BundleBudget.Core.Diagnostics;
using BundleBudget.Core.Pages;

namespace BundleBudget.Core.Fonts;

/// <summary>A font of the output with what it is, who uses it, and what is wrong with it.</summary>
/// <param name="ReferencedBy">The stylesheets whose @font-face rules name it.</param>
/// <param name="Initial">Whether a page needs it at first: named by an initial stylesheet of a page (where a browser downloads it), or preloaded.</param>
public sealed record FontReport(Asset Asset, FontInfo Info, IReadOnlyList<string> ReferencedBy, bool Initial, IReadOnlyList<AssetFinding> Findings)
{
    /// <summary>Whether a browser in use can download it (false for a fallback listed after a WOFF2, and for EOT and SVG fonts).</summary>
    public bool Downloaded => Asset.Exclusion != AssetExclusion.NotDownloaded;
}

/// <summary>The font checks: unreadable (BB3010), format (BB3011), count (BB3012), total (BB3013), unused (BB3014), misnamed (BB3015).</summary>
public static class FontChecker
{
    private static readonly Dictionary<string, string> FormatByExtension = new(StringComparer.OrdinalIgnoreCase)
    {
        [".woff2"] = "woff2",
        [".woff"] = "woff",
        [".ttf"] = "ttf",
        [".otf"] = "otf",
        [".eot"] = "eot",
        [".svg"] = "svg",
    };

    /// <summary>Checks the fonts of assets as scanned: reads the stylesheets and excludes the fonts no browser downloads first.</summary>
    public static (IReadOnlyList<FontReport> Fonts, IReadOnlyList<AssetFinding> Overall) Check(
        IReadOnlyList<Asset> assets, PageGraph pages, FontSettings settings)
    {
        var faces = FontFaceReader.Read(assets, SiteLayout.Whole);
        return Check(FontDownloads.Apply(assets, faces, FontDownloads.Preloaded(pages)), pages, faces, settings);
    }

    public static (IReadOnlyList<FontReport> Fonts, IReadOnlyList<AssetFinding> Overall) Check(
        IReadOnlyList<Asset> assets, PageGraph pages, FontFaces faces, FontSettings settings) =>
        Check(assets, pages, faces, settings, OutputContent.Uncached());

    internal static (IReadOnlyList<FontReport> Fonts, IReadOnlyList<AssetFinding> Overall) Check(
        IReadOnlyList<Asset> assets, PageGraph pages, FontFaces faces, FontSettings settings, OutputContent content)
    {
        var fonts = assets.Where(a => a.Type == AssetType.Font).ToList();
        var initialStylesheets = pages.Pages.SelectMany(p => p.Initial).Where(f => f.Reason is LoadReason.Stylesheet or LoadReason.CssImport).Select(f => f.Path).ToHashSet(StringComparer.Ordinal);
        var preloaded = FontDownloads.Preloaded(pages);

        var reports = new List<FontReport>();
        foreach (var font in fonts)
        {
            var info = Info(font, content);
            var usedBy = faces.Uses.Where(u => u.Font == font.Path).ToList();
            var referencedBy = usedBy.Select(u => u.Stylesheet).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
            var initial = preloaded.Contains(font.Path) || usedBy.Any(u => u.Downloads && initialStylesheets.Contains(u.Stylesheet));
            reports.Add(new FontReport(font, info, referencedBy, initial, FindingsFor(font, info, usedBy, referencedBy.Count > 0 || preloaded.Contains(font.Path))));
        }

        var overall = new List<AssetFinding>();
        var downloadable = reports.Where(r => r.Info.Problem is null && r.Downloaded).ToList();
        var deadWeight = reports.Where(r => !r.Downloaded).ToList();
        var deadNote = deadWeight.Count == 0 ? string.Empty
            : $" ({deadWeight.Count} more {(deadWeight.Count == 1 ? "file is" : "files are")} in the output that no browser in use downloads, {ByteSize.Format(deadWeight.Sum(r => r.Asset.Length))}, not counted: see BB3011)";
        if (downloadable.Count > settings.MaxFiles)
        {
            overall.Add(new(FontDiagnostics.TooMany, $"The pages can download {downloadable.Count} font files, more than {settings.MaxFiles}{deadNote}: each weight and style is a request and tens of kB. Use fewer weights, or a variable font.", null));
        }

        var total = downloadable.Sum(r => r.Asset.Length);
        if (settings.MaxTotalBytes is { } limit && total > limit)
        {
            overall.Add(new(FontDiagnostics.TooHeavy, $"The fonts a browser can download are together {ByteSize.Format(total)}, more than {ByteSize.Format(limit)}{deadNote}: subset them to the characters you use (unicode-range), drop unused weights, and serve WOFF2 only.", total - limit));
        }

        return (reports, overall);
    }

    private static FontInfo Info(Asset font, OutputContent content)
    {
        if (font.Length == 0)
        {
            return new FontInfo(font.FullPath, null, 0, null, null, "the file is empty");
        }

        return content.Facts(font, FactKinds.Font)?.Font is { } info
            ? info with { Path = font.FullPath }
            : new FontInfo(font.FullPath, null, 0, null, null, $"it cannot be read: {content.FailureOf(font) ?? "unknown"}");
    }

    private static List<AssetFinding> FindingsFor(Asset font, FontInfo info, List<FontFaceUse> usedBy, bool used)
    {
        var findings = new List<AssetFinding>();
        if (info.Problem is not null)
        {
            findings.Add(new(FontDiagnostics.Unreadable, $"{font.Path} cannot be read as a font: {info.Problem}.", null));
            return findings;
        }

        if (FormatByExtension.TryGetValue(Path.GetExtension(font.Path), out var named) && named != info.Format)
        {
            findings.Add(new(FontDiagnostics.Misnamed, $"{font.Path} is a {Describe(info.Format)} font, not {Describe(named)} as its name says: servers send it with the wrong type and browsers may reject it. Convert it to real WOFF2 (or name it for what it is).", null));
        }

        if (font.Exclusion == AssetExclusion.NotDownloaded && info.Format == "woff2")
        {
            var taken = FirstDownloadedFormat(usedBy);
            findings.Add(new(FontDiagnostics.Format, $"{font.Path} (WOFF2, {ByteSize.Format(font.Length)}) is never downloaded: every @font-face that names it lists {Describe(taken)} before it, and browsers take the first format they read. List the WOFF2 first (and drop the {Describe(taken)} file): every browser in use reads WOFF2, and it is the smallest.", null));
        }
        else if (font.Exclusion == AssetExclusion.NotDownloaded)
        {
            var why = info.Format is "eot" or "svg"
                ? $"no browser in use reads {Describe(info.Format)} fonts (they were for Internet Explorer and old iOS Safari), so it is never downloaded"
                : $"every @font-face that names it lists {Describe(FirstDownloadedFormat(usedBy))} before it, which every browser in use takes, so it is never downloaded";
            findings.Add(new(FontDiagnostics.Format, $"{font.Path} ({Describe(info.Format)}, {ByteSize.Format(font.Length)}): {why}. Drop it from the src list and the output; it is dead weight, not counted in the budgets.", font.Length));
        }
        else if (info.Format is "ttf" or "otf" or "eot" or "woff" or "ttc" or "svg")
        {
            var fraction = info.Format == "woff" ? 0.3 : 0.55;
            var saving = (long)(font.Length * fraction);
            findings.Add(new(FontDiagnostics.Format, $"{font.Path} is {Describe(info.Format)}, {ByteSize.Format(font.Length)}, and browsers download it: WOFF2 is supported by every browser in use and is typically {(info.Format == "woff" ? "30%" : "50 to 60%")} smaller. Convert it (for example with fonttools or woff2_compress) and list the WOFF2 first; estimated saving about {ByteSize.Format(saving)}.", saving));
        }

        if (!used)
        {
            findings.Add(new(FontDiagnostics.Unused, $"{font.Path} ({ByteSize.Format(font.Length)}) is named by no @font-face rule of the output's stylesheets and preloaded by no page: dead weight in the output. Remove it, or reference it.", font.Length));
        }

        return findings;
    }

    /// <summary>The format of the file the browsers take instead, in the rules naming a font (for the message), from its extension.</summary>
    private static string? FirstDownloadedFormat(List<FontFaceUse> usedBy)
    {
        var chosen = usedBy.Select(u => u.Chosen).FirstOrDefault(c => c is not null);
        return chosen is null ? null : FormatByExtension.GetValueOrDefault(Path.GetExtension(chosen));
    }

    private static string Describe(string? format) => format switch
    {
        "woff2" => "WOFF2",
        "woff" => "WOFF",
        "ttf" => "TrueType",
        "otf" => "OpenType (CFF)",
        "eot" => "EOT",
        "ttc" => "TrueType collection",
        "svg" => "SVG",
        _ => "another format",
    };
}
