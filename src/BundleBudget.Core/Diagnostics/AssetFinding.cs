namespace BundleBudget.Core.Diagnostics;

/// <summary>One finding about one image or font, with the bytes a fix would save when that can be estimated.</summary>
public sealed record AssetFinding(string Code, string Message, long? EstimatedSaving)
{
    /// <summary>
    /// The finding as a diagnostic at <paramref name="file"/>. A file that cannot be read is always a warning (it must
    /// never stop the check); the checks take the severity the budget's section configures.
    /// </summary>
    public Diagnostic ToDiagnostic(string? file, Severity configured) =>
        new(Code, Code is DiagnosticCodes.ImageUnreadable or DiagnosticCodes.ImageBomb or DiagnosticCodes.FontUnreadable ? Severity.Warning : configured, Message, file);
}
