using BundleBudget.Core.Diagnostics;

namespace BundleBudget.Core.Fonts;

/// <summary>The codes this analysis reports, and their descriptions (documented in README.md with what to do).</summary>
public static class FontDiagnostics
{
    /// <summary>A font file that cannot be read (empty, not a font).</summary>
    public const string Unreadable = "BB3010";

    /// <summary>A font in TTF, OTF, EOT or WOFF where WOFF2 is smaller and supported everywhere.</summary>
    public const string Format = "BB3011";

    /// <summary>More font files than fonts.maxFiles.</summary>
    public const string TooMany = "BB3012";

    /// <summary>The fonts together are heavier than fonts.maxTotalBytes.</summary>
    public const string TooHeavy = "BB3013";

    /// <summary>A font file that no stylesheet's @font-face uses and no page preloads: dead weight.</summary>
    public const string Unused = "BB3014";

    /// <summary>A font whose content is another format than its extension says.</summary>
    public const string Misnamed = "BB3015";

    public static IReadOnlyList<DiagnosticDescriptor> Descriptors { get; } =
    [
        new(Unreadable, "FontUnreadable", "A font file cannot be read.", DiagnosticCategory.Fonts, Severity.Warning),
        new(Format, "FontFormat", "A font in TTF, OTF, EOT or WOFF where WOFF2 is smaller.", DiagnosticCategory.Fonts, Severity.Warning, Configurable: true),
        new(TooMany, "TooManyFonts", "More font files than the configured maximum.", DiagnosticCategory.Fonts, Severity.Warning, Configurable: true),
        new(TooHeavy, "FontsTooHeavy", "The fonts together are heavier than the configured maximum.", DiagnosticCategory.Fonts, Severity.Warning, Configurable: true),
        new(Unused, "FontUnused", "A font no @font-face rule names and no page preloads.", DiagnosticCategory.Fonts, Severity.Warning, Configurable: true),
        new(Misnamed, "FontMisnamed", "A font's bytes are another format than its extension says.", DiagnosticCategory.Fonts, Severity.Warning, Configurable: true),
    ];
}
