namespace BundleBudget.Core.Diagnostics;

/// <summary>
/// Every code the checker emits. Codes are stable: once released, a code keeps its meaning.
/// BB1xxx sizes and pages, BB2xxx imports and bundles, BB3xxx images and fonts, BB4xxx browser timings, BB9xxx configuration and environment.
/// Each one is documented in README.md with what to do about it.
/// </summary>
public static class DiagnosticCodes
{
    /// <summary>A size budget's maximumError is exceeded.</summary>
    public const string BudgetErrorExceeded = "BB1001";

    /// <summary>A size budget's maximumWarning is exceeded.</summary>
    public const string BudgetWarningExceeded = "BB1002";

    /// <summary>A budget with a <c>files</c> glob matched no file: probably a typo or a renamed folder.</summary>
    public const string BudgetMatchedNothing = "BB1003";

    /// <summary>The output folder holds no file that any budget counts: the front-end build probably wrote nothing.</summary>
    public const string EmptyOutputFolder = "BB1004";

    /// <summary>An entry page, or a file it loads, is not in the output folder.</summary>
    public const string MissingPageFile = "BB1005";

    /// <summary>A built chunk could not be parsed, so what it imports is not followed.</summary>
    public const string ChunkNotParsed = "BB1006";

    /// <summary>
    /// A budget some of whose inputs could not be measured (an unreadable file or folder, a file a page loads that is
    /// missing, a chunk whose imports could not be followed): it cannot pass. A warning, an error with strict.
    /// </summary>
    public const string BudgetIncomplete = "BB1007";

    /// <summary>A file larger than BundleBudget parses: its size is measured, what it loads or contains is not read.</summary>
    public const string FileTooLargeToParse = "BB1008";

    /// <summary>The pages are served from a subfolder of the output folder (Angular's browser/): files outside it are not counted.</summary>
    public const string ServedFromSubfolder = "BB1009";

    /// <summary>A precompressed sibling (x.js.br, x.js.gz) does not decompress to its file: a server would send stale or broken content.</summary>
    public const string StalePrecompressedSibling = "BB1010";

    /// <summary>A source file imports a whole library where a narrow import or a lighter library would do.</summary>
    public const string WholeLibraryImport = "BB2001";

    /// <summary>A built bundle contains a whole library (found through its source map).</summary>
    public const string WholeLibraryBundled = "BB2002";

    /// <summary>A source file could not be analysed for imports (a syntax error, nesting too deep).</summary>
    public const string SourceNotParsed = "BB2003";

    /// <summary>A source map could not be read, so the bundle's contents are unknown.</summary>
    public const string SourceMapNotRead = "BB2004";

    /// <summary>The import analysis found no source file to read: its globs, or the usual places, match nothing.</summary>
    public const string NoSourceFiles = "BB2005";

    /// <summary>An image that cannot be read: corrupt, truncated, not an image, or an SVG with a DTD.</summary>
    public const string ImageUnreadable = "BB3001";

    /// <summary>An image wider or taller than images.maxWidth / maxHeight.</summary>
    public const string ImageTooLarge = "BB3002";

    /// <summary>An image far heavier than its pixel count warrants (a photo as PNG, an unoptimised JPEG).</summary>
    public const string ImageInefficient = "BB3003";

    /// <summary>A large PNG, JPEG, GIF or BMP that WebP or AVIF would make much smaller.</summary>
    public const string ImageModernFormat = "BB3004";

    /// <summary>A large animated GIF that a video would make much smaller.</summary>
    public const string AnimatedGif = "BB3005";

    /// <summary>An SVG that embeds base64 raster images.</summary>
    public const string SvgEmbedsRaster = "BB3006";

    /// <summary>An image header that claims absurd dimensions (a decompression bomb): never decoded.</summary>
    public const string ImageBomb = "BB3007";

    /// <summary>A font file that cannot be read (empty, not a font).</summary>
    public const string FontUnreadable = "BB3010";

    /// <summary>A font in TTF, OTF, EOT or WOFF where WOFF2 is smaller and supported everywhere.</summary>
    public const string FontFormat = "BB3011";

    /// <summary>More font files than fonts.maxFiles.</summary>
    public const string TooManyFonts = "BB3012";

    /// <summary>The fonts together are heavier than fonts.maxTotalBytes.</summary>
    public const string FontsTooHeavy = "BB3013";

    /// <summary>A font file that no stylesheet's @font-face uses and no page preloads: dead weight.</summary>
    public const string FontUnused = "BB3014";

    /// <summary>A font whose content is another format than its extension says.</summary>
    public const string FontMisnamed = "BB3015";

    /// <summary>budget.json is not valid JSON.</summary>
    public const string InvalidJson = "BB9001";

    /// <summary>A key budget.json does not know (a misspelling, usually).</summary>
    public const string UnknownKey = "BB9002";

    /// <summary>A value of the wrong kind or outside the allowed set (unknown type, compression, scope).</summary>
    public const string InvalidValue = "BB9003";

    /// <summary>A size that cannot be read (<c>"500 KB"</c>, <c>512000</c> are sizes; <c>"500 KBs"</c> is not).</summary>
    public const string InvalidSize = "BB9004";

    /// <summary>A budget without a limit, or without type and files.</summary>
    public const string IncompleteBudget = "BB9005";

    /// <summary>The budget file does not exist or cannot be read.</summary>
    public const string BudgetFileNotFound = "BB9006";

    /// <summary>The output folder to check does not exist.</summary>
    public const string OutputFolderNotFound = "BB9007";

    /// <summary>A key of the simple budget form that needs a browser to evaluate (such as <c>time_to_interactive</c>).</summary>
    public const string NotEvaluated = "BB9008";

    /// <summary>maximumWarning is not below maximumError, so the warning can never fire.</summary>
    public const string WarningNotBelowError = "BB9009";

    /// <summary>A <c>files</c> glob that cannot be read.</summary>
    public const string InvalidGlob = "BB9010";

    /// <summary>A schemaVersion this version does not support.</summary>
    public const string UnsupportedSchemaVersion = "BB9011";

    /// <summary>The same key twice in one object: only one would count, silently.</summary>
    public const string DuplicateKey = "BB9012";

    /// <summary>budget.json is in an encoding other than UTF-8 or UTF-16.</summary>
    public const string UnsupportedEncoding = "BB9013";

    /// <summary>An output file or folder that could not be read; the budgets that would count it are incomplete.</summary>
    public const string UnreadableAsset = "BB9030";

    /// <summary>The report or the cache could not be written.</summary>
    public const string ReportNotWritten = "BB9031";

    /// <summary>A symbolic link in the output folder that points to a folder above it: a loop, not followed.</summary>
    public const string SymbolicLinkLoop = "BB9032";

    /// <summary>The MSBuild host cannot run the task (.NET Framework MSBuild before 18).</summary>
    public const string UnsupportedHost = "BB9020";

    /// <summary>An unexpected failure inside the checker: a bug, reported as an error rather than a crash.</summary>
    public const string InternalError = "BB9999";
}
