using BundleBudget.Core;
using BundleBudget.Core.Evaluation;
using BundleBudget.Core.Reports;
using BundleBudget.Core.Text;

namespace BundleBudget.Cli;

/// <summary>
/// <c>bundle-budget check --budget a/budget.json --budget b/budget.json</c>: each project checked on its own, one after
/// another, as a solution's CI step wants them: each printed under its budget file, one Markdown comment with a section
/// per project, one JSON document whose <c>projects</c> are their reports. The exit code is the worst of them.
/// </summary>
internal static class SolutionCommand
{
    public static int Run(CheckArguments arguments)
    {
        // What names one folder or one file cannot serve several projects.
        var single = new (string? Value, string Option)[]
        {
            (arguments.Directory, "--dir"), (arguments.StaticWebAssets, "--static-web-assets"), (arguments.SarifReport, "--sarif"),
            (arguments.HtmlReport, "--html"), (arguments.Baseline, "--baseline"), (arguments.CachePath, "--cache"),
        }.Where(o => o.Value is not null).Select(o => o.Option).ToList();
        if (single.Count > 0)
        {
            Console.Error.WriteLine($"bundle-budget: {string.Join(", ", single)} name{(single.Count == 1 ? "s" : string.Empty)} one project's folder or file, and there are {arguments.BudgetFiles.Count} budget files: set \"outputPath\" in each budget.json, or check each project on its own.");
            return ExitCodes.BadInput;
        }

        var duplicate = arguments.BudgetFiles.GroupBy(Path.GetFullPath).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            Console.Error.WriteLine($"bundle-budget: {duplicate.Key} is given more than once.");
            return ExitCodes.BadInput;
        }

        var results = new List<CheckResult>();
        foreach (var budgetFile in arguments.BudgetFiles)
        {
            Console.Out.WriteLine(PlainText.Line($"== {budgetFile}"));
            var projectArguments = arguments with { BudgetFile = budgetFile, JsonReport = null, MarkdownReport = null };
            var result = new BudgetCheck(new CheckOptions(
                budgetFile,
                DefaultOutputPath: Path.Combine(Path.GetDirectoryName(Path.GetFullPath(budgetFile))!, "wwwroot"),
                CachePath: CheckCommand.DefaultCachePath(projectArguments),
                BrotliForAll: arguments.Brotli,
                Strict: arguments.Strict) { UseBudgetStaticWebAssets = true, Measure = Measuring.Options(arguments) }).Run();
            CheckCommand.Print(result, arguments.Quiet);
            if (Environment.GetEnvironmentVariable("BUNDLEBUDGET_TIMING") is "1" or "true")
            {
                CheckCommand.PrintTimings(result);
            }

            Console.Out.WriteLine();
            results.Add(result);
        }

        CheckCommand.WriteReport(arguments.JsonReport, path => SolutionReport.WriteJson(results, path));
        CheckCommand.WriteReport(arguments.MarkdownReport, path => SolutionReport.WriteMarkdown(results, path));
        if (GitHubActions.IsRunning(Environment.GetEnvironmentVariable))
        {
            var workspace = Environment.GetEnvironmentVariable("GITHUB_WORKSPACE");
            foreach (var result in results)
            {
                var (annotated, omitted) = PrintLimit.Apply(result.Diagnostics);
                foreach (var diagnostic in annotated)
                {
                    Console.Out.WriteLine(GitHubActions.Annotation(diagnostic, workspace));
                }

                foreach (var line in omitted)
                {
                    Console.Out.WriteLine(PlainText.Line(line));
                }
            }

            CheckCommand.WriteReport(Environment.GetEnvironmentVariable("GITHUB_STEP_SUMMARY"), path => GitHubActions.AppendStepSummary(path, SolutionReport.RenderMarkdown(results)));
        }

        Console.Out.WriteLine(PlainText.Line($"BundleBudget: {SolutionReport.Verdict(results)}."));
        return results.Any(r => r.HasInputErrors) ? ExitCodes.BadInput
            : results.Any(r => r.Status == BudgetStatus.Error) ? ExitCodes.OverBudget
            : ExitCodes.WithinBudget;
    }
}
