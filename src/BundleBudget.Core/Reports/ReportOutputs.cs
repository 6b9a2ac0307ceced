using BundleBudget.Core.Compare;
using BundleBudget.Core.Diagnostics;

namespace BundleBudget.Core.Reports;

/// <summary>
/// The reports of a check, as every host offers them: the CLI maps its options to it, the MSBuild task its properties.
/// Null or blank is not written.
/// </summary>
/// <param name="Json">The JSON report (schema version 1).</param>
/// <param name="Markdown">The Markdown summary, for a pull-request comment.</param>
/// <param name="Sarif">The findings as SARIF 2.1.0.</param>
/// <param name="Baseline">A JSON report of an earlier check (the base branch's): what changed since is worked out in memory.</param>
/// <param name="NormalizeFilenames">A regular expression of what else to take out of file names to pair them with the baseline's.</param>
/// <param name="Html">The HTML report: one self-contained page with the treemap of what ships and every table.</param>
public sealed record ReportOptions(string? Json = null, string? Markdown = null, string? Sarif = null, string? Baseline = null, string? NormalizeFilenames = null, string? Html = null);

/// <summary>What writing the reports came to: the reports that could not be written or read, and the change since the baseline.</summary>
public sealed record ReportsWritten(IReadOnlyList<Diagnostic> Problems, ReportComparison? Comparison);

public static class ReportOutputs
{
    /// <summary>
    /// Writes every report asked for. A report that cannot be written, or a baseline that cannot be read, is a warning
    /// (BB9031, BB9006): the verdict stays that of the budgets, and the other reports are still written.
    /// </summary>
    public static ReportsWritten Write(CheckResult result, ReportOptions options, NoiseThreshold? threshold = null)
    {
        // The baseline is read first: it may be the report this check replaces ("what changed since the last build").
        var problems = new List<Diagnostic>();
        var comparison = CompareWithBaseline(result, options, threshold ?? new NoiseThreshold(), problems);
        if (SharedPath.Owner(options.Json, SharedPath.ReportOwner) is { } other && !SharedPath.Same(other, result.BudgetFilePath))
        {
            problems.Add(SharedPath.Warning("report", options.Json!, other, result.BudgetFilePath));
        }

        Write(options.Json, path => JsonReportWriter.Write(result, path), problems, "JSON report");
        Write(options.Markdown, path => MarkdownReportWriter.Write(result, path), problems, "Markdown summary");
        Write(options.Sarif, path => SarifWriter.Write(result, path), problems, "SARIF report");
        Write(options.Html, path => Html.HtmlReportWriter.Write(result, comparison, path), problems, "HTML report");
        return new ReportsWritten(problems, comparison);
    }

    private static ReportComparison? CompareWithBaseline(CheckResult result, ReportOptions options, NoiseThreshold threshold, List<Diagnostic> problems)
    {
        var baseline = options.Baseline;
        if (string.IsNullOrWhiteSpace(baseline) || result.BudgetFile is null)
        {
            return null;
        }

        var normalize = FileNamePattern.TryParse(options.NormalizeFilenames, out var badPattern);
        if (badPattern is not null)
        {
            problems.Add(Diagnostic.Warning(DiagnosticCodes.InvalidValue, $"The file-name pattern for the baseline comparison is ignored: {badPattern}"));
        }

        try
        {
            // No baseline yet (the first build of a branch): the head alone, every file new.
            var baseReport = File.Exists(baseline) ? ReportSnapshot.Read(baseline) : null;
            return ReportComparer.Compare(baseReport, ReportSnapshot.From(result), threshold, normalize);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // Whatever a damaged or forged baseline does, it is information only: it never costs the check its result.
            var why = e is InvalidDataException or IOException or UnauthorizedAccessException ? e.Message : $"{e.GetType().Name}: {e.Message}";
            problems.Add(Diagnostic.Warning(DiagnosticCodes.BudgetFileNotFound, $"The baseline report cannot be read: {why}", SafeFullPath(baseline)));
            return null;
        }
    }

    private static void Write(string? path, Action<string> write, List<Diagnostic> problems, string kind)
    {
        if (TryWrite(path, write, kind) is { } problem)
        {
            problems.Add(problem);
        }
    }

    /// <summary>
    /// Writes one file of a host's (a report, a comment, the step summary), if a path is given; one that cannot be
    /// written is warning BB9031, returned, never thrown: the verdict stays that of the budgets.
    /// </summary>
    public static Diagnostic? TryWrite(string? path, Action<string> write, string kind = "report")
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            return null;
        }

        try
        {
            write(path);
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return Diagnostic.Warning(DiagnosticCodes.ReportNotWritten, $"The {kind} could not be written to {path}: {e.Message}", SafeFullPath(path));
        }
    }

    /// <summary>The path in full for a diagnostic; as given when it is not a valid path at all.</summary>
    private static string SafeFullPath(string path)
    {
        try
        {
            return Path.GetFullPath(path);
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException)
        {
            return path;
        }
    }
}
