using BundleBudget.Core.Analyses;

namespace BundleBudget.Core.Diagnostics;

/// <summary>Every code BundleBudget reports: the check's own and each registered analysis's.</summary>
public static class DiagnosticCatalog
{
    private static readonly Dictionary<string, DiagnosticDescriptor> ByCode =
        DiagnosticCodes.Descriptors.Concat(AnalysisRegistry.All.SelectMany(a => a.Descriptors)).ToDictionary(d => d.Code, StringComparer.Ordinal);

    public static IEnumerable<DiagnosticDescriptor> All => ByCode.Values.OrderBy(d => d.Code, StringComparer.Ordinal);

    /// <summary>The descriptor of a code; null for one this version does not know (a report from another version).</summary>
    public static DiagnosticDescriptor? Find(string code) => ByCode.GetValueOrDefault(code);

    /// <summary>The severity a finding of <paramref name="code"/> takes when its section configures <paramref name="configured"/>: that one if the code may be configured, else its own.</summary>
    public static Severity SeverityOf(string code, Severity configured) =>
        Find(code) is { Configurable: false } fixedSeverity ? fixedSeverity.DefaultSeverity : configured;
}
