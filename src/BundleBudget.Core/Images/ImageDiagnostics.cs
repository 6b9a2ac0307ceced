using BundleBudget.Core.Diagnostics;

namespace BundleBudget.Core.Images;

/// <summary>The codes this analysis reports, and their descriptions (documented in README.md with what to do).</summary>
public static class ImageDiagnostics
{
    /// <summary>An image that cannot be read: corrupt, truncated, not an image, or an SVG with a DTD.</summary>
    public const string Unreadable = "BB3001";

    /// <summary>An image wider or taller than images.maxWidth / maxHeight.</summary>
    public const string TooLarge = "BB3002";

    /// <summary>An image far heavier than its pixel count warrants (a photo as PNG, an unoptimised JPEG).</summary>
    public const string Inefficient = "BB3003";

    /// <summary>A large PNG, JPEG, GIF or BMP that WebP or AVIF would make much smaller.</summary>
    public const string ModernFormat = "BB3004";

    /// <summary>A large animated GIF that a video would make much smaller.</summary>
    public const string AnimatedGif = "BB3005";

    /// <summary>An SVG that embeds base64 raster images.</summary>
    public const string SvgEmbedsRaster = "BB3006";

    /// <summary>An image header that claims absurd dimensions (a decompression bomb): never decoded.</summary>
    public const string Bomb = "BB3007";

    public static IReadOnlyList<DiagnosticDescriptor> Descriptors { get; } =
    [
        new(Unreadable, "ImageUnreadable", "An image cannot be read: corrupt, truncated, not an image, or an SVG with a DTD.", DiagnosticCategory.Images, Severity.Warning),
        new(TooLarge, "ImageTooLarge", "An image is wider or taller than the configured maximum.", DiagnosticCategory.Images, Severity.Warning, Configurable: true),
        new(Inefficient, "ImageInefficient", "An image takes far more bytes per pixel than its content warrants.", DiagnosticCategory.Images, Severity.Warning, Configurable: true),
        new(ModernFormat, "ImageModernFormat", "A large PNG, JPEG, GIF or BMP that WebP or AVIF would make much smaller.", DiagnosticCategory.Images, Severity.Warning, Configurable: true),
        new(AnimatedGif, "AnimatedGif", "A large animated GIF that a video would make much smaller.", DiagnosticCategory.Images, Severity.Warning, Configurable: true),
        new(SvgEmbedsRaster, "SvgEmbedsRaster", "An SVG embeds base64 raster images.", DiagnosticCategory.Images, Severity.Warning, Configurable: true),
        new(Bomb, "ImageBomb", "An image header claims absurd dimensions (a decompression bomb).", DiagnosticCategory.Images, Severity.Warning),
    ];
}
