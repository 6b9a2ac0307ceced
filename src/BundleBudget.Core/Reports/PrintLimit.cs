using System.Globalization;
using BundleBudget.Core.Diagnostics;

namespace BundleBudget.Core.Reports;

/// <summary>
/// Keeps a log readable when one problem repeats: at most <see cref="PerCode"/> diagnostics of one code are printed,
/// then one line says how many more there are. The JSON report and SARIF keep them all.
/// </summary>
public static class PrintLimit
{
    public const int PerCode = 20;

    /// <summary>The diagnostics to print, in their order, and one line for each code that had more.</summary>
    public static (IReadOnlyList<Diagnostic> Shown, IReadOnlyList<string> Omitted) Apply(IReadOnlyList<Diagnostic> diagnostics, int perCode = PerCode)
    {
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var shown = new List<Diagnostic>();
        foreach (var diagnostic in diagnostics)
        {
            var count = seen[diagnostic.Code] = seen.GetValueOrDefault(diagnostic.Code) + 1;
            if (count <= perCode)
            {
                shown.Add(diagnostic);
            }
        }

        var omitted = seen
            .Where(c => c.Value > perCode)
            .Select(c => string.Create(CultureInfo.InvariantCulture, $"bundle-budget: {c.Value - perCode:N0} more {c.Key} {Noun(diagnostics, c.Key, c.Value - perCode)} not printed ({perCode} shown, {c.Value:N0} in all); the JSON report lists every one."))
            .ToList();
        return (shown, omitted);
    }

    private static string Noun(IReadOnlyList<Diagnostic> diagnostics, string code, int count)
    {
        var severity = diagnostics.First(d => d.Code == code).Severity switch
        {
            Severity.Error => "error",
            Severity.Warning => "warning",
            _ => "message",
        };
        return count == 1 ? $"{severity} is" : $"{severity}s are";
    }
}
