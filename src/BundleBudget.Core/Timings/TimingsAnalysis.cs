using System.Text;
using System.Text.Json;
using BundleBudget.Core.Analyses;
using BundleBudget.Core.Budgets;
using BundleBudget.Core.Diagnostics;
using BundleBudget.Core.Reports;

namespace BundleBudget.Core.Timings;

/// <summary>
/// Page timings measured in a real browser: the <c>timings</c> section, BB4001 to BB4003, the report's <c>timings</c>.
/// Runs when the host measures (it passes the browser), for the entry pages the timing budgets name (every page when
/// a budget names none, or when there is no timing budget).
/// </summary>
public sealed class TimingsAnalysis : Analysis<TimingsResult>
{
    public static TimingsAnalysis Instance { get; } = new();

    internal static BudgetSection<TimingSettings> Section { get; } = new("timings", TimingSettings.Default, TimingSettingsReader.Read);

    private TimingsAnalysis()
    {
    }

    public override string Title => "the page timings";

    public override AnalysisStage Stage => AnalysisStage.Output;

    internal override BudgetSection? SettingsSection => Section;

    public override IReadOnlyList<DiagnosticDescriptor> Descriptors => TimingsDiagnostics.Descriptors;

    internal override TimingsResult None => TimingsResult.None;

    internal override (TimingsResult Result, IReadOnlyList<Diagnostic> Diagnostics) Run(AnalysisContext context)
    {
        var regressionOnly = context.Budget.Budgets.Where(b => b.IsRegressionOnly).ToList();
        var notes = regressionOnly.Count == 0 ? [] : new List<Diagnostic>
        {
            new(TimingsDiagnostics.RegressionNotJudged, Severity.Info, $"{Count(regressionOnly.Count, "budget")} on a regression against the base branch only (\"maximumRegression\"): {(regressionOnly.Count == 1 ? "it is" : "they are")} judged by bundle-budget compare --measure BASE_DIR HEAD_DIR, not by a check of one build.", regressionOnly[0].Location.File, regressionOnly[0].Location.Line, regressionOnly[0].Location.Column),
        };
        var budgets = context.Budget.Budgets.Where(b => b.IsTiming && !b.IsRegressionOnly).ToList();
        if (context.Measure is not { } measure)
        {
            return budgets.Count == 0 ? (TimingsResult.None, notes)
                : (TimingsResult.None, [.. notes, Diagnostic.Warning(TimingsDiagnostics.MeasuringOff, $"{Count(budgets.Count, "timing budget")} not evaluated: measuring loads each page in a browser several times and takes seconds, so it is opt-in. Run bundle-budget check --measure, or build with -p:BundleBudgetMeasure=true.", budgets[0].Location)]);
        }

        var settings = context.Settings(Section);
        var device = measure.Device ?? settings.Device;
        var runs = measure.Runs ?? settings.Runs;
        var pages = PagesFor(budgets, context.Pages);
        var notMeasured = new Dictionary<string, string>(StringComparer.Ordinal);
        var diagnostics = new List<Diagnostic>(notes);
        var toMeasure = new List<PageToMeasure>();
        foreach (var page in pages)
        {
            var (urlPath, why) = Locate(page);
            why ??= context.ServedByManifest ? "the app serves this folder with files from elsewhere (its static web assets): measure the publish folder, which holds all it serves" : null;
            if (why is not null)
            {
                notMeasured[page.Path] = why;
                diagnostics.Add(Diagnostic.Warning(TimingsDiagnostics.PageNotMeasured, $"{page.Path} is not measured: {why}.", page.FullPath));
                continue;
            }

            toMeasure.Add(new PageToMeasure(page.Path, Path.Combine(context.OutputFolder, page.SiteRoot), urlPath!));
        }

        IReadOnlyList<MeasuredPage> measured = [];
        string? unavailable = null;
        if (toMeasure.Count > 0)
        {
            try
            {
                var request = new MeasureRequest(toMeasure, device, runs, settings.SpaFallback) { Interactivity = BudgetMetrics.NeedInteractivity(budgets) };
                measured = measure.Measurer.Measure(request, measure.Cancellation);
            }
            catch (OperationCanceledException) when (measure.Cancellation.IsCancellationRequested)
            {
                unavailable = "measuring was cancelled";
                diagnostics.Add(Diagnostic.Error(TimingsDiagnostics.CannotMeasure, $"Pages were not measured: measuring was cancelled.{(budgets.Count == 0 ? string.Empty : " Every timing budget is incomplete.")}", context.Budget.Path));
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                // No browser (what to install), or measuring broke: said as it is, never as "measuring is off".
                unavailable = e is MeasurementUnavailableException ? e.Message : $"measuring failed unexpectedly ({e.GetType().Name}: {e.Message}); please report this.";
                var budgetsNote = budgets.Count == 0 ? string.Empty : " Every timing budget is incomplete.";
                diagnostics.Add(Diagnostic.Error(TimingsDiagnostics.CannotMeasure, $"Pages cannot be measured: {unavailable}{budgetsNote}", context.Budget.Path));
            }
        }

        foreach (var failed in measured.Where(p => p.Failure is not null))
        {
            notMeasured[failed.Page] = failed.Failure!;
            diagnostics.Add(Diagnostic.Warning(TimingsDiagnostics.PageNotMeasured, $"{failed.Page} could not be measured: {failed.Failure}.", Path.Combine(context.OutputFolder, failed.Page)));
        }

        var result = new TimingsResult(measured.Where(p => p.Failure is null).ToList(), device, runs) { Unavailable = unavailable, NotMeasured = notMeasured };
        return (result, diagnostics);
    }

    private static string Count(int count, string noun) => count == 1 ? $"1 {noun} is" : $"{count} {noun}s are";

    /// <summary>Where a page loads from: its URL path inside the folder it is served from, or why it cannot be loaded from the output.</summary>
    internal static (string? UrlPath, string? WhyNot) Locate(Pages.EntryPage page) =>
        page.ServerRendered ? (null, "a server-rendered layout is made per request by the app: measure the page the app serves (a static HTML page of the output can be measured)")
        : !Pages.SiteLayout.IsInside(page.Path, page.SiteRoot) ? (null, "the page is not inside the folder it is served from (its \"siteRoot\"), so no URL loads it")
        : (page.SiteRoot.Length == 0 ? page.Path : page.Path[(page.SiteRoot.Length + 1)..], null);

    /// <summary>The pages a check of one build measures: those its timing budgets limit (by entry, by URL path, or every page).</summary>
    internal static List<Pages.EntryPage> PagesFor(IReadOnlyList<Budget> budgets, Pages.PageGraph pages)
    {
        if (budgets.Count == 0)
        {
            return pages.Pages.ToList();
        }

        var limited = budgets.SelectMany(b => Evaluation.BudgetEvaluator.PagesOf(b, pages)).ToHashSet();
        return pages.Pages.Where(limited.Contains).ToList();
    }

    internal override void WriteJson(Utf8JsonWriter json, TimingsResult result) => TimingsReport.WriteJson(json, result);

    internal override void WriteMarkdown(StringBuilder text, TimingsResult result) => TimingsReport.WriteMarkdown(text, result);

    internal override void WriteHtml(Reports.Html.HtmlBuilder html, TimingsResult result) => TimingsReport.WriteHtml(html, result);
}
