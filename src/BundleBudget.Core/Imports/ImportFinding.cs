using BundleBudget.Core.Diagnostics;

namespace BundleBudget.Core.Imports;

/// <summary>A whole-library import found in a source file.</summary>
/// <param name="File">Full path of the source file.</param>
/// <param name="RelativeFile">Relative to budget.json's folder, with '/' separators.</param>
public sealed record ImportFinding(string File, string RelativeFile, ModuleReference Reference, ImportRule Rule, Severity Severity)
{
    /// <summary>The version of the package the file gets, when the rule depended on it.</summary>
    public InstalledPackage? Installed { get; init; }

    public string Fix => Rule.Fix(Reference);

    public Diagnostic ToDiagnostic() => new(
        ImportDiagnostics.WholeLibraryImport,
        Severity,
        $"Whole-library import of '{Reference.Module}'{(Installed is { } installed ? $" ({installed.Name} {installed.Version} installed)" : string.Empty)} ({Reference.Form.ToWireName()}, rule {Rule.Id}): this pulls {Rule.Cost}. Instead, {Fix}.",
        File,
        Reference.Line,
        Reference.Column);
}

/// <summary>A reference from a source file to an npm package, flagged or not: where a library found in a bundle came from.</summary>
/// <param name="RelativeFile">Relative to budget.json's folder, with '/' separators.</param>
public sealed record SourceReference(string RelativeFile, ModuleReference Reference, string Package);

/// <summary>What the import analysis found, and how many source files it read.</summary>
public sealed record ImportAnalysis(IReadOnlyList<ImportFinding> Findings, IReadOnlyList<Diagnostic> Diagnostics, int FilesAnalysed)
{
    public static ImportAnalysis None { get; } = new([], [], 0);

    /// <summary>Every reference to an npm package in the sources, in file order.</summary>
    public IReadOnlyList<SourceReference> References { get; init; } = [];

    /// <summary>The versions and dependencies of the packages installed for the sources.</summary>
    public InstalledPackages? Packages { get; init; }

    /// <summary>The folder the sources were found from (budget.json's).</summary>
    public string? Root { get; init; }

    /// <summary>How many source files were parsed in this run: the others' references came from the cache.</summary>
    public int FilesParsed { get; init; }
}
