using System.Text.Json;
using BundleBudget.Core.Diagnostics;
using Microsoft.Build.Framework;

namespace BundleBudget.Tasks;

/// <summary>
/// When an unchanged check is skipped, shows the warnings of the check that ran last (from its JSON report), so that
/// a warning does not vanish from one build to the next while nothing was fixed.
/// </summary>
public sealed class ReplayBundleBudgetWarnings : BundleBudgetTask
{
    [Required]
    public string ReportPath { get; set; } = string.Empty;

    protected override void ExecuteCore()
    {
        if (!File.Exists(ReportPath))
        {
            return;
        }

        try
        {
            using var report = JsonDocument.Parse(File.ReadAllBytes(ReportPath));
            var warnings = report.RootElement.GetProperty("diagnostics").EnumerateArray()
                .Where(d => d.GetProperty("severity").GetString() == "warning")
                .ToList();
            LogDiagnostics(warnings.Select(warning => Diagnostic.Warning(
                warning.GetProperty("code").GetString()!,
                warning.GetProperty("message").GetString()!,
                warning.GetProperty("file").GetString(),
                warning.GetProperty("line").GetInt32(),
                warning.GetProperty("column").GetInt32())).ToList());

            Log.LogMessage(MessageImportance.High, $"BundleBudget: unchanged since the last check ({warnings.Count} {(warnings.Count == 1 ? "warning" : "warnings")} repeated). Report: {ReportPath}");
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or IOException)
        {
            Log.LogMessage(MessageImportance.Low, $"BundleBudget: the last report could not be read to repeat its warnings: {e.Message}");
        }
    }
}
