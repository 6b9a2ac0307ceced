using BundleBudget.Core;
using BundleBudget.Core.Diagnostics;

namespace BundleBudget.Tests;

internal static class DiagnosticFilters
{
    /// <summary>The size budget (BB1xxx) and configuration (BB9xxx) diagnostics, without the image, font and import findings.</summary>
    public static IReadOnlyList<Diagnostic> SizeDiagnostics(this CheckResult result) =>
        result.Diagnostics.Where(d => d.Code.StartsWith("BB1", StringComparison.Ordinal) || d.Code.StartsWith("BB9", StringComparison.Ordinal)).ToList();
}
