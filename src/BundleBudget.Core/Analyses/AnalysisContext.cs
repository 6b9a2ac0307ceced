using BundleBudget.Core.Assets;
using BundleBudget.Core.Budgets;
using BundleBudget.Core.Content;
using BundleBudget.Core.Fonts;
using BundleBudget.Core.Pages;

namespace BundleBudget.Core.Analyses;

/// <summary>
/// What the check knows when an analysis runs. What a stage has not computed yet is absent: an analysis of the
/// <see cref="AnalysisStage.Sources"/> stage sees no output, one of <see cref="AnalysisStage.Scripts"/> no page graph.
/// </summary>
internal sealed class AnalysisContext
{
    private readonly AnalysisResults _earlier;

    public AnalysisContext(BudgetFile budget, ContentStore store, AnalysisResults earlier)
    {
        Budget = budget;
        Store = store;
        _earlier = earlier;
    }

    public BudgetFile Budget { get; }

    /// <summary>The folder of budget.json: where the sources' globs start.</summary>
    public string BudgetFolder => Path.GetDirectoryName(Budget.Path)!;

    /// <summary>What earlier runs learned, by content.</summary>
    public ContentStore Store { get; }

    /// <summary>Every output file, with those not served excluded; from <see cref="AnalysisStage.Scripts"/> on.</summary>
    public IReadOnlyList<Asset> Served { get; init; } = [];

    /// <summary>Every file's facts, read once.</summary>
    public OutputContent Content { get; init; } = OutputContent.Uncached();

    /// <summary>The files as the budgets count them (fonts no browser downloads excluded); at <see cref="AnalysisStage.Output"/>.</summary>
    public IReadOnlyList<Asset> Assets { get; init; } = [];

    public PageGraph Pages { get; init; } = PageGraph.None;

    public FontFaces Faces { get; init; } = new([], []);

    /// <summary>The measured sizes, by path; at <see cref="AnalysisStage.Output"/>.</summary>
    public IReadOnlyDictionary<string, Measurement.AssetSizes> Sizes { get; init; } = new Dictionary<string, Measurement.AssetSizes>();

    /// <summary>The project's MSBuild properties the host passed (<see cref="CheckOptions.ProjectProperties"/>).</summary>
    public IReadOnlyDictionary<string, string> ProjectProperties { get; init; } = new Dictionary<string, string>();

    /// <summary>The folder checked; at <see cref="AnalysisStage.Output"/>.</summary>
    public string OutputFolder { get; init; } = string.Empty;

    /// <summary>The files are those a static web assets manifest serves, from several folders; at <see cref="AnalysisStage.Output"/>.</summary>
    public bool ServedByManifest { get; init; }

    /// <summary>The host's request to measure pages in a browser; null when measuring is off.</summary>
    public Timings.MeasureOptions? Measure { get; init; }

    /// <summary>The settings of a section: as budget.json gives them, or their defaults.</summary>
    public TSettings Settings<TSettings>(BudgetSection<TSettings> section)
        where TSettings : class => Budget.Settings(section);

    /// <summary>What an analysis of an earlier stage found (its empty result when it could not run).</summary>
    public TResult ResultOf<TResult>(Analysis<TResult> analysis)
        where TResult : class => _earlier.Of(analysis);
}
