using BundleBudget.Core.Diagnostics;

namespace BundleBudget.Core.Imports;

/// <summary>A whole-library import found in a source file.</summary>
/// <param name="File">Full path of the source file.</param>
/// <param name="RelativeFile">Relative to budget.json's folder, with '/' separators.</param>
public sealed record ImportFinding(string File, string RelativeFile, ModuleReference Reference, ImportRule Rule, Severity Severity)
{
    public string Fix => Rule.Fix(Reference);

    public Diagnostic ToDiagnostic() => new(
        DiagnosticCodes.WholeLibraryImport,
        Severity,
        $"Whole-library import of '{Reference.Module}' ({Reference.Form.ToWireName()}, rule {Rule.Id}): this pulls {Rule.Cost}. Instead, {Fix}.",
        File,
        Reference.Line,
        Reference.Column);
}

/// <summary>What the import analysis found, and how many source files it read.</summary>
public sealed record ImportAnalysis(IReadOnlyList<ImportFinding> Findings, IReadOnlyList<Diagnostic> Diagnostics, int FilesAnalysed)
{
    public static ImportAnalysis None { get; } = new([], [], 0);
}
