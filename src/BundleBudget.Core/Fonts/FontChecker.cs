using BundleBudget.Core.Assets;
using BundleBudget.Core.Budgets;
using BundleBudget.Core.Diagnostics;
using BundleBudget.Core.Pages;

namespace BundleBudget.Core.Fonts;

/// <summary>A font of the output with what it is, who uses it, and what is wrong with it.</summary>
/// <param name="ReferencedBy">The stylesheets whose @font-face rules name it.</param>
/// <param name="Initial">Whether a page needs it at first: named by an initial stylesheet of a page, or preloaded.</param>
public sealed record FontReport(Asset Asset, FontInfo Info, IReadOnlyList<string> ReferencedBy, bool Initial, IReadOnlyList<AssetFinding> Findings);

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
    };

    public static (IReadOnlyList<FontReport> Fonts, IReadOnlyList<AssetFinding> Overall) Check(
        IReadOnlyList<Asset> assets, PageGraph pages, FontSettings settings)
    {
        var fonts = assets.Where(a => a.Type == AssetType.Font).ToList();
        var uses = FontFaceReader.Read(assets);
        var initialStylesheets = pages.Pages.SelectMany(p => p.Initial).Where(f => f.Reason is LoadReason.Stylesheet or LoadReason.CssImport).Select(f => f.Path).ToHashSet(StringComparer.Ordinal);
        var preloaded = pages.Pages.SelectMany(p => p.Initial).Where(f => f.Reason == LoadReason.Preload).Select(f => f.Path).ToHashSet(StringComparer.Ordinal);

        var fontPaths = fonts.Select(f => f.Path).ToHashSet(StringComparer.Ordinal);
        var reports = new List<FontReport>();
        foreach (var font in fonts)
        {
            var info = FontInspector.Inspect(font.FullPath);
            var usedBy = uses.Where(u => u.Font == font.Path).ToList();
            var referencedBy = usedBy.Select(u => u.Stylesheet).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
            var initial = preloaded.Contains(font.Path) || referencedBy.Any(initialStylesheets.Contains);
            reports.Add(new FontReport(font, info, referencedBy, initial, FindingsFor(font, info, usedBy, referencedBy.Count > 0 || preloaded.Contains(font.Path), fontPaths)));
        }

        var overall = new List<AssetFinding>();
        var readable = reports.Where(r => r.Info.Problem is null).ToList();
        if (readable.Count > settings.MaxFiles)
        {
            overall.Add(new(DiagnosticCodes.TooManyFonts, $"The output holds {readable.Count} font files, more than {settings.MaxFiles}: each weight and style is a request and tens of kB. Use fewer weights, or a variable font.", null));
        }

        var total = readable.Sum(r => r.Asset.Length);
        if (settings.MaxTotalBytes is { } limit && total > limit)
        {
            overall.Add(new(DiagnosticCodes.FontsTooHeavy, $"The fonts together are {ByteSize.Format(total)}, more than {ByteSize.Format(limit)}: subset them to the characters you use (unicode-range), drop unused weights, and serve WOFF2 only.", total - limit));
        }

        return (reports, overall);
    }

    private static List<AssetFinding> FindingsFor(Asset font, FontInfo info, List<FontFaceUse> usedBy, bool used, IReadOnlySet<string> fontsInOutput)
    {
        var findings = new List<AssetFinding>();
        if (info.Problem is not null)
        {
            findings.Add(new(DiagnosticCodes.FontUnreadable, $"{font.Path} cannot be read as a font: {info.Problem}.", null));
            return findings;
        }

        if (FormatByExtension.TryGetValue(Path.GetExtension(font.Path), out var named) && named != info.Format)
        {
            findings.Add(new(DiagnosticCodes.FontMisnamed, $"{font.Path} is a {Describe(info.Format)} font, not {Describe(named)} as its name says: servers send it with the wrong type and browsers may reject it. Convert it to real WOFF2 (or name it for what it is).", null));
        }

        if (info.Format is "ttf" or "otf" or "eot" or "woff" or "ttc")
        {
            var fraction = info.Format == "woff" ? 0.3 : 0.55;
            var saving = (long)(font.Length * fraction);
            // A browser takes the first format it supports: a WOFF2 of the output listed before this file wins in every
            // browser in use, so this one is never downloaded. Listed after it, the WOFF2 is the one never used.
            var woff2Sibling = usedBy.Count > 0 && usedBy.All(u => u.Before.Any(b => b.EndsWith(".woff2", StringComparison.OrdinalIgnoreCase) && fontsInOutput.Contains(b)));
            var message = woff2Sibling
                ? $"{font.Path} ({Describe(info.Format)}, {ByteSize.Format(font.Length)}) is a fallback beside a WOFF2 in the same @font-face: every browser in use takes the WOFF2, so this file is never downloaded. Drop it from the src list and the output."
                : $"{font.Path} is {Describe(info.Format)}, {ByteSize.Format(font.Length)}: WOFF2 is supported by every browser in use and is typically {(info.Format == "woff" ? "30%" : "50 to 60%")} smaller. Convert it (for example with fonttools or woff2_compress); estimated saving about {ByteSize.Format(saving)}.";
            findings.Add(new(DiagnosticCodes.FontFormat, message, woff2Sibling ? font.Length : saving));
        }

        if (!used)
        {
            findings.Add(new(DiagnosticCodes.FontUnused, $"{font.Path} ({ByteSize.Format(font.Length)}) is named by no @font-face rule of the output's stylesheets and preloaded by no page: dead weight in the output. Remove it, or reference it.", font.Length));
        }

        return findings;
    }

    private static string Describe(string? format) => format switch
    {
        "woff2" => "WOFF2",
        "woff" => "WOFF",
        "ttf" => "TrueType",
        "otf" => "OpenType (CFF)",
        "eot" => "EOT",
        "ttc" => "TrueType collection",
        _ => "unknown",
    };
}
