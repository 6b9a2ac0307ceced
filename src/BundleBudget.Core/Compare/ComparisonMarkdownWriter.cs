using System.Globalization;
using System.Text;
using BundleBudget.Core.Budgets;
using BundleBudget.Core.Reports;

namespace BundleBudget.Core.Compare;

/// <summary>
/// The pull-request comment: a headline, the budgets with their change, the biggest changes, new whole-library
/// imports, and the full list in a collapsed block. Every name is escaped, and the comment never exceeds what a
/// GitHub comment may hold: the full list is cut first, with a line that says so.
/// </summary>
public static class ComparisonMarkdownWriter
{
    /// <summary>The most characters a GitHub pull-request comment may hold.</summary>
    public const int MaxCommentLength = 65_536;

    /// <summary>The first line of every comment, so that a CI job can find and update its previous one.</summary>
    public const string Marker = "<!-- bundle-budget-comment -->";

    private const int BiggestChanges = 10;

    public static string Render(ReportComparison comparison, NoiseThreshold threshold, int maxLength = MaxCommentLength)
    {
        var text = new StringBuilder();
        text.AppendLine(Marker);
        text.Append("## BundleBudget: ").AppendLine(Headline(comparison)).AppendLine();
        AppendBudgets(text, comparison);
        AppendBiggest(text, comparison);
        AppendImports(text, comparison);

        var footer = Footer(comparison, threshold);
        var details = comparison.Assets.Select(Row).ToList();
        var cutLine = string.Empty;
        if (details.Count > 0)
        {
            var opening = $"{Environment.NewLine}<details><summary>All {details.Count} changed files</summary>{Environment.NewLine}{Environment.NewLine}| File | Before | After | Change |{Environment.NewLine}|---|---:|---:|---:|{Environment.NewLine}";
            var closing = Environment.NewLine + "</details>" + Environment.NewLine;
            var budget = maxLength - text.Length - opening.Length - closing.Length - footer.Length - 200;
            var shown = 0;
            var rows = new StringBuilder();
            foreach (var row in details)
            {
                if (rows.Length + row.Length > budget)
                {
                    break;
                }

                rows.Append(row);
                shown++;
            }

            if (shown < details.Count)
            {
                cutLine = $"{Environment.NewLine}{details.Count - shown} more changed files are not listed: the comment would exceed the {MaxCommentLength:N0} characters a pull-request comment may hold. The JSON comparison has them all.{Environment.NewLine}";
            }

            if (shown > 0)
            {
                text.Append(opening).Append(rows).Append(closing);
            }
        }

        text.Append(cutLine).Append(footer);
        var result = text.ToString();
        return result.Length <= maxLength ? result : result[..(maxLength - 40)] + Environment.NewLine + "(cut to the comment size limit)" + Environment.NewLine;
    }

    private static string Headline(ReportComparison comparison)
    {
        var head = comparison.Head;
        var incomplete = head.Budgets.Count(b => b.Status == "incomplete");
        var verdict = head.Status switch
        {
            "error" when head.Budgets.Any(b => b.Status == "error") => $":x: over budget ({Count(head.Errors, "error")})",
            "error" => $":x: failed ({Count(head.Errors, "error")})",
            _ when incomplete > 0 => $":grey_question: incomplete: {Count(incomplete, "budget")} could not be fully measured",
            "warning" => $":warning: within budget, {Count(head.Warnings, "warning")}",
            _ => ":white_check_mark: within budget",
        };
        return comparison.TotalDelta is { } delta
            ? $"{verdict} · total {ComparisonText.Signed(delta)} ({ComparisonText.Percent(delta, comparison.BaseTotal!.Value)}) to {ByteSize.Format(comparison.HeadTotal)}"
            : $"{verdict} · total {ByteSize.Format(comparison.HeadTotal)} (first report: no base to compare with)";
    }

