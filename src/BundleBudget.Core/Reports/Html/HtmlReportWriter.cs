using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using BundleBudget.Core.Analyses;
using BundleBudget.Core.Budgets;
using BundleBudget.Core.Compare;
using BundleBudget.Core.Evaluation;

namespace BundleBudget.Core.Reports.Html;

/// <summary>
/// The HTML report: one self-contained page (its style, script and data inline; a content security policy that lets it
/// load nothing), so it opens offline and as a CI artifact. The tables are written here and read without script; the
/// treemap is drawn by the page's script from the data written beside it (<see cref="TreemapData"/>).
/// </summary>
public static class HtmlReportWriter
{
    private const int MaxGapsPerBudget = 10;

    public static void Write(CheckResult result, ReportComparison? comparison, string path) =>
        IO.ReportFile.Write(path, stream =>
        {
            var bytes = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetBytes(Render(result, comparison));
            stream.Write(bytes);
        });

    public static string Render(CheckResult result, ReportComparison? comparison)
    {
        var html = new HtmlBuilder();
        var verdict = SummaryTable.Verdict(result);
        var status = OverallStatus(result);
        html.Markup("<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n")
            .Markup("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:\">\n")
            .Markup("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>").Text($"BundleBudget: {verdict}").Markup("</title>\n<style>")
            .Markup(Resource("report.css")).Markup("</style></head>\n<body>\n<header><h1>BundleBudget <span class=\"badge s-").Markup(status).Markup("\">")
            .Text(verdict).Markup("</span></h1>\n<p class=\"meta\">")
            .Text($"{result.ErrorCount} errors, {result.WarningCount} warnings. Output folder: {result.OutputFolder ?? "-"}. Budget file: {result.BudgetFilePath}. BundleBudget {CheckResult.ToolVersion}.")
            .Markup("</p>\n</header>\n<main>\n");

        WriteTreemap(html, result, comparison);
        WriteBudgets(html, result);
        WriteChanges(html, comparison, result);
        WritePages(html, result);
        foreach (var analysis in AnalysisRegistry.All)
        {
            analysis.WriteHtml(html, result.Analyses.Of(analysis));
        }

        WriteDiagnostics(html, result);
        WriteTypes(html, result);
        html.Markup("<p class=\"meta\">Sizes in SI units: 1 kB = 1000 bytes.</p>\n</main>\n<script type=\"application/json\" id=\"bb-data\">")
            .Markup(Data(result, comparison)).Markup("</script>\n<script>").Markup(Resource("report.js")).Markup("</script>\n</body></html>\n");
        return html.ToString();
    }

