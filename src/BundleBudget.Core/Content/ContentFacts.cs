using BundleBudget.Core.Fonts;
using BundleBudget.Core.Images;
using BundleBudget.Core.Pages;

namespace BundleBudget.Core.Content;

/// <summary>
/// Everything learned from one content (the bytes of a file, whatever its name), kept under its hash: its length, the
/// compressed sizes computed so far, and the facts of each analyzer that read it. A renamed or copied file with the
/// same bytes is never read for them again. A null member was not asked for yet.
/// </summary>
internal sealed record ContentRecord(long Length)
{
    public long? Gzip { get; init; }

    public long? Brotli { get; init; }

    public ScriptFacts? Script { get; init; }

    public StylesheetFacts? Stylesheet { get; init; }

    public DocumentFacts? Document { get; init; }

    public ImageInfo? Image { get; init; }

    public FontInfo? Font { get; init; }

    /// <summary>Whether an SVG holds a &lt;font&gt; element near its start, read from its first 64 kB.</summary>
    public bool? HoldsSvgFont { get; init; }

    /// <summary>For a precompressed file (x.js.br, x.js.gz): what it decompresses to.</summary>
    public DecompressedFacts? Decompressed { get; init; }

    /// <summary>The facts this record holds.</summary>
    public FactKinds Known =>
        (Gzip is null ? FactKinds.None : FactKinds.Gzip)
        | (Brotli is null ? FactKinds.None : FactKinds.Brotli)
        | (Script is null ? FactKinds.None : FactKinds.Script)
        | (Stylesheet is null ? FactKinds.None : FactKinds.Stylesheet)
        | (Document is null ? FactKinds.None : FactKinds.Document)
        | (Image is null ? FactKinds.None : FactKinds.Image)
        | (Font is null ? FactKinds.None : FactKinds.Font)
        | (HoldsSvgFont is null ? FactKinds.None : FactKinds.SvgFont)
        | (Decompressed is null ? FactKinds.None : FactKinds.Decompressed);

    /// <summary>The facts of <paramref name="kinds"/> kept in a record that this one does not hold yet.</summary>
    public FactKinds Missing(FactKinds kinds) => kinds & Kinds & ~Known;

    /// <summary>Whether the record holds every fact of <paramref name="kinds"/> (a composition is kept apart, and not asked here).</summary>
    public bool Has(FactKinds kinds) => Missing(kinds) == FactKinds.None;

    /// <summary>The facts kept in the record itself (a composition is kept apart).</summary>
    public const FactKinds Kinds = FactKinds.Gzip | FactKinds.Brotli | FactKinds.Script | FactKinds.Stylesheet | FactKinds.Document | FactKinds.Image | FactKinds.Font | FactKinds.SvgFont | FactKinds.Decompressed;

    /// <summary>This record with what <paramref name="other"/> knows and this one does not.</summary>
    public ContentRecord Merge(ContentRecord other) => this with
    {
        Gzip = Gzip ?? other.Gzip,
        Brotli = Brotli ?? other.Brotli,
        Script = Script ?? other.Script,
        Stylesheet = Stylesheet ?? other.Stylesheet,
        Document = Document ?? other.Document,
        Image = Image ?? other.Image,
        Font = Font ?? other.Font,
        HoldsSvgFont = HoldsSvgFont ?? other.HoldsSvgFont,
        Decompressed = Decompressed ?? other.Decompressed,
    };
}

/// <summary>The facts a reader of a file can be asked for.</summary>
[Flags]
internal enum FactKinds
{
    None = 0,
    Gzip = 1,
    Brotli = 2,
    Script = 4,
    Stylesheet = 8,
    Document = 16,
    Image = 32,
    Font = 64,
    SvgFont = 128,

    /// <summary>A bundle's composition by its source map: kept apart, under the hashes of the bundle and of its map.</summary>
    Composition = 256,

    /// <summary>What a precompressed file decompresses to (its hash), to tell whether it holds its uncompressed sibling.</summary>
    Decompressed = 512,