    private static void AppendBudgets(StringBuilder text, ReportComparison comparison)
    {
        if (comparison.Budgets.Count == 0)
        {
            return;
        }

        text.AppendLine("| Budget | Status | Size | Change | Error at |");
        text.AppendLine("|---|---|---:|---:|---:|");
        foreach (var budget in comparison.Budgets)
        {
            var status = budget.StatusChanged ? $"{Icon(budget.BaseStatus!)} → {Icon(budget.HeadStatus)}" : Icon(budget.HeadStatus);
            var change = budget.Delta is { } delta ? $"{budget.FormatSigned(delta)} ({ComparisonText.Percent(delta, budget.Base!.Value)})" : "new";
            text.Append("| ").Append(MarkdownReportWriter.Escape(budget.Name)).Append(" | ").Append(status)
                .Append(" | ").Append(budget.Format(budget.Head)).Append(" | ").Append(change)
                .Append(" | ").Append(budget.MaximumError is { } max ? (budget.Unit == LimitUnit.Score ? "below " : string.Empty) + budget.Format(max) : "-").AppendLine(" |");
        }
    }

    private static void AppendBiggest(StringBuilder text, ReportComparison comparison)
    {
        if (!comparison.HasBase || comparison.Assets.Count == 0)
        {
            return;
        }

        text.AppendLine().AppendLine("**Biggest changes**").AppendLine();
        text.AppendLine("| File | Before | After | Change |");
        text.AppendLine("|---|---:|---:|---:|");
        foreach (var change in comparison.Assets.Take(BiggestChanges))
        {
            text.Append(Row(change));
        }
    }

    private static void AppendImports(StringBuilder text, ReportComparison comparison)
    {
        if (comparison.NewImports.Count == 0)
        {
            return;
        }

        text.AppendLine().AppendLine(comparison.HasBase ? "**New whole-library imports**" : "**Whole-library imports**").AppendLine();
        foreach (var import in comparison.NewImports.Take(20))
        {
            text.Append("- ").Append(MarkdownReportWriter.Escape($"{import.File}:{import.Line}:{import.Column}"))
                .Append(": ").Append(MarkdownReportWriter.Escape(import.Module)).Append(" (").Append(MarkdownReportWriter.Escape(import.Form))
                .Append("). Instead, ").Append(MarkdownReportWriter.Escape(import.Fix)).AppendLine(".");
        }

        if (comparison.NewImports.Count > 20)
        {
            text.Append("- and ").Append(comparison.NewImports.Count - 20).AppendLine(" more in the report.");
        }
    }

    private static string Row(AssetChange change)
    {
        var name = change.Renamed ? $"{change.HeadPath} (was {change.BasePath})" : change.Path;
        var after = change.Head is { } head ? ByteSize.Format(head) : "removed";
        var before = change.Base is { } b ? ByteSize.Format(b) : "added";
        var delta = change.Base is { } baseSize && change.Head is not null ? $"{ComparisonText.Signed(change.Delta)} ({ComparisonText.Percent(change.Delta, baseSize)})" : ComparisonText.Signed(change.Delta);
        return $"| {MarkdownReportWriter.Escape(name)} | {before} | {after} | {delta} |{Environment.NewLine}";
    }

    private static string Footer(ReportComparison comparison, NoiseThreshold threshold)
    {
        var hidden = comparison.HiddenChanges > 0
            ? string.Create(CultureInfo.InvariantCulture, $" {Count(comparison.HiddenChanges, "change")} under {threshold.Percent:0.##}% and {threshold.Bytes} B are hidden.")
            : string.Empty;
        return $"{Environment.NewLine}Transfer sizes: gzip for scripts, stylesheets and documents, raw for images and fonts; 1 kB = 1000 bytes.{hidden}{Environment.NewLine}";
    }

    private static string Icon(string status) => status switch
    {
        "error" => ":x:",
        "warning" => ":warning:",
        "incomplete" => ":grey_question: incomplete",
        "pass" => ":white_check_mark:",
        _ => ":grey_question:",
    };

    private static string Count(int count, string noun) => count == 1 ? $"1 {noun}" : $"{count} {noun}s";
}
