using BundleBudget.Core.Reports;

namespace BundleBudget.Core;

/// <summary>What to check, where to keep the cache and which reports to write: what every host maps its inputs to. Paths may be relative to the current folder.</summary>
/// <param name="BudgetFile">The budget.json to read.</param>
/// <param name="OutputPath">The folder to check; overrides the budget's <c>outputPath</c> when set.</param>
/// <param name="DefaultOutputPath">The folder to check when neither <paramref name="OutputPath"/> nor the budget names one.</param>
/// <param name="CachePath">Where compressed sizes are cached between runs; null keeps them in memory only.</param>
/// <param name="BrotliForAll">Compute brotli sizes of every file, not only those a budget compares in brotli.</param>
/// <param name="Strict">A budget that could not be fully measured is an error, whatever budget.json's "strict" says.</param>
public sealed record CheckOptions(
    string BudgetFile,
    string? OutputPath = null,
    string? DefaultOutputPath = null,
    string? CachePath = null,
    bool BrotliForAll = false,
    bool Strict = false)
{
    /// <summary>
    /// ASP.NET Core's static web assets runtime manifest (<c>&lt;app&gt;.staticwebassets.runtime.json</c> in the build
    /// output): when the folder checked is the project's wwwroot, the files checked are those the manifest serves, from
    /// every folder it names (Razor class libraries' <c>_content/</c>, the scoped-CSS bundle, <c>_framework/</c>), by the
    /// URL path each is served at. Null checks the folder as it is.
    /// </summary>
    public string? StaticWebAssetsManifest { get; init; }

    /// <summary>The manifest was named by the user (the CLI): one that does not describe the folder checked is a warning, not ignored.</summary>
    public bool StaticWebAssetsNamed { get; init; }

    /// <summary>
    /// budget.json's <c>staticWebAssets</c> applies (the CLI); the MSBuild task passes the project's own manifest, or
    /// none at publish, whose folder holds all it serves.
    /// </summary>
    public bool UseBudgetStaticWebAssets { get; init; }

    /// <summary>
    /// The project's MSBuild properties that drive what ships (InvariantGlobalization, PublishTrimmed, RunAOTCompilation,
    /// ...), as the MSBuild task passes them: the report names them beside what they cost. Empty from the CLI.
    /// </summary>
    public IReadOnlyDictionary<string, string> ProjectProperties { get; init; } = new Dictionary<string, string>();

    /// <summary>Measure the entry pages in a browser (timing budgets, the report's timings); null: measuring is off.</summary>
    public Timings.MeasureOptions? Measure { get; init; }

    /// <summary>The reports to write after the check; none by default.</summary>
    public ReportOptions Reports { get; init; } = new();

    /// <summary>
    /// <see cref="CheckOptions.BudgetFile"/> is another tool's budget config (bundlewatch, bundlesize, size-limit) read
    /// with its meaning there, not a budget.json (the CLI's --from).
    /// </summary>
    public bool FromPeerConfig { get; init; }
}
