using BundleBudget.Core.Diagnostics;

namespace BundleBudget.Core.BundleContents;

/// <summary>The codes this analysis reports, and their descriptions (documented in README.md with what to do).</summary>
public static class BundleDiagnostics
{
    /// <summary>A built bundle contains a whole library (found through its source map).</summary>
    public const string WholeLibraryBundled = "BB2002";

    /// <summary>A source map could not be read, so the bundle's contents are unknown.</summary>
    public const string SourceMapNotRead = "BB2004";

    /// <summary>The same installed package is in two or more bundles (found through their source maps).</summary>
    public const string DuplicatePackage = "BB2006";

    public static IReadOnlyList<DiagnosticDescriptor> Descriptors { get; } =
    [
        new(WholeLibraryBundled, "WholeLibraryBundled", "A bundle contains a whole library, found through its source map.", DiagnosticCategory.Bundles, Severity.Warning, Configurable: true),
        new(SourceMapNotRead, "SourceMapNotRead", "A bundle's source map could not be read.", DiagnosticCategory.Bundles, Severity.Warning),
        new(DuplicatePackage, "DuplicatePackage", "The same installed package is bundled into two or more bundles, found through their source maps.", DiagnosticCategory.Bundles, Severity.Warning),
    ];
}
