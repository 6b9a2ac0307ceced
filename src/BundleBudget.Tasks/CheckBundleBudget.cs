using BundleBudget.Core;
using BundleBudget.Core.Compare;
using BundleBudget.Core.Diagnostics;
using BundleBudget.Core.Reports;
using BundleBudget.Core.Text;
using Microsoft.Build.Framework;

namespace BundleBudget.Tasks;

/// <summary>Runs the budget check, logs every finding with its code and writes the JSON and Markdown reports.</summary>
public sealed class CheckBundleBudget : BundleBudgetTask
{
    [Required]
    public string BudgetFile { get; set; } = string.Empty;

    /// <summary>The folder to check; overrides the budget's outputPath when set.</summary>
    public string? OutputPath { get; set; }

    /// <summary>The folder to check when neither OutputPath nor the budget names one.</summary>
    public string? DefaultOutputPath { get; set; }

    [Required]
    public string ReportPath { get; set; } = string.Empty;

    public string? MarkdownReportPath { get; set; }

    public string? CachePath { get; set; }

    public bool Brotli { get; set; }

    /// <summary>A budget that could not be fully measured (BB1007) is an error.</summary>
    public bool Strict { get; set; }

    /// <summary>A JSON report of an earlier build (the base branch's, say): the summary then shows what changed.</summary>
    public string? BaselineReport { get; set; }

    /// <summary>pass, warning or error.</summary>
    [Output]
    public string Status { get; private set; } = string.Empty;

    protected override void ExecuteCore()
    {
        var result = BudgetCheck.Run(new CheckOptions(BudgetFile, OutputPath, DefaultOutputPath, CachePath, Brotli, Strict));
        LogDiagnostics(result.Diagnostics);

        WriteReports(result);
        Log.LogMessage(MessageImportance.High, PlainText.Line(SummaryTable.Headline(result) + $" Report: {ReportPath}"));
        if (result.BudgetFile is not null && result.Statistics is not null)
        {
            foreach (var line in SummaryTable.Lines(result))
            {
                Log.LogMessage(MessageImportance.Normal, line);
            }

            var stats = result.Statistics;
            Log.LogMessage(MessageImportance.Low, $"BundleBudget measured {stats.FilesMeasured} files: {stats.GzipComputed} gzip and {stats.BrotliComputed} brotli compressions, {stats.CacheHits} from the cache.");
        }

        LogBaselineComparison();
        Status = result.Status.ToString().ToLowerInvariant();
    }

    private void LogBaselineComparison()
    {
        if (string.IsNullOrWhiteSpace(BaselineReport) || !File.Exists(ReportPath))
        {
            return;
        }

        try
        {
            var baseline = File.Exists(BaselineReport) ? ReportSnapshot.Read(BaselineReport!) : null;
            var comparison = ReportComparer.Compare(baseline, ReportSnapshot.Read(ReportPath), new NoiseThreshold());
            Log.LogMessage(MessageImportance.High, PlainText.Line(ComparisonText.Headline(comparison, BaselineReport!)));
            foreach (var line in ComparisonText.Lines(comparison))
            {
                Log.LogMessage(MessageImportance.High, PlainText.Line(line));
            }
        }
        catch (InvalidDataException e)
        {
            LogDiagnostic(Diagnostic.Warning(DiagnosticCodes.BudgetFileNotFound, $"The baseline report cannot be read: {e.Message}", BaselineReport));
        }
    }

    private void WriteReports(CheckResult result)
    {
        try
        {
            JsonReportWriter.Write(result, ReportPath);
            if (!string.IsNullOrWhiteSpace(MarkdownReportPath))
            {
                MarkdownReportWriter.Write(result, MarkdownReportPath!);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            LogDiagnostic(Diagnostic.Warning(DiagnosticCodes.ReportNotWritten, $"The report could not be written: {e.Message}", ReportPath));
        }
    }
}
