using BundleBudget.Core.Assets;

namespace BundleBudget.Core.Evaluation;

/// <summary>What could not be measured: files whose sizes are missing, and folders that could not be listed.</summary>
/// <param name="Files">Counted files without sizes, by path, with the reason.</param>
/// <param name="Folders">Folders of the output that could not be listed, and files a manifest serves that are not there; those served.</param>
public sealed record MeasurementGaps(IReadOnlyDictionary<string, string> Files, IReadOnlyList<UnreadablePath> Folders)
{
    public static MeasurementGaps None { get; } = new(new Dictionary<string, string>(), []);
}
