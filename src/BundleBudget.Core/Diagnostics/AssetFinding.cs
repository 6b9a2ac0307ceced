namespace BundleBudget.Core.Diagnostics;

/// <summary>One finding about one image or font, with the bytes a fix would save when that can be estimated.</summary>
public sealed record AssetFinding(string Code, string Message, long? EstimatedSaving)
{
    /// <summary>
    /// The finding as a diagnostic at <paramref name="file"/>: in the severity the budget's section configures when its
    /// code may be configured; a file that cannot be read keeps its own (a warning: it must never stop the check).
    /// </summary>
    public Diagnostic ToDiagnostic(string? file, Severity configured) =>
        new(Code, DiagnosticCatalog.SeverityOf(Code, configured), Message, file);
}
