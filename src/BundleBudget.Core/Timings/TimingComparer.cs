using BundleBudget.Core.Budgets;
using BundleBudget.Core.Diagnostics;
using BundleBudget.Core.Evaluation;
using BundleBudget.Core.Pages;

namespace BundleBudget.Core.Timings;

/// <summary>What compare --measure is given: the budget file (entries, timings settings, regression budgets), the two output folders, the measurer and the host's overrides.</summary>
public sealed record TimingCompareOptions(string BudgetFile, string BaseFolder, string HeadFolder, IPageMeasurer Measurer)
{
    public int? Runs { get; init; }

    public TimingDevice? Device { get; init; }

    /// <summary>The confidence of the intervals, such as 0.95.</summary>
    public double Confidence { get; init; } = 0.95;

    public CancellationToken Cancellation { get; init; }
}

/// <summary>
/// Measures a base and a head build's entry pages in one browser, interleaved (base, head, base, head, ...) so that what
/// drifts on the machine falls on both, and judges each regression budget: it fails only when the metric got worse by
/// more than the budget allows at the interval's near end, so that run-to-run noise never fails a pull request.
/// </summary>
public static class TimingComparer
{
    public static TimingComparison Compare(TimingCompareOptions options)
    {
        var baseFolder = Path.TrimEndingDirectorySeparator(Path.GetFullPath(options.BaseFolder));
        var headFolder = Path.TrimEndingDirectorySeparator(Path.GetFullPath(options.HeadFolder));
        var head = BudgetCheck.Run(new CheckOptions(options.BudgetFile, OutputPath: headFolder));
        var diagnostics = head.Diagnostics.Where(d => d.Code.StartsWith("BB9", StringComparison.Ordinal) && d.Severity == Severity.Error).ToList();
        if (!Directory.Exists(baseFolder))
        {
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.OutputFolderNotFound, $"The base build's folder {baseFolder} does not exist.", options.BudgetFile));
        }

        if (head.BudgetFile is not { } budgetFile || diagnostics.Count > 0)
        {
            return new TimingComparison(baseFolder, headFolder, TimingDevice.Mobile, 0, options.Confidence, [], [], diagnostics);
        }

        var settings = budgetFile.Settings(TimingsAnalysis.Section);
        var device = options.Device ?? settings.Device;
        var runs = options.Runs ?? settings.Runs;
        var regressionBudgets = budgetFile.Budgets.Where(b => b.IsTiming && b.MaximumRegression is not null).ToList();
        var notCompared = new Dictionary<string, string>(StringComparer.Ordinal);
        var toMeasure = new List<PageToMeasure>();
        foreach (var page in TimingsAnalysis.PagesFor(regressionBudgets, head.Pages))
        {
            var (urlPath, why) = TimingsAnalysis.Locate(page);
            why ??= File.Exists(Path.Combine(baseFolder, page.Path)) ? null : "the base build has no such page";
            if (why is not null)
            {
                notCompared[page.Path] = why;
                continue;
            }

            toMeasure.Add(new PageToMeasure("base|" + page.Path, Path.Combine(baseFolder, page.SiteRoot), urlPath!));
            toMeasure.Add(new PageToMeasure("head|" + page.Path, Path.Combine(headFolder, page.SiteRoot), urlPath!));
        }

        IReadOnlyList<MeasuredPage> measured = [];
        if (toMeasure.Count > 0)
        {
            try
            {
                measured = options.Measurer.Measure(new MeasureRequest(toMeasure, device, runs, settings.SpaFallback) { Interleave = true, Interactivity = BudgetMetrics.NeedInteractivity(regressionBudgets) }, options.Cancellation);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                var reason = e is MeasurementUnavailableException ? e.Message
                    : e is OperationCanceledException && options.Cancellation.IsCancellationRequested ? "measuring was cancelled."
                    : $"measuring failed unexpectedly ({e.GetType().Name}: {e.Message}); please report this.";
                diagnostics.Add(Diagnostic.Error(TimingsDiagnostics.CannotMeasure, $"Pages cannot be measured: {reason}", options.BudgetFile));
                return new TimingComparison(baseFolder, headFolder, device, runs, options.Confidence, [], [], diagnostics);
            }
        }

        var byKey = measured.ToDictionary(m => m.Page, StringComparer.Ordinal);
        var pages = new List<PageComparison>();
        foreach (var path in toMeasure.Where(p => p.Page.StartsWith("head|", StringComparison.Ordinal)).Select(p => p.Page[5..]))
        {
            var (before, after) = (byKey["base|" + path], byKey["head|" + path]);
            if ((before.Failure ?? after.Failure) is { } failure)
            {
                notCompared[path] = $"{(before.Failure is not null ? "base" : "head")}: {failure}";
                continue;
            }

            var changes = Enum.GetValues<BudgetMetric>()
                .Select(m => (Metric: m, Change: MedianChange.Of(before.Samples.GetValueOrDefault(m, []), after.Samples.GetValueOrDefault(m, []), options.Confidence)))
                .Where(c => c.Change is not null)
                .ToDictionary(c => c.Metric, c => c.Change!);
            pages.Add(new PageComparison(path, changes, null));
        }

        pages.AddRange(notCompared.Select(n => new PageComparison(n.Key, new Dictionary<BudgetMetric, MedianChange>(), n.Value)));
        var verdicts = regressionBudgets.SelectMany(b => Judge(b, head.Pages, pages, runs)).ToList();
        diagnostics.AddRange(verdicts.Where(v => v.Status == BudgetStatus.Error).Select(v => Diagnostic.Error(TimingsDiagnostics.Regressed, v.Message, v.Budget.Location)));
        return new TimingComparison(baseFolder, headFolder, device, runs, options.Confidence, pages, verdicts, diagnostics);
    }

    private static IEnumerable<RegressionVerdict> Judge(Budget budget, PageGraph graph, IReadOnlyList<PageComparison> pages, int runs)
    {
        var metric = budget.Metric!.Value;
        var limit = budget.MaximumRegression!;
        var limited = budget.Entry is { } entry ? graph.Find(entry) is { } found ? [found.Path] : [entry] : graph.Pages.Select(p => p.Path).ToList();
        foreach (var path in limited)
        {
            var page = pages.FirstOrDefault(p => p.Page == path);
            if (page is null || page.NotCompared is not null || !page.Changes.TryGetValue(metric, out var change))
            {
                var why = page?.NotCompared ?? (page is null ? "it is not an entry page of the head build" : $"no run reported its {metric.WireName()}");
                yield return new RegressionVerdict(budget, path, null, BudgetStatus.Incomplete, $"Budget '{budget.Label}' could not judge {path}: {why}.");
                continue;
            }

            // A score regresses downwards: the regression is the drop, its interval the change's mirrored.
            var (regression, nearEnd) = metric == BudgetMetric.Score ? (-change.Difference, -change.High) : (change.Difference, change.Low);
            var allowed = limit.Allowed(change.BaseMedian);
            var interval = $"{(int)Math.Round(change.Confidence * 100)}% interval {Signed(metric, change.Low)} to {Signed(metric, change.High)}";
            var what = $"{path}'s {metric.WireName()} went from {metric.Format(change.BaseMedian)} to {metric.Format(change.HeadMedian)} (median of {runs} interleaved runs each, {Signed(metric, change.Difference)}; {interval})";
            if (nearEnd > allowed)
            {
                yield return new RegressionVerdict(budget, path, change, BudgetStatus.Error, $"Budget '{budget.Label}' regressed: {what}, more than the {limit.Describe(metric)} maximumRegression allows even at the interval's near end.");
            }
            else
            {
                var noise = nearEnd <= 0 ? "within the noise" : $"worse, but not surely by more than {limit.Describe(metric)}";
                yield return new RegressionVerdict(budget, path, change, BudgetStatus.Pass, $"Budget '{budget.Label}': {what}: {(regression <= 0 ? "no regression" : noise)}.");
            }
        }
    }

    internal static string Signed(BudgetMetric metric, double value)
    {
        // Rounded as shown first, so that -0.3 ms reads +0 ms, not -0 ms.
        var shown = metric switch { BudgetMetric.Cls => Math.Round(value, 3), BudgetMetric.Score => Math.Round(value), _ => Math.Round(value) };
        return (shown >= 0 ? "+" : "-") + metric.Format(Math.Abs(shown));
    }
}
