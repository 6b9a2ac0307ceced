using System.Globalization;
using BundleBudget.Core.Assets;
using BundleBudget.Core.Budgets;
using BundleBudget.Core.Diagnostics;
using BundleBudget.Core.Pages;
using BundleBudget.Core.Timings;

namespace BundleBudget.Core.Evaluation;

/// <summary>Timing budgets: each page's median of the metric over its runs against the limit (the score against its minimum).</summary>
public static partial class BudgetEvaluator
{
    private static BudgetResult EvaluateTiming(Budget budget, PageGraph pages, TimingsResult timings, Context context)
    {
        var metric = budget.Metric!.Value;
        var limited = PagesOf(budget, pages);
        var unmeasured = new List<Unmeasured>();
        unmeasured.AddRange(PagesWithoutUrl(budget, pages));
        if (limited.Count == 0 && unmeasured.Count == 0 && pages.MissingEntries.Count == 0 && NoPageAtPath(budget, pages) is { } noPage)
        {
            context.Diagnostics.Add(Diagnostic.Warning(DiagnosticCodes.BudgetMatchedNothing, noPage, budget.Location));
        }
        else if (limited.Count == 0)
        {
            unmeasured.Add(budget.Entry is { } entry
                ? new Unmeasured(entry, "the entry page is not in the output folder (or not an entry: check \"entries\")")
                : new Unmeasured("entry pages", "the output folder has no entry page to measure"));
        }

        var offenders = new List<OffendingFile>();
        long? worst = null;
        foreach (var page in limited)
        {
            if (timings.WhyNotMeasured(page.Path) is { } why)
            {
                unmeasured.Add(new Unmeasured(page.Path, why));
                continue;
            }

            var measuredPage = timings.Find(page.Path)!;
            if (!measuredPage.Metrics.TryGetValue(metric, out var summary) || summary.Runs < measuredPage.Runs)
            {
                // A metric some runs did not report is the median of the others: not the page's.
                unmeasured.Add(new Unmeasured(page.Path, summary is null ? $"no run reported its {Describe(metric)}" : $"only {summary.Runs} of {measuredPage.Runs} runs reported its {Describe(metric)}"));
                continue;
            }

            var actual = metric.ToComparedValue(summary.Median);
            worst = worst is null ? actual : metric == BudgetMetric.Score ? Math.Min(worst.Value, actual) : Math.Max(worst.Value, actual);
            var status = StatusOf(budget, actual);
            if (status == BudgetStatus.Pass)
            {
                continue;
            }

            var pageAsset = context.AssetsByPath.GetValueOrDefault(page.Path) ?? new Asset(page.Path, page.FullPath ?? page.Path, AssetType.Document, 0);
            offenders.Add(new OffendingFile(pageAsset, actual, status));
            context.Diagnostics.Add(TimingExceeded(budget, metric, status, page.Path, pageAsset.FullPath, summary, timings));
        }

        var worstStatus = offenders.Count == 0 ? BudgetStatus.Pass : offenders.Max(o => o.Status);
        var result = new BudgetResult(budget, worstStatus, worst ?? 0, limited.Count - unmeasured.Count(u => limited.Any(p => p.Path == u.Path)), offenders,
            timings.Off || timings.Unavailable is not null ? "(not measured)" : $"(median of {timings.Runs} {(timings.Runs == 1 ? "run" : "runs")}, {timings.Device.ToString().ToLowerInvariant()})");
        return Incomplete(result, unmeasured, context);
    }

    private static Diagnostic TimingExceeded(Budget budget, BudgetMetric metric, BudgetStatus status, string page, string file, MetricSummary summary, TimingsResult timings)
    {
        var isError = status == BudgetStatus.Error;
        var limit = (isError ? budget.MaximumError : budget.MaximumWarning)!;
        var name = metric == BudgetMetric.Score ? (isError ? "minimumError" : "minimumWarning") : (isError ? "maximumError" : "maximumWarning");
        var actual = metric.ToComparedValue(summary.Median);
        var runs = summary.Runs == 1 ? "in its one run" : $"median of {summary.Runs} runs, {metric.Format(summary.Min)} to {metric.Format(summary.Max)}";
        var device = timings.Device.ToString().ToLowerInvariant();
        var message = metric == BudgetMetric.Score
            ? $"Budget '{budget.Label}' not met: {page}'s performance score is {actual} ({runs}, {device}), {limit.Text} ({name}) by {limit.Value - actual}."
            : $"Budget '{budget.Label}' exceeded: {page}'s {Describe(metric)} is {metric.Format(summary.Median)} ({runs}, {device}), limit {limit.Text} ({name}), over by {budget.Format(actual - limit.Value)}{(limit.Value == 0 ? string.Empty : string.Create(CultureInfo.InvariantCulture, $" (+{(actual - limit.Value) * 100.0 / limit.Value:0.0}%)"))}.";
        return isError
            ? Diagnostic.Error(DiagnosticCodes.BudgetErrorExceeded, message, file)
            : Diagnostic.Warning(DiagnosticCodes.BudgetWarningExceeded, message, file);
    }

    private static string Describe(BudgetMetric metric) => metric switch
    {
        BudgetMetric.Fcp => "First Contentful Paint",
        BudgetMetric.Lcp => "Largest Contentful Paint",
        BudgetMetric.Cls => "Cumulative Layout Shift",
        BudgetMetric.Tbt => "Total Blocking Time",
        BudgetMetric.Tti => "Time to Interactive",
        BudgetMetric.Load => "load event",
        _ => "performance score",
    };
}
