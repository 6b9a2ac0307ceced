using System.Collections.Concurrent;
using BundleBudget.Core.Assets;
using BundleBudget.Core.Diagnostics;

namespace BundleBudget.Core.Images;

/// <summary>An image of the output with what it is and what is wrong with it.</summary>
public sealed record ImageReport(Asset Asset, ImageInfo Info, IReadOnlyList<AssetFinding> Findings);

/// <summary>Inspects every image of the output in parallel (headers only) and checks it; each finding is a BB3xxx diagnostic at the image.</summary>
public static class ImageAnalyzer
{
    public static (IReadOnlyList<ImageReport> Images, IReadOnlyList<Diagnostic> Diagnostics) Analyze(IReadOnlyList<Asset> assets, ImageSettings settings)
    {
        var reports = new ConcurrentBag<ImageReport>();
        Parallel.ForEach(assets.Where(a => a.Type == AssetType.Image), new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, image =>
        {
            ImageInfo info;
            try
            {
                info = ImageInspector.Inspect(image.FullPath);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                // Whatever a hostile header does to a reader, it is this image's problem only.
                info = ImageInfo.Unreadable(image.FullPath, image.Length, $"reading its header failed ({e.GetType().Name}: {e.Message})");
            }

            reports.Add(new ImageReport(image, info, ImageChecker.Check(info, image.Path, settings)));
        });

        var ordered = reports.OrderBy(r => r.Asset.Path, StringComparer.Ordinal).ToList();
        var diagnostics = ordered
            .SelectMany(r => r.Findings.Select(f => f.ToDiagnostic(r.Asset.FullPath, settings.Severity)))
            .ToList();
        return (ordered, diagnostics);
    }

}
