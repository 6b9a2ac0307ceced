using BundleBudget.Core.BundleContents;
using BundleBudget.Core.Fonts;
using BundleBudget.Core.Images;
using BundleBudget.Core.Imports;

namespace BundleBudget.Core.Analyses;

/// <summary>
/// Every analysis, in the order their sections appear in budget.json's reference and in the reports. The one place an
/// analysis is registered.
/// </summary>
public static class AnalysisRegistry
{
    public static IReadOnlyList<Analysis> All { get; } =
    [
        ImportsAnalysis.Instance,
        BundlesAnalysis.Instance,
        ImagesAnalysis.Instance,
        FontsAnalysis.Instance,
        Runtime.RuntimeAnalysis.Instance,
        Timings.TimingsAnalysis.Instance,
    ];

    /// <summary>The budget.json sections the analyses own, once each (two analyses may share one).</summary>
    internal static IReadOnlyList<BudgetSection> Sections { get; } =
        All.Select(a => a.SettingsSection).OfType<BudgetSection>().Distinct().ToList();
}
