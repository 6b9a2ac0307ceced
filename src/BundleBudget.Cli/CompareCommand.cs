using BundleBudget.Core.Compare;
using BundleBudget.Core.Reports;
using BundleBudget.Core.Text;

namespace BundleBudget.Cli;

/// <summary><c>bundle-budget compare</c>: the change between a base and a head report, as a pull-request comment.</summary>
internal static class CompareCommand
{
    public static int Run(CompareArguments arguments)
    {
        if (arguments.Measure)
        {
            return MeasuredCompare.Run(arguments);
        }

        ReportSnapshot head;
        ReportSnapshot? baseReport = null;
        try
        {
            head = ReportSnapshot.Read(arguments.HeadReport);
            if (arguments.BaseReport is { } basePath)
            {
                if (File.Exists(basePath))
                {
                    baseReport = ReportSnapshot.Read(basePath);
                }
                else
                {
                    Console.Error.WriteLine($"bundle-budget: no base report at {Path.GetFullPath(basePath)}; showing the head report alone.");
                }
            }
        }
        catch (Exception e) when (e is InvalidDataException or IOException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine($"bundle-budget: error BB9006: {e.Message}");
            return ExitCodes.BadInput;
        }

        var threshold = new NoiseThreshold(arguments.ThresholdPercent, arguments.ThresholdBytes);
        var comparison = ReportComparer.Compare(baseReport, head, threshold, arguments.NormalizeFilenames is { Length: > 0 } pattern ? FileNamePattern.Parse(pattern) : null);
        Publish(ComparisonMarkdownWriter.Render(comparison, threshold), arguments, path => ComparisonJsonWriter.Write(comparison, path));
        return ExitCodes.WithinBudget;
    }

    /// <summary>The comment printed, written where asked and added to the GitHub Actions step summary; the JSON written where asked.</summary>
    internal static void Publish(string markdown, CompareArguments arguments, Action<string> writeJson)
    {
        foreach (var line in markdown.Split('\n'))
        {
            Console.Out.WriteLine(PlainText.Line(line.TrimEnd('\r')));
        }

        CheckCommand.WriteReport(arguments.MarkdownReport, path => File.WriteAllText(path, markdown));
        CheckCommand.WriteReport(arguments.JsonReport, writeJson);
        if (GitHubActions.IsRunning(Environment.GetEnvironmentVariable))
        {
            CheckCommand.WriteReport(Environment.GetEnvironmentVariable("GITHUB_STEP_SUMMARY"), path => GitHubActions.AppendStepSummary(path, markdown));
        }
    }
}