    private static void WriteTreemap(HtmlBuilder html, CheckResult result, ReportComparison? comparison)
    {
        html.StartSection("treemap", "What ships")
            .Paragraph(result.Pages.Pages.Count > 0
                ? "Each entry page's first load and what it loads later, then each file, the npm packages in it and their modules (from the source maps). Pick a page, a size, and click a block to zoom in."
                : "Every file counted, by type, then the npm packages in each bundle and their modules (from the source maps). Click a block to zoom in.")
            .Markup("<div class=\"controls\"><label>View <select id=\"bb-view\"></select></label>\n")
            .Markup("<fieldset id=\"bb-compression\"><legend>Size</legend></fieldset>\n");
        if (comparison is { HasBase: true })
        {
            html.Markup("<fieldset id=\"bb-mode\"><legend>Colour</legend><label><input type=\"radio\" name=\"bb-mode\" value=\"status\" checked> budget status</label>")
                .Markup("<label><input type=\"radio\" name=\"bb-mode\" value=\"diff\"> change since the base</label></fieldset>\n");
        }

        html.Markup("<button type=\"button\" id=\"bb-toggle\" aria-pressed=\"false\">Show as a table</button></div>\n")
            .Markup("<nav id=\"bb-crumbs\" aria-label=\"Zoom level\"></nav>\n<div id=\"bb-map\" role=\"group\" aria-label=\"Treemap\"></div>\n")
            .Markup("<div id=\"bb-table\" hidden></div>\n<div id=\"bb-tip\" role=\"status\" aria-live=\"polite\">Hover over or focus a block for its path, its sizes and its share.</div>\n")
            .Markup("<ul class=\"legend\" id=\"bb-legend\"><li><span class=\"swatch s-error\"></span>over a budget</li><li><span class=\"swatch s-warning\"></span>over a warning</li>")
            .Markup("<li><span class=\"swatch s-incomplete\"></span>budget incomplete</li><li><span class=\"swatch s-pass\"></span>within budget</li><li><span class=\"swatch s-none\"></span>no budget counts it</li></ul>\n")
            .Markup(comparison is { HasBase: true } ? "<ul class=\"legend\" id=\"bb-legend-diff\" hidden><li><span class=\"swatch d-up\"></span>grew (deeper: by more)</li><li><span class=\"swatch d-down\"></span>shrank</li><li><span class=\"swatch d-new\"></span>new</li><li><span class=\"swatch d-same\"></span>unchanged</li><li><span class=\"swatch d-unknown\"></span>not in the base report's source maps</li></ul>\n" : string.Empty)
            .Markup("<noscript><p>The treemap needs JavaScript; the tables below do not.</p></noscript>\n")
            .EndSection();
    }

    private static void WriteBudgets(HtmlBuilder html, CheckResult result)
    {
        html.StartSection("budgets", "Budgets");
        if (result.Budgets.Count == 0)
        {
            html.Paragraph("No budget was checked.").EndSection();
            return;
        }

        var rows = new List<IReadOnlyList<HtmlCell>>();
        foreach (var budgetResult in result.Budgets)
        {
            var budget = budgetResult.Budget;
            rows.Add([
                HtmlCell.Badge(TreemapData.StatusName(budgetResult.Status == BudgetStatus.Pass && budgetResult.IsIncomplete ? BudgetStatus.Incomplete : budgetResult.Status)),
                budget.Label,
                HtmlCell.Number($"{SummaryTable.ActualText(budgetResult)} {budgetResult.SizeKind}{SummaryTable.CountText(budgetResult)}"),
                HtmlCell.Number(SummaryTable.LimitText(budget, warning: true)),
                HtmlCell.Number(SummaryTable.LimitText(budget, warning: false))]);
            rows.AddRange(budgetResult.Offenders.Select(o => (IReadOnlyList<HtmlCell>)[HtmlCell.Badge(TreemapData.StatusName(o.Status)), "\u2003" + o.Asset.Path, HtmlCell.Number(budget.Format(o.Actual)), string.Empty, string.Empty]));
            if (budgetResult.Growth is { } growth)
            {
                rows.Add([
                    growth.NotEvaluated is null ? HtmlCell.Badge(TreemapData.StatusName(growth.Status)) : "not evaluated",
                    "\u2003growth since the base",
                    HtmlCell.Number(growth.NotEvaluated ?? $"{ComparisonText.Signed(growth.Change!.Value, budget.Format)} from {budget.Format(growth.Base!.Value)}"),
                    string.Empty,
                    HtmlCell.Number(growth.Limit.Text)]);
            }

            rows.AddRange(budgetResult.Largest.Select(f => (IReadOnlyList<HtmlCell>)[string.Empty, "\u2003" + f.Asset.Path, HtmlCell.Number(budget.Format(f.Actual)), string.Empty, string.Empty]));
            rows.AddRange(budgetResult.Unmeasured.Take(MaxGapsPerBudget).Select(g => (IReadOnlyList<HtmlCell>)[HtmlCell.Badge("incomplete"), "\u2003" + g.Path, "not measured: " + g.Reason, string.Empty, string.Empty]));
            if (budgetResult.Unmeasured.Count > MaxGapsPerBudget)
            {
                rows.Add([string.Empty, $"\u2003and {budgetResult.Unmeasured.Count - MaxGapsPerBudget} more not measured (see the JSON report)", string.Empty, string.Empty, string.Empty]);
            }
        }

        html.Table("Every budget with its verdict", ["Status", "Budget", HtmlCell.Number("Actual"), HtmlCell.Number("Warning at"), HtmlCell.Number("Error at")], rows).EndSection();
    }

