using BundleBudget.Core.Assets;
using BundleBudget.Core.Diagnostics;
using BundleBudget.Core.Pages;

namespace BundleBudget.Core.Budgets;

/// <summary>One limit of budget.json, as read and validated.</summary>
/// <param name="Types">The kinds of asset it counts; empty means any kind (a budget given by <c>files</c> alone).</param>
/// <param name="Files">Optional glob relative to the output folder.</param>
/// <param name="Compression">The size compared for scripts, stylesheets, documents and other text files.</param>
/// <param name="Location">Where the budget stands in budget.json.</param>
public sealed record Budget(
    string? Name,
    IReadOnlyList<BudgetType> Types,
    FileGlob? Files,
    BudgetScope Scope,
    Compression Compression,
    Limit? MaximumWarning,
    Limit? MaximumError,
    SourceLocation Location)
{
    /// <summary>For an <c>initial</c> budget, the one entry page it limits; null for every entry page, each on its own.</summary>
    public string? Entry { get; init; }

    public bool IsInitial => Types is [BudgetType.Initial];

    /// <summary>A budget on a metric measured in a real browser (<see cref="Metric"/>).</summary>
    public bool IsTiming => Types is [BudgetType.Timing];

    /// <summary>For a timing budget, what it limits.</summary>
    public Timings.BudgetMetric? Metric { get; init; }

    /// <summary>For a timing budget, how much worse than the base branch's the metric may get (compare --measure).</summary>
    public Timings.RegressionLimit? MaximumRegression { get; init; }

    /// <summary>A timing budget with only a regression limit: judged by compare --measure, not by a check of one build.</summary>
    public bool IsRegressionOnly => IsTiming && MaximumError is null && MaximumWarning is null;

    /// <summary>
    /// <c>"loaded": true</c>: counts only files an entry page loads (by its HTML, imports, stylesheets, the .NET boot
    /// configuration), first or later; not those served that no page loads (the unused variants of a library in lib/).
    /// </summary>
    public bool LoadedOnly { get; init; }

    /// <summary>
    /// How many files the budget may count before it is an error (<c>maximumCount</c>): the matching files of a total,
    /// or for an initial budget what each page loads first, the page included (a request each, as Lighthouse's
    /// resourceCounts count them).
    /// </summary>
    public int? MaximumCount { get; init; }

    /// <summary>How many files before it is a warning (<c>maximumCountWarning</c>).</summary>
    public int? MaximumCountWarning { get; init; }

    /// <summary>How much the measured value may grow since the base branch's report (--baseline, BundleBudgetBaselineReport).</summary>
    public GrowthLimit? MaximumGrowth { get; init; }

    /// <summary>Files the budget leaves out though its type or files take them (<c>exclude</c>): globs relative to the output folder.</summary>
    public IReadOnlyList<FileGlob> Exclude { get; init; } = [];

    /// <summary>
    /// A budget whose files matching nothing leaves it incomplete, not passed: one that finds by file name what its tool
    /// knew by another name (an Angular lazy chunk's bundle name).
    /// </summary>
    public bool UnmatchedIsUnknown { get; init; }

    /// <summary>
    /// For a budget read from another tool's config: the output folder its globs were made relative to. A check of
    /// another folder (--dir, BundleBudgetOutputPath) cannot use them (BB9036).
    /// </summary>
    public string? GlobsRelativeTo { get; init; }

    /// <summary>
    /// A budget whose files matching nothing is an error, not a warning: one imported from bundlewatch or bundlesize,
    /// which fail a path that matches no file.
    /// </summary>
    public bool MustMatch { get; init; }

    /// <summary>For an initial or timing budget: the pages it limits by their URL path (Lighthouse's budget "path"); null for every page.</summary>
    public UrlPathPattern? Path { get; init; }

    /// <summary>Pages it leaves to other budgets, by URL path: the later budgets of a Lighthouse budget.json whose path also matches (the last match wins).</summary>
    public IReadOnlyList<UrlPathPattern> ExcludePaths { get; init; } = [];

    /// <summary>Whether an initial or timing budget without an entry limits the page served at <paramref name="servedPath"/> (its path inside the folder it is served from; null when no URL loads it).</summary>
    public bool LimitsPageAt(string? servedPath)
    {
        if (Path is null && ExcludePaths.Count == 0)
        {
            return true;
        }

        if (servedPath is null)
        {
            return false; // no URL to match: a server-rendered layout, or a page outside the folder served
        }

        var urls = UrlPathPattern.UrlPathsOf(servedPath);
        return (Path is null || urls.Any(Path.Matches)) && !ExcludePaths.Any(excluded => urls.Any(excluded.Matches));
    }

    /// <summary>
    /// For an initial budget: it also counts what a page's scripts and stylesheets load while it renders (images, fonts,
    /// media, fetches), as Lighthouse's resource budgets do. The output does not say what that is: a page measured in a
    /// browser takes what it fetched; any other page it limits is incomplete (a limit already exceeded fails, but none
    /// passes on the files the HTML names alone).
    /// </summary>
    public bool CountsRenderLoads { get; init; }

    /// <summary>The size below which the budget is a warning (<c>minimumWarning</c>): a bundle that suddenly shrinks lost something.</summary>
    public Limit? MinimumWarning { get; init; }

    /// <summary>The size below which the budget is an error (<c>minimumError</c>).</summary>
    public Limit? MinimumError { get; init; }

    /// <summary>Whether the budget limits sizes (or times) at all, or only how many files it counts.</summary>
    public bool HasSizeLimit => MaximumWarning is not null || MaximumError is not null || MinimumWarning is not null || MinimumError is not null;

    /// <summary>For an initial budget on load time: the network its limits assume; its limits are then times.</summary>
    public NetworkProfile? Network { get; init; }

    /// <summary>What the budget's limits and its measured value are in: bytes, or a time for a load-time budget.</summary>
    public LimitUnit Unit => MaximumError?.Unit ?? MaximumWarning?.Unit ?? (Network is not null ? LimitUnit.Milliseconds : LimitUnit.Bytes);

    /// <summary>A value of this budget in its unit: bytes in SI units, or a time.</summary>
    public string Format(long value) => Limit.Format(value, Unit);

    public string? DescribeWarningLimit => MaximumWarning?.Text;

    public string? DescribeErrorLimit => MaximumError?.Text;

    public bool Includes(Asset asset) => asset.IsCounted && Matches(asset);

    /// <summary>For an initial budget, whether it counts a file its page loads first: all of them, or those its files (and exclude) take.</summary>
    public bool CountsInitial(Asset asset) => NamedByFiles(asset.Path);

    /// <summary>Whether the budget's type and files name the asset, counted or not.</summary>
    public bool Matches(Asset asset) => (Types.Count == 0 || Types.Any(t => t.Includes(asset.Type))) && NamedByFiles(asset.Path);

    /// <summary>Whether its files glob (if any) takes the path and no exclude glob leaves it out.</summary>
    public bool NamedByFiles(string path) => (Files is null || Files.IsMatch(path)) && !Exclude.Any(glob => glob.IsMatch(path));

    /// <summary>
    /// Compares every file in its compression, images and fonts too, as bundlewatch, bundlesize and size-limit measure
    /// them (<c>compressEveryFile</c>); by default they are compared raw, as servers send them.
    /// </summary>
    public bool CompressesEveryFile { get; init; }

    /// <summary>The size this budget compares for an asset: images, fonts and media raw, unless it compresses every file.</summary>
    public Compression CompressionFor(Asset asset) => asset.IsTextCompressible || CompressesEveryFile ? Compression : Compression.Raw;

    /// <summary>The pages of an initial or timing budget, as its label names them.</summary>
    private string Pages => Entry is not null ? $"'{Entry}'" : Path is not null ? $"(pages '{Path}')" : "(each page)";

    public string TypeName => Types.Count == 0 ? "files" : string.Join("+", Types.Select(t => t.ToString().ToLowerInvariant()));

    /// <summary>A short human name: the given name, else type, glob and scope.</summary>
    public string Label
    {
        get
        {
            if (!string.IsNullOrWhiteSpace(Name))
            {
                return Name;
            }

            if (IsTiming)
            {
                return $"{(Metric is { } metric ? Timings.BudgetMetrics.WireName(metric) : "timing")} {Pages}";
            }

            if (IsInitial)
            {
                var page = (Entry, Files) switch
                {
                    (null, null) => $"initial {Pages}",
                    (null, { } files) => $"initial '{files}' {Pages}",
                    ({ } entry, null) => $"initial '{entry}'",
                    ({ } entry, { } files) => $"initial '{files}' of '{entry}'",
                };
                return Network is null ? page : $"{page} on {Network.Name}";
            }

            var label = Types.Count == 0 ? $"files '{Files}'" : Files is null ? TypeName : $"{TypeName} '{Files}'";
            return Scope == BudgetScope.Each ? $"{label} (each)" : label;
        }
    }
}
