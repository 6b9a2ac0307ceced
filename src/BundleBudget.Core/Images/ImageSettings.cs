using BundleBudget.Core.Diagnostics;

namespace BundleBudget.Core.Images;

/// <summary>The <c>images</c> section of budget.json, with defaults a front-end performance review would agree with.</summary>
/// <param name="MaxBytesPerPixel">Above it (for images of at least <paramref name="EfficiencyMinBytes"/>) the encoding is wasteful: a good JPEG or WebP photo is 0.1 to 0.25.</param>
/// <param name="ModernFormatMinBytes">From this size a PNG, JPEG, GIF or BMP gets WebP/AVIF advice.</param>
/// <param name="AnimatedGifMaxBytes">An animated GIF above this should be a video (Lighthouse uses 100 kB).</param>
public sealed record ImageSettings(
    int MaxWidth = 2560,
    int MaxHeight = 2560,
    double MaxBytesPerPixel = 0.5,
    long EfficiencyMinBytes = 30_000,
    long ModernFormatMinBytes = 100_000,
    long AnimatedGifMaxBytes = 100_000,
    Severity Severity = Severity.Warning)
{
    /// <summary>About 1.2 bits per pixel: what a photo takes as WebP or JPEG at quality 75 to 80.</summary>
    public const double TargetBytesPerPixel = 0.15;
}