    private static void WriteChanges(HtmlBuilder html, ReportComparison? comparison, CheckResult result)
    {
        if (comparison is not { HasBase: true } || comparison.Base is not { } baseReport)
        {
            return;
        }

        html.StartSection("changes", "Changes since the base");
        html.Paragraph($"Transferred in total: {ByteSize.Format(comparison.BaseTotal ?? 0)} then, {ByteSize.Format(comparison.HeadTotal)} now ({ComparisonText.Signed(comparison.TotalDelta ?? 0, ByteSize.Format)}).");
        if (comparison.Assets.Count > 0)
        {
            html.Table("Files that changed (gzip for text, raw for the rest)", ["File", HtmlCell.Number("Base"), HtmlCell.Number("Now"), HtmlCell.Number("Change")],
                comparison.Assets.Select(a => (IReadOnlyList<HtmlCell>)[
                    a.Renamed ? $"{a.BasePath} \u2192 {a.HeadPath}" : a.Path,
                    HtmlCell.Number(a.Base is { } b ? ByteSize.Format(b) : "new"),
                    HtmlCell.Number(a.Head is { } h ? ByteSize.Format(h) : "removed"),
                    HtmlCell.Number(ComparisonText.Signed(a.Delta, ByteSize.Format))]));
        }

        if (comparison.HiddenChanges > 0)
        {
            html.Paragraph(comparison.HiddenChanges == 1 ? "1 smaller change (under the noise threshold) is not listed." : $"{comparison.HiddenChanges} smaller changes (under the noise threshold) are not listed.");
        }

        var bundles = result.Bundles.Bundles.GroupBy(b => b.Bundle, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var (added, removed) = TreemapData.PackageChanges(baseReport, bundles);
        if (baseReport.Bundles.Count == 0 || bundles.Count == 0)
        {
            html.Paragraph("Packages are not compared: " + (bundles.Count == 0 ? "no bundle of this build has a source map." : "the base report has no bundles read through source maps."));
        }
        else if (added.Count + removed.Count == 0)
        {
            html.Paragraph("No package is new or removed.");
        }

        if (added.Count > 0)
        {
            html.Table("Packages new in this build", ["Package", HtmlCell.Number("Bytes (raw)")], added.Select(p => (IReadOnlyList<HtmlCell>)[p.Name, HtmlCell.Number(ByteSize.Format(p.Bytes))]));
        }

        if (removed.Count > 0)
        {
            html.Table("Packages removed since the base", ["Package", HtmlCell.Number("Bytes (raw) in the base")], removed.Select(p => (IReadOnlyList<HtmlCell>)[p.Name, HtmlCell.Number(ByteSize.Format(p.Bytes))]));
        }

        html.EndSection();
    }

    private static void WritePages(HtmlBuilder html, CheckResult result)
    {
        if (result.Pages.Pages.Count == 0)
        {
            return;
        }

        var pages = ReportParts.Pages(result);
        html.StartSection("pages", "What each page loads").Table(
            "Each entry page's first load and what it loads later",
            ["Page", HtmlCell.Number("Initial files"), HtmlCell.Number("Initial raw"), HtmlCell.Number("Initial gzip"), HtmlCell.Number("Lazy files"), HtmlCell.Number("Lazy raw"), HtmlCell.Number("Lazy gzip")],
            pages.Select(p => (IReadOnlyList<HtmlCell>)[
                p.Path,
                HtmlCell.Number(p.InitialTotal.Files.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                HtmlCell.Number(ByteSize.Format(p.InitialTotal.Raw)),
                HtmlCell.Number(p.InitialTotal.Gzip is { } ig ? ByteSize.Format(ig) : "-"),
                HtmlCell.Number(p.LazyTotal.Files.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                HtmlCell.Number(ByteSize.Format(p.LazyTotal.Raw)),
                HtmlCell.Number(p.LazyTotal.Gzip is { } lg ? ByteSize.Format(lg) : "-")]));
        var gaps = pages.SelectMany(p => p.Gaps.Select(g => (p.Path, g))).ToList();
        if (gaps.Count > 0)
        {
            html.Table("What the pages load that could not be measured", ["Page", "Named in", "Target", "Why"], gaps.Select(x => (IReadOnlyList<HtmlCell>)[x.Path, x.g.From, x.g.Target, x.g.Reason]));
        }

        html.EndSection();
    }

    private static void WriteDiagnostics(HtmlBuilder html, CheckResult result)
    {
        if (result.Diagnostics.Count == 0)
        {
            return;
        }

        html.StartSection("findings", "Errors, warnings and notes").Table(
            "Every finding of the check with its code",
            ["Code", "Severity", "Message", "Where"],
            result.Diagnostics.OrderByDescending(d => d.Severity).Select(d => (IReadOnlyList<HtmlCell>)[
                d.Code,
                HtmlCell.Badge(d.Severity.ToString().ToLowerInvariant()),
                d.Message,
                d.File is null ? "-" : d.Line > 0 ? $"{d.File}:{d.Line}:{d.Column}" : d.File]))
            .EndSection();
    }

    private static void WriteTypes(HtmlBuilder html, CheckResult result)
    {
        html.StartSection("types", "Sizes by type").Table(
            "Counted files by type",
            ["Type", HtmlCell.Number("Files"), HtmlCell.Number("Raw"), HtmlCell.Number("Gzip"), HtmlCell.Number("Brotli")],
            TypeTotal.Compute(result).Select(t => (IReadOnlyList<HtmlCell>)[
                t.Type,
                HtmlCell.Number(t.Files.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                HtmlCell.Number(ByteSize.Format(t.Raw)),
                HtmlCell.Number(t.Gzip is { } g ? ByteSize.Format(g) : "-"),
                HtmlCell.Number(t.Brotli is { } b ? ByteSize.Format(b) : "-")]));
        if (TypeTotal.NotCounted(result) is { } notCounted)
        {
            html.Paragraph(notCounted);
        }

        html.EndSection();
    }

    private static string OverallStatus(CheckResult result) =>
        result.HasInputErrors || result.Status == BudgetStatus.Error ? "error"
            : result.Budgets.Any(b => b.IsIncomplete) ? "incomplete"
            : result.Status == BudgetStatus.Warning ? "warning"
            : "pass";

    /// <summary>
    /// The treemap's data as JSON that cannot end its script element: '&lt;', '&gt;' and '&amp;' only ever stand in strings
    /// there, so writing each as its \u escape keeps the value and leaves no "&lt;/script&gt;" or "&lt;!--" in the page.
    /// </summary>
    private static string Data(CheckResult result, ReportComparison? comparison)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            TreemapData.Write(json, result, comparison);
        }

        return Encoding.UTF8.GetString(stream.ToArray()).Replace("<", "\\u003c", StringComparison.Ordinal)
            .Replace(">", "\\u003e", StringComparison.Ordinal).Replace("&", "\\u0026", StringComparison.Ordinal);
    }

    private static string Resource(string name)
    {
        using var stream = typeof(HtmlReportWriter).Assembly.GetManifestResourceStream($"BundleBudget.Core.Reports.Html.{name}")
            ?? throw new InvalidOperationException($"The HTML report's {name} is missing from the build.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
