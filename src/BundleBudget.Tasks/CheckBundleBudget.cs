using BundleBudget.Core;
using BundleBudget.Core.Compare;
using BundleBudget.Core.Diagnostics;
using BundleBudget.Core.Reports;
using BundleBudget.Core.Text;
using Microsoft.Build.Framework;

namespace BundleBudget.Tasks;

/// <summary>Runs the budget check, logs every finding with its code and writes the JSON and Markdown reports.</summary>
public sealed class CheckBundleBudget : BundleBudgetTask, ICancelableTask
{
    private readonly CancellationTokenSource _cancellation = new();

    [Required]
    public string BudgetFile { get; set; } = string.Empty;

    /// <summary>The folder to check; overrides the budget's outputPath when set.</summary>
    public string? OutputPath { get; set; }

    /// <summary>The folder to check when neither OutputPath nor the budget names one.</summary>
    public string? DefaultOutputPath { get; set; }

    [Required]
    public string ReportPath { get; set; } = string.Empty;

    public string? MarkdownReportPath { get; set; }

    /// <summary>Where to write the findings as SARIF 2.1.0; none when empty.</summary>
    public string? SarifReportPath { get; set; }

    /// <summary>Where to write the HTML report (treemap and tables, one self-contained file); none when empty.</summary>
    public string? HtmlReportPath { get; set; }

    public string? CachePath { get; set; }

    public bool Brotli { get; set; }

    /// <summary>A budget that could not be fully measured (BB1007) is an error.</summary>
    public bool Strict { get; set; }

    /// <summary>A JSON report of an earlier build (the base branch's, say): the summary then shows what changed.</summary>
    public string? BaselineReport { get; set; }

    /// <summary>A regular expression of what else to take out of file names to pair them with the baseline's (bundlewatch's normalizeFilenames).</summary>
    public string? NormalizeFilenames { get; set; }

    /// <summary>Where to write the warnings of this check, for a later build that skips an unchanged check to repeat with MSBuild's own Warning task.</summary>
    public string? ReplayFile { get; set; }

    /// <summary>The project's properties that drive what ships, each "Name=Value" (empty values are left out).</summary>
    public string[]? ProjectProperties { get; set; }

    /// <summary>ASP.NET Core's static web assets runtime manifest: what the app serves, when the folder checked is its wwwroot.</summary>
    public string? StaticWebAssetsManifest { get; set; }

    /// <summary>Load the entry pages in a browser and evaluate the timing budgets (BundleBudgetMeasure): seconds per page, so off by default.</summary>
    public bool Measure { get; set; }

    /// <summary>The browser to measure with (BundleBudgetBrowser); empty finds an installed Chromium, Chrome or Edge.</summary>
    public string? Browser { get; set; }

    /// <summary>pass, warning or error.</summary>
    [Output]
    public string Status { get; private set; } = string.Empty;

    // The browser assembly (and PuppeteerSharp) is loaded only by a check that measures.
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private Core.Timings.MeasureOptions MeasureOptions() =>
        new(new BundleBudget.Browser.ChromiumPageMeasurer(string.IsNullOrWhiteSpace(Browser) ? null : Browser)) { Cancellation = _cancellation.Token };

    /// <summary>A cancelled build (Ctrl+C, an IDE's stop) stops measuring: the browser is closed and the timing budgets are incomplete.</summary>
    public void Cancel() => _cancellation.Cancel();

    protected override void ExecuteCore()
    {
        var result = new BudgetCheck(new CheckOptions(BudgetFile, OutputPath, DefaultOutputPath, CachePath, Brotli, Strict)
        {
            Reports = new ReportOptions(ReportPath, MarkdownReportPath, SarifReportPath, BaselineReport, NormalizeFilenames, HtmlReportPath),
            StaticWebAssetsManifest = string.IsNullOrWhiteSpace(StaticWebAssetsManifest) ? null : StaticWebAssetsManifest,
            Measure = Measure ? MeasureOptions() : null,
            ProjectProperties = (ProjectProperties ?? [])
                .Select(p => p.Split('=', 2))
                .Where(p => p.Length == 2 && p[0].Length > 0 && p[1].Length > 0)
                .GroupBy(p => p[0], StringComparer.OrdinalIgnoreCase)
                .ToDictionary(g => g.Key, g => g.Last()[1], StringComparer.OrdinalIgnoreCase),
        }).Run();
        LogDiagnostics(result.Diagnostics);
        foreach (var problem in result.Reports.Problems)
        {
            LogHostWarning(problem);
        }

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

        LogComparison(result.Reports.Comparison);
        Status = result.Status.ToString().ToLowerInvariant();
        WriteReplay(result);
    }

    /// <summary>The warnings as logged (at most <see cref="PrintLimit.PerCode"/> of one code, then a line with the rest), for the next skipped build.</summary>
    private void WriteReplay(CheckResult result)
    {
        if (string.IsNullOrWhiteSpace(ReplayFile))
        {
            return;
        }

        var warnings = result.Diagnostics.Where(d => d.Severity == Severity.Warning).Concat(_hostWarnings).ToList();
        var (shown, omitted) = PrintLimit.Apply(warnings);
        var props = new GeneratedProps()
            .Property("_BundleBudgetLastCheck", PlainText.Line($"BundleBudget: unchanged since the last check ({warnings.Count} {(warnings.Count == 1 ? "warning" : "warnings")} repeated). Report: {ReportPath}"));
        var index = 0;
        foreach (var warning in shown)
        {
            props.Item(
                "_BundleBudgetLastWarning",
                (++index).ToString(System.Globalization.CultureInfo.InvariantCulture),
                ("Code", warning.Code),
                ("File", warning.File is null ? string.Empty : PlainText.EscapeControl(warning.File)),
                ("Line", warning.Line.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                ("Column", warning.Column.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                ("Text", PlainText.EscapeControl(warning.Message)));
        }

        foreach (var line in omitted)
        {
            props.Item("_BundleBudgetLastNote", (++index).ToString(System.Globalization.CultureInfo.InvariantCulture), ("Text", PlainText.Line(line)));
        }

        try
        {
            props.Write(ReplayFile!);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
        {
            // Without it the next build runs the check again (the file is one of the check's outputs).
            TryDelete(ReplayFile!);
            LogDiagnostic(Diagnostic.Warning(DiagnosticCodes.ReportNotWritten, $"The warnings to repeat on an unchanged build could not be written ({e.Message}); the next build checks again.", ReplayFile));
        }
    }

    /// <summary>Warnings of this task itself (a report not written, a baseline not read): logged, and repeated on a skipped build like the check's own.</summary>
    private readonly List<Diagnostic> _hostWarnings = [];

    private void LogHostWarning(Diagnostic warning)
    {
        _hostWarnings.Add(warning);
        LogDiagnostic(warning);
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Left as it was, it would repeat an older check's warnings; a missing one only costs a check.
        }
    }

    private void LogComparison(ReportComparison? comparison)
    {
        if (comparison is null)
        {
            return;
        }

        foreach (var line in ComparisonText.Summary(comparison, BaselineReport!))
        {
            Log.LogMessage(MessageImportance.High, line);
        }
    }
}
