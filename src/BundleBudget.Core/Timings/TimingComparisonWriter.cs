using System.Globalization;
using System.Text;
using System.Text.Json;
using BundleBudget.Core.Evaluation;
using BundleBudget.Core.Reports;

namespace BundleBudget.Core.Timings;

/// <summary>compare --measure's pull-request comment (Markdown) and its JSON.</summary>
public static class TimingComparisonWriter
{
    public static string Markdown(TimingComparison comparison)
    {
        var text = new StringBuilder();
        var icon = comparison.HasInputErrors || comparison.Regressed ? ":x:" : comparison.Verdicts.Any(v => v.Status == BudgetStatus.Incomplete) ? ":grey_question:" : ":white_check_mark:";
        var headline = comparison.HasInputErrors ? "pages could not be compared"
            : comparison.Regressed ? "a page timing regressed"
            : comparison.Verdicts.Count == 0 ? "page timings compared (no regression budget)"
            : "no page timing regressed beyond its budget";
        text.Append("## BundleBudget: ").Append(icon).Append(' ').AppendLine(headline).AppendLine();
        var percent = ((int)Math.Round(comparison.Confidence * 100)).ToString(CultureInfo.InvariantCulture);
        text.Append("Base and head measured in one browser, interleaved, ").Append(comparison.Runs).Append(" runs each, ")
            .Append(comparison.Device.ToString().ToLowerInvariant()).Append("; a change is the head's median minus the base's, with its ")
            .Append(percent).AppendLine("% bootstrap interval. An interval that holds 0 is within the noise.").AppendLine();
        foreach (var verdict in comparison.Verdicts.Where(v => v.Status != BudgetStatus.Pass))
        {
            text.Append("- ").Append(verdict.Status == BudgetStatus.Error ? ":x: " : ":grey_question: ").AppendLine(MarkdownReportWriter.Escape(verdict.Message));
        }

        foreach (var problem in comparison.Diagnostics.Where(d => d.Code != TimingsDiagnostics.Regressed))
        {
            text.Append("- `").Append(problem.Code).Append("` ").AppendLine(MarkdownReportWriter.Escape(problem.Message));
        }

        text.AppendLine();
        text.Append("| Page | Metric | Base | Head | Change | ").Append(percent).AppendLine("% interval |");
        text.AppendLine("|---|---|---:|---:|---:|---|");
        foreach (var page in comparison.Pages)
        {
            if (page.NotCompared is { } why)
            {
                text.Append("| ").Append(MarkdownReportWriter.Escape(page.Page)).Append(" | | | | | not compared: ").Append(MarkdownReportWriter.Escape(why)).AppendLine(" |");
                continue;
            }

            foreach (var metric in BudgetMetrics.ReportOrder.Where(page.Changes.ContainsKey))
            {
                var change = page.Changes[metric];
                var verdict = comparison.Verdicts.FirstOrDefault(v => v.Page == page.Page && v.Budget.Metric == metric && v.Status == BudgetStatus.Error);
                text.Append("| ").Append(MarkdownReportWriter.Escape(page.Page)).Append(" | ").Append(verdict is null ? string.Empty : ":x: ").Append(metric.WireName())
                    .Append(" | ").Append(metric.Format(change.BaseMedian))
                    .Append(" | ").Append(metric.Format(change.HeadMedian))
                    .Append(" | ").Append(TimingComparer.Signed(metric, change.Difference))
                    .Append(" | ").Append(TimingComparer.Signed(metric, change.Low)).Append(" to ").Append(TimingComparer.Signed(metric, change.High))
                    .AppendLine(" |");
            }
        }

        return text.ToString();
    }

    public static void WriteJson(TimingComparison comparison, string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        using var stream = File.Create(path);
        using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        json.WriteStartObject();
        json.WriteString("baseFolder", comparison.BaseFolder);
        json.WriteString("headFolder", comparison.HeadFolder);
        json.WriteString("device", comparison.Device.ToString().ToLowerInvariant());
        json.WriteNumber("runs", comparison.Runs);
        json.WriteNumber("confidence", comparison.Confidence);
        json.WriteStartArray("pages");
        foreach (var page in comparison.Pages)
        {
            json.WriteStartObject();
            json.WriteString("page", page.Page);
            json.WriteString("notCompared", page.NotCompared);
            json.WriteStartObject("metrics");
            foreach (var metric in BudgetMetrics.ReportOrder.Where(page.Changes.ContainsKey))
            {
                var change = page.Changes[metric];
                json.WriteStartObject(metric.WireName());
                json.WriteNumber("base", Math.Round(change.BaseMedian, 4));
                json.WriteNumber("head", Math.Round(change.HeadMedian, 4));
                json.WriteNumber("change", Math.Round(change.Difference, 4));
                json.WriteNumber("low", Math.Round(change.Low, 4));
                json.WriteNumber("high", Math.Round(change.High, 4));
                json.WriteEndObject();
            }

            json.WriteEndObject();
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartArray("verdicts");
        foreach (var verdict in comparison.Verdicts)
        {
            json.WriteStartObject();
            json.WriteString("budget", verdict.Budget.Label);
            json.WriteString("page", verdict.Page);
            json.WriteString("status", verdict.Status.ToString().ToLowerInvariant());
            json.WriteString("message", verdict.Message);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartArray("diagnostics");
        foreach (var diagnostic in comparison.Diagnostics)
        {
            json.WriteStartObject();
            json.WriteString("code", diagnostic.Code);
            json.WriteString("severity", diagnostic.Severity.ToString().ToLowerInvariant());
            json.WriteString("message", diagnostic.Message);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }
}
