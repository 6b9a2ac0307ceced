using System.Collections.Concurrent;
using BundleBudget.Core.Assets;
using BundleBudget.Core.Content;
using BundleBudget.Core.Diagnostics;

namespace BundleBudget.Core.Images;

/// <summary>An image of the output with what it is and what is wrong with it.</summary>
public sealed record ImageReport(Asset Asset, ImageInfo Info, IReadOnlyList<AssetFinding> Findings);

/// <summary>Inspects every image of the output in parallel (headers only) and checks it; each finding is a BB3xxx diagnostic at the image.</summary>
public static class ImageAnalyzer
{
    public static (IReadOnlyList<ImageReport> Images, IReadOnlyList<Diagnostic> Diagnostics) Analyze(IReadOnlyList<Asset> assets, ImageSettings settings) =>
        Analyze(assets, settings, OutputContent.Uncached());

    /// <summary>The header of each image comes from the content's facts: read once, or not at all when cached.</summary>
    internal static (IReadOnlyList<ImageReport> Images, IReadOnlyList<Diagnostic> Diagnostics) Analyze(IReadOnlyList<Asset> assets, ImageSettings settings, OutputContent content)
    {
        var reports = new ConcurrentBag<ImageReport>();
        Parallel.ForEach(assets.Where(a => a.Type == AssetType.Image), new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, image =>
        {
            var info = Info(image, content);
            reports.Add(new ImageReport(image, info, ImageChecker.Check(info, image.Path, settings)));
        });

        var ordered = reports.OrderBy(r => r.Asset.Path, StringComparer.Ordinal).ToList();
        var diagnostics = ordered
            .SelectMany(r => r.Findings.Select(f => f.ToDiagnostic(r.Asset.FullPath, settings.Severity)))
            .ToList();
        return (ordered, diagnostics);
    }

    private static ImageInfo Info(Asset image, OutputContent content)
    {
        if (image.Length == 0)
        {
            return ImageInfo.Unreadable(image.FullPath, 0, "the file is empty");
        }

        var info = content.Facts(image, FactKinds.Image)?.Image;
        if (info is null)
        {
            return ImageInfo.Unreadable(image.FullPath, 0, content.FailureOf(image) ?? "it could not be read");
        }

        // Facts are kept by content, and the same bytes may be another file's under another name: an image is read as
        // SVG when it is named .svg, so what was learned under one name may not hold under the other.
        // (A fact read as SVG has the format "svg", readable or not.)
        return IsNamedSvg(image) != (info.Format == "svg") ? ReadAgain(image) : info with { Path = image.FullPath };
    }

    /// <summary>The image read under its own name, guarded as the content pass guards its readers: a failure is this image's only.</summary>
    private static ImageInfo ReadAgain(Asset image)
    {
        try
        {
            return ImageInspector.Inspect(image.FullPath);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return ImageInfo.Unreadable(image.FullPath, image.Length, $"reading its header failed ({e.GetType().Name}: {e.Message})");
        }
    }

    private static bool IsNamedSvg(Asset image) => image.Path.EndsWith(".svg", StringComparison.OrdinalIgnoreCase);

}
