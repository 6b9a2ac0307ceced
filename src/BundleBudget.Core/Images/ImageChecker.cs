using System.Globalization;
using BundleBudget.Core.Budgets;
using BundleBudget.Core.Diagnostics;

namespace BundleBudget.Core.Images;

/// <summary>Applies the image checks (BB3001 to BB3007) to what <see cref="ImageInspector"/> read.</summary>
public static class ImageChecker
{
    public static IReadOnlyList<AssetFinding> Check(ImageInfo image, string relativePath, ImageSettings settings)
    {
        var findings = new List<AssetFinding>();
        if (image.Pixels > ImageInspector.MaxPlausiblePixels)
        {
            findings.Add(new(ImageDiagnostics.Bomb, $"{relativePath}: {image.Problem}.", null));
            return findings;
        }

        if (image.Problem is not null)
        {
            findings.Add(new(ImageDiagnostics.Unreadable, $"{relativePath} cannot be read: {image.Problem}. Re-export it from the original.", null));
            return findings;
        }

        if (image.IsRaster && (image.Width > settings.MaxWidth || image.Height > settings.MaxHeight))
        {
            findings.Add(new(ImageDiagnostics.TooLarge,
                $"{relativePath} is {image.Width} x {image.Height} px, larger than {settings.MaxWidth} x {settings.MaxHeight}: pages almost never show it that large. Resize it (and serve sizes with srcset).",
                null));
        }

        if (image.EmbeddedRasterBytes > 0)
        {
            findings.Add(new(ImageDiagnostics.SvgEmbedsRaster,
                $"{relativePath} embeds {ByteSize.Format(image.EmbeddedRasterBytes)} of base64 raster images, which defeats the point of SVG and costs a third more than the image itself. Reference the image as its own file, or trace it to vectors.",
                image.EmbeddedRasterBytes / 4));
        }

        if (!image.IsRaster || image.Pixels is not { } pixels || pixels == 0)
        {
            return findings;
        }

        if (image.Format == "gif" && image.Frames > 1)
        {
            if (image.Bytes > settings.AnimatedGifMaxBytes)
            {
                var saving = (long)(image.Bytes * 0.8);
                findings.Add(new(ImageDiagnostics.AnimatedGif,
                    $"{relativePath} is an animated GIF of {image.Frames} frames, {ByteSize.Format(image.Bytes)}: as a <video autoplay loop muted playsinline> with MP4 and WebM it would typically be 80 to 95% smaller, about {ByteSize.Format(saving)} less.",
                    saving));
            }

            return findings;
        }

        var bytesPerPixel = (double)image.Bytes / pixels;
        if (image.Format is not ("ico" or "gif") && image.Bytes >= settings.EfficiencyMinBytes && bytesPerPixel > settings.MaxBytesPerPixel)
        {
            var saving = Math.Max(0, image.Bytes - (long)(pixels * ImageSettings.TargetBytesPerPixel));
            var advice = image.Format switch
            {
                "png" or "bmp" => "a photo-like image stored losslessly: as WebP or AVIF (or JPEG) it would be a fraction of this",
                "jpeg" => "an unoptimised JPEG: re-encode it at quality 75 to 85 (mozjpeg), or as WebP or AVIF",
                _ => "re-encode it at a lower quality",
            };
            findings.Add(new(ImageDiagnostics.Inefficient,
                string.Create(CultureInfo.InvariantCulture, $"{relativePath} takes {bytesPerPixel:0.00} bytes per pixel ({ByteSize.Format(image.Bytes)} for {image.Width} x {image.Height}), above {settings.MaxBytesPerPixel:0.##}: {advice}. Estimated saving: about {ByteSize.Format(saving)} ({saving * 100 / image.Bytes}%)."),
                saving));
            return findings;
        }

        if (image.Format is "png" or "jpeg" or "gif" or "bmp" && image.Bytes >= settings.ModernFormatMinBytes)
        {
            var (typical, fraction) = image.Format switch
            {
                "jpeg" => ("WebP is typically 25 to 35% smaller than JPEG and AVIF about 50%", 0.3),
                "png" => ("lossless WebP is typically 26% smaller than PNG, and lossy WebP or AVIF far smaller for photos", 0.26),
                "bmp" => ("BMP is uncompressed: PNG or WebP is typically 50 to 90% smaller", 0.7),
                _ => ("WebP is typically 30 to 60% smaller than a still GIF", 0.4),
            };
            var saving = (long)(image.Bytes * fraction);
            findings.Add(new(ImageDiagnostics.ModernFormat,
                $"{relativePath} is a {ByteSize.Format(image.Bytes)} {image.Format!.ToUpperInvariant()}: {typical}. Serve WebP or AVIF (with <picture> for a fallback); estimated saving about {ByteSize.Format(saving)}.",
                saving));
        }

        return findings;
    }
}
