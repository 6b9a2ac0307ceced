using System.Security.Cryptography;
using System.Text;
using BundleBudget.Core;
using BundleBudget.Core.Compare;
using BundleBudget.Core.Diagnostics;
using BundleBudget.Core.Evaluation;
using BundleBudget.Core.Reports;
using BundleBudget.Core.Text;

namespace BundleBudget.Cli;

/// <summary><c>bundle-budget check</c>: runs the engine, prints the summary and diagnostics, writes the reports.</summary>
internal static class CheckCommand
{
    public static int Run(CheckArguments arguments)
    {
        if (arguments.BudgetFiles.Count > 1)
        {
            if (arguments.From is not null)
            {
                Console.Error.WriteLine("bundle-budget: --from checks one tool's config on its own: leave out the --budget options, or name the config in each budget.json's \"extends\".");
                return ExitCodes.BadInput;
            }

            return SolutionCommand.Run(arguments);
        }

        var result = new BudgetCheck(new CheckOptions(
            arguments.From ?? arguments.BudgetFile,
            arguments.Directory,
            DefaultOutputPath: "wwwroot",
            CachePath: arguments.CachePath ?? DefaultCachePath(arguments),
            BrotliForAll: arguments.Brotli,
            Strict: arguments.Strict) { Reports = arguments.Reports, StaticWebAssetsManifest = arguments.StaticWebAssets, StaticWebAssetsNamed = arguments.StaticWebAssets is not null, UseBudgetStaticWebAssets = true, Measure = Measuring.Options(arguments), FromPeerConfig = arguments.From is not null }).Run();
        Print(result, arguments.Quiet);
        foreach (var problem in result.Reports.Problems)
        {
            Console.Error.WriteLine(problem.ToString());
        }

        if (result.Reports.Comparison is { } comparison)
        {
            foreach (var line in ComparisonText.Summary(comparison, arguments.Baseline!))
            {
                Console.Out.WriteLine(line);
            }
        }

        if (Environment.GetEnvironmentVariable("BUNDLEBUDGET_TIMING") is "1" or "true")
        {
            PrintTimings(result);
        }

        if (GitHubActions.IsRunning(Environment.GetEnvironmentVariable))
        {
            var workspace = Environment.GetEnvironmentVariable("GITHUB_WORKSPACE");
            var (annotated, omitted) = PrintLimit.Apply(result.Diagnostics);
            foreach (var diagnostic in annotated)
            {
                Console.Out.WriteLine(GitHubActions.Annotation(diagnostic, workspace));
            }

            foreach (var line in omitted)
            {
                Console.Out.WriteLine(PlainText.Line(line));
            }

            WriteReport(Environment.GetEnvironmentVariable("GITHUB_STEP_SUMMARY"), path => GitHubActions.AppendStepSummary(path, MarkdownReportWriter.Render(result)));
        }

        return result.HasInputErrors ? ExitCodes.BadInput : result.Status == BudgetStatus.Error ? ExitCodes.OverBudget : ExitCodes.WithinBudget;
    }

    /// <summary>A file of the command's own that cannot be written is a warning on stderr: the exit code stays the same.</summary>
    public static void WriteReport(string? path, Action<string> write)
    {
        if (ReportOutputs.TryWrite(path, write) is { } problem)
        {
            Console.Error.WriteLine(problem.ToString());
        }
    }

    internal static void PrintTimings(CheckResult result)
    {
        foreach (var phase in result.Phases)
        {
            Console.Error.WriteLine(FormattableString.Invariant($"timing: {phase.Phase,-16} {phase.Elapsed.TotalMilliseconds,8:0.0} ms"));
        }

        if (result.Statistics is { } statistics)
        {
            Console.Error.WriteLine(FormattableString.Invariant($"timing: files read {statistics.FilesRead}, cached {statistics.CacheHits}, gzip {statistics.GzipComputed}, brotli {statistics.BrotliComputed}, {statistics.BytesRead / 1e6:0.0} MB read"));
        }

        Console.Error.WriteLine(FormattableString.Invariant($"timing: process {(DateTime.Now - System.Diagnostics.Process.GetCurrentProcess().StartTime).TotalMilliseconds:0} ms, peak working set {Environment.WorkingSet / 1e6:0} MB"));
    }

    internal static void Print(CheckResult result, bool quiet)
    {
        if (!quiet && result.Statistics is not null)
        {
            foreach (var line in SummaryTable.Lines(result))
            {
                Console.Out.WriteLine(line);
            }

            Console.Out.WriteLine();
        }

        var (shown, omitted) = PrintLimit.Apply(result.Diagnostics);
        foreach (var diagnostic in shown)
        {
            (diagnostic.Severity == Severity.Error ? Console.Error : Console.Out).WriteLine(diagnostic.ToString());
        }

        foreach (var line in omitted)
        {
            Console.Out.WriteLine(PlainText.Line(line));
        }

        Console.Out.WriteLine(PlainText.Line(SummaryTable.Headline(result)));
    }

    /// <summary>
    /// Beside the JSON report when there is one; else in the user's own cache folder, keyed by the budget file. Never a
    /// shared folder such as /tmp, where the first user to run would own the cache and another could plant sizes in it.
    /// Null (sizes kept in memory only) when the user has no cache folder.
    /// </summary>
    internal static string? DefaultCachePath(CheckArguments arguments)
    {
        if (arguments.JsonReport is { } json && !Core.IO.ReportFile.IsSpecial(Path.GetFullPath(json)) && !IsShared(Path.GetDirectoryName(Path.GetFullPath(json))!))
        {
            // Named after the report: two projects' reports in one folder keep their caches apart.
            return Path.ChangeExtension(Path.GetFullPath(json), ".cache.bin");
        }

        var folder = UserCacheFolder();
        if (folder is null)
        {
            return null;
        }

        var key = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(Path.GetFullPath(arguments.BudgetFile))))[..16];
        return Path.Combine(folder, "bundle-budget", $"{key}.json");
    }

    /// <summary>A folder others may write to (/tmp, a sticky shared folder): the cache never goes there, where another user could plant sizes.</summary>
    private static bool IsShared(string folder) =>
        !OperatingSystem.IsWindows() && Directory.Exists(folder) && (File.GetUnixFileMode(folder) & UnixFileMode.OtherWrite) != 0;

    /// <summary>$XDG_CACHE_HOME or ~/.cache on Linux, ~/Library/Caches on macOS, %LOCALAPPDATA% on Windows.</summary>
    internal static string? UserCacheFolder()
    {
        if (OperatingSystem.IsWindows())
        {
            return NonEmpty(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData));
        }

        var home = NonEmpty(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile)) ?? NonEmpty(Environment.GetEnvironmentVariable("HOME"));
        if (OperatingSystem.IsMacOS())
        {
            return home is null ? null : Path.Combine(home, "Library", "Caches");
        }

        var xdg = NonEmpty(Environment.GetEnvironmentVariable("XDG_CACHE_HOME"));
        return xdg is not null && Path.IsPathFullyQualified(xdg) ? xdg : home is null ? null : Path.Combine(home, ".cache");
    }

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
