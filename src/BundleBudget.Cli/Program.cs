using System.Security.Cryptography;
using System.Text;
using BundleBudget.Cli;
using BundleBudget.Core;
using BundleBudget.Core.Diagnostics;
using BundleBudget.Core.Evaluation;
using BundleBudget.Core.Reports;

return Run(args);

static int Run(string[] args)
{
    const int WithinBudget = 0, OverBudget = 1, BadInput = 2;
    if (args.Length == 0 || args[0] is "-h" or "--help" or "help")
    {
        Console.Out.WriteLine(CommandLine.Usage);
        return args.Length == 0 ? BadInput : WithinBudget;
    }

    if (args[0] == "--version")
    {
        Console.Out.WriteLine(CheckResult.ToolVersion);
        return WithinBudget;
    }

    if (args[0] == "check" && args.Skip(1).Any(a => a is "-h" or "--help"))
    {
        Console.Out.WriteLine(CommandLine.Usage);
        return WithinBudget;
    }

    if (args[0] != "check")
    {
        Console.Error.WriteLine($"Unknown command '{args[0]}'.");
        Console.Error.WriteLine(CommandLine.Usage);
        return BadInput;
    }

    CheckArguments arguments;
    try
    {
        arguments = CommandLine.ParseCheck(args.Skip(1).ToList());
    }
    catch (UsageException e)
    {
        Console.Error.WriteLine(e.Message);
        Console.Error.WriteLine(CommandLine.Usage);
        return BadInput;
    }

    try
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
        return result.HasInputErrors ? BadInput : result.Status == BudgetStatus.Error ? OverBudget : WithinBudget;
    }
    catch (Exception e)
    {
        Console.Error.WriteLine($"bundle-budget: error {DiagnosticCodes.InternalError}: BundleBudget failed unexpectedly; please report this. {e}");
        return BadInput;
    }
}

// A report that cannot be written is a warning: the verdict (and the exit code) stays that of the budgets.
static void WriteReport(string? path, Action<string> write)
{
    if (path is null)
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

static void Print(CheckResult result, bool quiet)
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

static string DefaultCachePath(CheckArguments arguments)
{
    if (arguments.JsonReport is { } json)
    {
        return Path.Combine(Path.GetDirectoryName(Path.GetFullPath(json))!, "bundle-budget-cache.json");
    }

    var key = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(Path.GetFullPath(arguments.BudgetFile))))[..16];
    return Path.Combine(Path.GetTempPath(), "bundle-budget", $"{key}.json");
}
