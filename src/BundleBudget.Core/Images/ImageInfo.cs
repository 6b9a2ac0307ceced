namespace BundleBudget.Core.Images;

/// <summary>What an image file is, read from its header (pixels are never decoded).</summary>
/// <param name="Format">png, jpeg, gif, webp, avif, svg, ico, bmp; or null when the file could not be read.</param>
/// <param name="Width">Pixels; for an SVG, its width attribute or viewBox width when given.</param>
/// <param name="Frames">More than one for an animated GIF or WebP.</param>
/// <param name="EmbeddedRasterBytes">For an SVG: the bytes of base64 raster images (data:image/png...) inside it.</param>
/// <param name="Problem">Why the file could not be read (corrupt, truncated, not an image, a DTD in an SVG), else null.</param>
public sealed record ImageInfo(
    string Path,
    string? Format,
    long? Width,
    long? Height,
    int Frames,
    long Bytes,
    string? ViewBox,
    long EmbeddedRasterBytes,
    string? Problem)
{
    /// <summary>In floating point: a forged header's 4294967295 x 4294967295 does not fit a long.</summary>
    public double? Pixels => Width is { } w && Height is { } h ? (double)w * h : null;

    public bool IsRaster => Format is not (null or "svg");

    public static ImageInfo Unreadable(string path, long bytes, string problem, string? format = null) =>
        new(path, format, null, null, 0, bytes, null, 0, problem);
}
