using BundleBudget.Core.Budgets;
using BundleBudget.Core.Json;

namespace BundleBudget.Core.Peers;

/// <summary>
/// One limit of another tool's config, as that tool means it: its files (globs relative to the config's folder), the
/// limit in bytes, the compression, whether the files are summed or each limited, and where it is written.
/// </summary>
/// <param name="Limit">Null for a bundlewatch entry without maxSize: it never fails on size, but takes its files over and must match one.</param>
internal sealed record PeerCheck(string Name, IReadOnlyList<string> Patterns, Limit? Limit, Compression Compression, BudgetScope Scope, JsonNode At)
{
    /// <summary>Its warning limit, when the tool has one (Angular's maximumWarning).</summary>
    public Limit? Warning { get; init; }

    /// <summary>Sizes the files must reach (Angular's minimumWarning and minimumError, and the lower side of its warning and error bands).</summary>
    public Limit? MinimumWarning { get; init; }

    public Limit? MinimumError { get; init; }

    /// <summary>The budget types it counts (Angular's initial: what each page loads first, of the files of its patterns); none: any file its patterns match.</summary>
    public IReadOnlyList<BudgetType> Types { get; init; } = [];

    /// <summary>Its files are found by a name the tool knew otherwise: matching none is unknown (incomplete), not a pass.</summary>
    public bool UnmatchedIsUnknown { get; init; }

    /// <summary>For an initial check, the page whose first load it limits, relative to the config's folder.</summary>
    public string? Entry { get; init; }

    /// <summary>A path that matches no file fails the check in that tool (bundlewatch, bundlesize).</summary>
    public bool MustMatch { get; init; }

    /// <summary>Globs (from the config's folder) of files the check leaves out: size-limit's "!" patterns, or the files a later bundlewatch entry takes over.</summary>
    public IReadOnlyList<string> Exclude { get; init; } = [];

    /// <summary>Its patterns are relative to the site served, whatever folder that is (Lighthouse's resource types), not to the config's folder.</summary>
    public bool SiteRelative { get; init; }

    /// <summary>For an initial or timing check: the pages it limits by URL path (Lighthouse's "path"), and those later checks take.</summary>
    public UrlPathPattern? UrlPath { get; init; }

    public IReadOnlyList<UrlPathPattern> ExcludeUrlPaths { get; init; } = [];

    /// <summary>For a timing check, its metric.</summary>
    public Timings.BudgetMetric? Metric { get; init; }

    /// <summary>For an initial check: it counts files a page's scripts and styles load while it renders (images, fonts), which only a browser sees.</summary>
    public bool CountsRenderLoads { get; init; }

    /// <summary>The tool compresses every file it checks, images and fonts too (bundlewatch, size-limit).</summary>
    public bool CompressesEveryFile { get; init; }

    /// <summary>How many requests it allows (Lighthouse's resourceCounts).</summary>
    public int? MaximumCount { get; init; }
}
