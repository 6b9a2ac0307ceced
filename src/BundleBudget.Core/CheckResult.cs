using BundleBudget.Core.Analyses;
using BundleBudget.Core.Assets;
using BundleBudget.Core.Budgets;
using BundleBudget.Core.BundleContents;
using BundleBudget.Core.Diagnostics;
using BundleBudget.Core.Evaluation;
using BundleBudget.Core.Fonts;
using BundleBudget.Core.Images;
using BundleBudget.Core.Imports;
using BundleBudget.Core.Measurement;
using BundleBudget.Core.Pages;

namespace BundleBudget.Core;

/// <summary>Everything one check found: what the reports print and the shells turn into errors and exit codes.</summary>
public sealed record CheckResult(
    string BudgetFilePath,
    string? OutputFolder,
    BudgetFile? BudgetFile,
    IReadOnlyList<Asset> Assets,
    IReadOnlyDictionary<string, AssetSizes> Sizes,
    IReadOnlyList<BudgetResult> Budgets,
    IReadOnlyList<Diagnostic> Diagnostics,
    MeasurementStatistics? Statistics)
{
    /// <summary>The reports written (those <see cref="CheckOptions.Reports"/> asks for), and the change since the baseline.</summary>
    public Reports.ReportsWritten Reports { get; init; } = new([], null);

    /// <summary>How long each phase of the check took, in order.</summary>
    public IReadOnlyList<PhaseTiming> Phases { get; init; } = [];

    /// <summary>What each analysis of <see cref="AnalysisRegistry"/> found.</summary>
    public AnalysisResults Analyses { get; init; } = AnalysisResults.None;

    /// <summary>Whole-library imports in the front-end sources.</summary>
    public ImportAnalysis Imports => Analyses.Of(ImportsAnalysis.Instance);

    /// <summary>What each bundle with a source map is made of, and the whole libraries found in them.</summary>
    public BundleAnalysis Bundles => Analyses.Of(BundlesAnalysis.Instance);

    /// <summary>The entry pages and what each loads first and later.</summary>
    public PageGraph Pages { get; init; } = PageGraph.None;

    /// <summary>Every image of the output: format, dimensions, findings.</summary>
    public IReadOnlyList<ImageReport> Images => Analyses.Of(ImagesAnalysis.Instance);

    /// <summary>Every font of the output: format, glyphs, family, who uses it, findings.</summary>
    public IReadOnlyList<FontReport> Fonts => Analyses.Of(FontsAnalysis.Instance).Fonts;

    /// <summary>The folder the pages are served from, relative to the output folder ("" for the output folder itself).</summary>
    public string SiteRoot { get; init; } = string.Empty;

    /// <summary>The static web assets manifest whose served files were checked, instead of the output folder's own; null when none was.</summary>
    public string? ServedBy { get; init; }

    /// <summary>Whether an incomplete budget is an error.</summary>
    public bool Strict { get; init; }

    public static string ToolVersion { get; } =
        typeof(CheckResult).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";

    public int ErrorCount => Diagnostics.Count(d => d.Severity == Severity.Error);

    public int WarningCount => Diagnostics.Count(d => d.Severity == Severity.Warning);

    /// <summary>True when the input itself was bad (budget file, output folder): the check could not be trusted.</summary>
    public bool HasInputErrors => Diagnostics.Any(d => d.Severity == Severity.Error && (d.Code.StartsWith("BB9", StringComparison.Ordinal) || d.Code == Timings.TimingsDiagnostics.CannotMeasure));

    public BudgetStatus Status => ErrorCount > 0 ? BudgetStatus.Error : WarningCount > 0 ? BudgetStatus.Warning : BudgetStatus.Pass;
}
