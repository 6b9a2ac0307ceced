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
    /// <summary>A path that matches no file fails the check in that tool (bundlewatch, bundlesize).</summary>
    public bool MustMatch { get; init; }

    /// <summary>Globs (from the config's folder) of files the check leaves out: size-limit's "!" patterns, or the files a later bundlewatch entry takes over.</summary>
    public IReadOnlyList<string> Exclude { get; init; } = [];
}