    /// <summary>
    /// Not a fact but how to learn two: gzip and brotli sizes even of a file servers send as it is (an image, a font),
    /// for a budget from a tool that compresses every file (bundlewatch, size-limit).
    /// </summary>
    BinaryCompressed = 1024,
}

/// <summary>What a precompressed file (gzip or brotli) decompresses to.</summary>
/// <param name="Hash">The SHA-256 of the decompressed content (as <see cref="Measurement.Compressors.ContentHash(ReadOnlySpan{byte})"/>), or null when it could not be decompressed.</param>
/// <param name="Problem">Why it could not be decompressed (not gzip or brotli data, truncated, larger than any file read), else null.</param>
/// <param name="Format">"gzip" or "br": what the bytes are (gzip by its magic number, else brotli if they decode as such).</param>
internal sealed record DecompressedFacts(string? Hash, long Length, string? Problem)
{
    public string? Format { get; init; }
}

/// <summary>What a built script loads, and where its source map is.</summary>
/// <param name="Imports">Its static imports and literal dynamic import()s, in order.</param>
/// <param name="Preloads">The files Vite's preload helper loads with its lazy imports, relative to the site root.</param>
/// <param name="Problem">Why its imports are not all known (a syntax error; or, when <see cref="Unread"/>, why its text could not be had), else null.</param>
/// <param name="TooLarge">Whether <paramref name="Problem"/> is its size (BB1008).</param>
/// <param name="SourceMappingUrl">The URL of its last sourceMappingURL comment, if any.</param>
internal sealed record ScriptFacts(IReadOnlyList<ChunkImport> Imports, IReadOnlyList<string> Preloads, string? Problem, bool TooLarge, string? SourceMappingUrl) : ITextFacts
{
    /// <summary>Whether its text could not be had (too large, or not valid compressed data): nothing of it is known.</summary>
    public bool Unread { get; init; }

    /// <summary>What a .NET WebAssembly loader's inline boot configuration lists (<see cref="Pages.BlazorBoot"/>).</summary>
    public IReadOnlyList<Pages.BootResource> Boot { get; init; } = [];

    public static ScriptFacts Unreadable(string problem, bool tooLarge) => new([], [], problem, tooLarge, null) { Unread = true };
}

/// <summary>What a stylesheet (a file, or a &lt;style&gt; element) loads and declares.</summary>
/// <param name="Imports">Its @import URLs, in order.</param>
/// <param name="FontFaces">Its @font-face rules.</param>
internal sealed record StylesheetFacts(IReadOnlyList<string> Imports, IReadOnlyList<CssFontFaceRule> FontFaces, string? Problem, bool TooLarge) : ITextFacts
{
    public bool Unread { get; init; }

    /// <summary>Every url() of its rules: the images and fonts it may have the browser download.</summary>
    public IReadOnlyList<string> Urls { get; init; } = [];

    public static StylesheetFacts Unreadable(string problem, bool tooLarge) => new([], [], problem, tooLarge) { Unread = true };
}

/// <summary>An HTML document as it matters to what it loads.</summary>
/// <param name="InlineModules">What each inline module script imports.</param>
/// <param name="InlineStyles">What each &lt;style&gt; element imports and declares.</param>
internal sealed record DocumentFacts(
    string? BaseHref,
    IReadOnlyList<HtmlReference> References,
    IReadOnlyList<ScriptFacts> InlineModules,
    string? ImportMap,
    IReadOnlyList<StylesheetFacts> InlineStyles,
    string? Problem,
    bool TooLarge) : ITextFacts
{
    public bool Unread { get; init; }

    public static DocumentFacts Unreadable(string problem, bool tooLarge) => new(null, [], [], null, [], problem, tooLarge) { Unread = true };
}

/// <summary>Facts read from a file's text: whether the text could be had, and if not, why.</summary>
internal interface ITextFacts
{
    /// <summary>Whether the text could not be had (too large, or not valid compressed data): nothing of it is known.</summary>
    bool Unread { get; }

    string? Problem { get; }

    bool TooLarge { get; }
}
