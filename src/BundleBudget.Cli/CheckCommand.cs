using System.Security.Cryptography;
using System.Text;
using BundleBudget.Core;
using BundleBudget.Core.Diagnostics;
using BundleBudget.Core.Evaluation;
using BundleBudget.Core.Reports;

namespace BundleBudget.Cli;

/// <summary><c>bundle-budget check</c>: runs the engine, prints the summary and diagnostics, writes the reports.</summary>
internal static class CheckCommand
{
    public static int Run(CheckArguments arguments)
    {
        var result = BudgetCheck.Run(new CheckOptions(
            arguments.BudgetFile,
            arguments.Directory,
            DefaultOutputPath: "wwwroot",
            CachePath: arguments.CachePath ?? DefaultCachePath(arguments),
            BrotliForAll: arguments.Brotli));
        Print(result, arguments.Quiet);
        WriteReport(arguments.JsonReport, path => JsonReportWriter.Write(result, path));
        WriteReport(arguments.MarkdownReport, path => MarkdownReportWriter.Write(result, path));
        WriteReport(arguments.SarifReport, path => SarifWriter.Write(result, path));
        if (GitHubActions.IsRunning(Environment.GetEnvironmentVariable))
        {
            var workspace = Environment.GetEnvironmentVariable("GITHUB_WORKSPACE");
            foreach (var diagnostic in result.Diagnostics)
            {
                Console.Out.WriteLine(GitHubActions.Annotation(diagnostic, workspace));
            }

            WriteReport(Environment.GetEnvironmentVariable("GITHUB_STEP_SUMMARY"), path => GitHubActions.AppendStepSummary(path, MarkdownReportWriter.Render(result)));
        }

        return result.HasInputErrors ? ExitCodes.BadInput : result.Status == BudgetStatus.Error ? ExitCodes.OverBudget : ExitCodes.WithinBudget;
    }

    /// <summary>A report that cannot be written is a warning: the verdict (and the exit code) stays that of the budgets.</summary>
    public static void WriteReport(string? path, Action<string> write)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            return;
        }

        try
        {
            write(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            Console.Error.WriteLine(Diagnostic.Warning(DiagnosticCodes.ReportNotWritten, $"The report could not be written: {e.Message}", Path.GetFullPath(path)).ToString());
        }
    }

    private static void Print(CheckResult result, bool quiet)
    {
        if (!quiet && result.Statistics is not null)
        {
            foreach (var line in SummaryTable.Lines(result))
            {
                Console.Out.WriteLine(line);
            }

            Console.Out.WriteLine();
        }

        foreach (var diagnostic in result.Diagnostics)
        {
            (diagnostic.Severity == Severity.Error ? Console.Error : Console.Out).WriteLine(diagnostic.ToString());
        }

        Console.Out.WriteLine(SummaryTable.Headline(result));
    }

    private static string DefaultCachePath(CheckArguments arguments)
    {
        if (arguments.JsonReport is { } json)
        {
            return Path.Combine(Path.GetDirectoryName(Path.GetFullPath(json))!, "bundle-budget-cache.json");
        }

        var key = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(Path.GetFullPath(arguments.BudgetFile))))[..16];
        return Path.Combine(Path.GetTempPath(), "bundle-budget", $"{key}.json");
    }
}
