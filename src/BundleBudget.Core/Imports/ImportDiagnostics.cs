using BundleBudget.Core.Diagnostics;

namespace BundleBudget.Core.Imports;

/// <summary>The codes this analysis reports, and their descriptions (documented in README.md with what to do).</summary>
public static class ImportDiagnostics
{
    /// <summary>A source file imports a whole library where a narrow import or a lighter library would do.</summary>
    public const string WholeLibraryImport = "BB2001";

    /// <summary>A source file could not be analysed for imports (a syntax error, nesting too deep).</summary>
    public const string SourceNotParsed = "BB2003";

    /// <summary>The import analysis found no source file to read: its globs, or the usual places, match nothing.</summary>
    public const string NoSourceFiles = "BB2005";

    public static IReadOnlyList<DiagnosticDescriptor> Descriptors { get; } =
    [
        new(WholeLibraryImport, "WholeLibraryImport", "A source file imports a whole library where a narrow import or a lighter library would do.", DiagnosticCategory.Imports, Severity.Warning, Configurable: true),
        new(SourceNotParsed, "SourceNotParsed", "A source file could not be analysed for imports.", DiagnosticCategory.Imports, Severity.Warning),
        new(NoSourceFiles, "NoSourceFiles", "The import analysis found no source file to read.", DiagnosticCategory.Imports, Severity.Warning),
    ];
}
