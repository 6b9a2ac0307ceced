using System.Globalization;
using System.Text;
using System.Text.Json;
using BundleBudget.Core.Budgets;
using BundleBudget.Core.Reports;

namespace BundleBudget.Core.Timings;

/// <summary>The report's <c>timings</c> (only when measuring was on) and the Markdown table of page timings.</summary>
internal static class TimingsReport
{
    public static void WriteJson(Utf8JsonWriter json, TimingsResult result)
    {
        if (result.Off)
        {
            return;
        }

        json.WriteStartObject("timings");
        json.WriteString("device", result.Device.ToString().ToLowerInvariant());
        json.WriteNumber("runs", result.Runs);
        json.WriteString("unavailable", result.Unavailable);
        json.WriteStartArray("pages");
        foreach (var page in result.Pages)
        {
            json.WriteStartObject();
            json.WriteString("page", page.Page);
            json.WriteNumber("runs", page.Runs);
            json.WriteNumber("runsThatShifted", page.RunsThatShifted);
            json.WriteNumber("transferredBytes", page.TransferredBytes);
            json.WriteNumber("requests", page.Requests);
            json.WriteStartObject("byType");
            foreach (var (type, total) in page.ByType.OrderBy(t => t.Key, StringComparer.Ordinal))
            {
                json.WriteStartObject(type);
                json.WriteNumber("requests", total.Requests);
                json.WriteNumber("transferredBytes", total.TransferredBytes);
                json.WriteEndObject();
            }

            json.WriteEndObject();
            json.WriteStartObject("metrics");
            foreach (var metric in BudgetMetrics.ReportOrder.Where(page.Metrics.ContainsKey))
            {
                var summary = page.Metrics[metric];
                json.WriteStartObject(metric.WireName());
                json.WriteNumber("median", Math.Round(summary.Median, 4));
                json.WriteNumber("min", Math.Round(summary.Min, 4));
                json.WriteNumber("max", Math.Round(summary.Max, 4));
                json.WriteNumber("runs", summary.Runs);
                json.WriteEndObject();
            }

            json.WriteEndObject();
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartArray("notMeasured");
        foreach (var (page, reason) in result.NotMeasured.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            json.WriteStartObject();
            json.WriteString("page", page);
            json.WriteString("reason", reason);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    public static void WriteMarkdown(StringBuilder text, TimingsResult result)
    {
        if (result.Off || result.Pages.Count == 0)
        {
            return;
        }

        text.AppendLine().Append("**Page timings** (").Append(result.Device.ToString().ToLowerInvariant())
            .Append(", median of ").Append(result.Runs).AppendLine(" runs, in a real browser; min to max below)").AppendLine();
        text.AppendLine("| Page | FCP | LCP | TBT | CLS | TTI | Load | Score |");
        text.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var page in result.Pages)
        {
            text.Append("| ").Append(MarkdownReportWriter.Escape(page.Page));
            foreach (var metric in BudgetMetrics.ReportOrder)
            {
                text.Append(" | ");
                if (page.Metrics.TryGetValue(metric, out var summary))
                {
                    text.Append(metric.Format(summary.Median)).Append("<br><sub>").Append(metric.Format(summary.Min)).Append(" to ").Append(metric.Format(summary.Max)).Append("</sub>");
                }
                else
                {
                    text.Append('-');
                }
            }

            text.AppendLine(" |");
        }

        var shifted = result.Pages.Where(p => p.RunsThatShifted > 0).ToList();
        if (shifted.Count > 0)
        {
            text.AppendLine().AppendLine(string.Join("; ", shifted.Select(p => string.Create(CultureInfo.InvariantCulture, $"{MarkdownReportWriter.Escape(p.Page)}: layout shifted in {p.RunsThatShifted} of {p.Runs} runs"))) + ".");
        }
    }

    public static void WriteHtml(Reports.Html.HtmlBuilder html, TimingsResult result)
    {
        if (result.Off || result.Pages.Count == 0)
        {
            return;
        }

        var headers = new List<Reports.Html.HtmlCell> { "Page" };
        headers.AddRange(BudgetMetrics.ReportOrder.Select(m => Reports.Html.HtmlCell.Number(m is BudgetMetric.Load or BudgetMetric.Score ? m.ToString() : m.WireName().ToUpperInvariant())));
        html.StartSection("timings", "Page timings").Paragraph(
            $"{result.Device.ToString().ToLowerInvariant()}, median of {result.Runs} runs in a real browser, with the range of the runs.")
            .Table("Each page's metrics: median (min to max)", headers, result.Pages.Select(page =>
            {
                var row = new List<Reports.Html.HtmlCell> { page.Page };
                row.AddRange(BudgetMetrics.ReportOrder.Select(metric => Reports.Html.HtmlCell.Number(page.Metrics.TryGetValue(metric, out var summary)
                    ? $"{metric.Format(summary.Median)} ({metric.Format(summary.Min)} to {metric.Format(summary.Max)})"
                    : "-")));
                return (IReadOnlyList<Reports.Html.HtmlCell>)row;
            }))
            .EndSection();
    }
}
