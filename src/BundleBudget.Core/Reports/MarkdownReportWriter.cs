using System.Text;
using BundleBudget.Core.Assets;
using BundleBudget.Core.Budgets;
using BundleBudget.Core.Diagnostics;
using BundleBudget.Core.Evaluation;

namespace BundleBudget.Core.Reports;

/// <summary>A Markdown summary ready to paste into a pull-request comment: one table of budgets, then sizes by type.</summary>
public static class MarkdownReportWriter
{
    public static void Write(CheckResult result, string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        File.WriteAllText(path, Render(result), new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
    }

    public static string Render(CheckResult result)
    {
        var text = new StringBuilder();
        var verdict = result.Status switch
        {
            _ when result.HasInputErrors => ":x: the budget file or output folder is not valid",
            BudgetStatus.Error => ":x: over budget",
            BudgetStatus.Warning => ":warning: within budget, with warnings",
            _ => ":white_check_mark: within budget",
        };
        text.Append("## BundleBudget: ").AppendLine(verdict).AppendLine();
        text.AppendLine("| Status | Budget | Actual | Warning at | Error at |");
        text.AppendLine("|---|---|---:|---:|---:|");
        foreach (var budgetResult in result.Budgets)
        {
            var budget = budgetResult.Budget;
            text.Append("| ").Append(Icon(budgetResult.Status))
                .Append(" | ").Append(Escape(budget.Label))
                .Append(" | ").Append(Escape($"{SummaryTable.ActualText(budgetResult)} {budgetResult.SizeKind}"))
                .Append(" | ").Append(budget.DescribeWarningLimit ?? "-")
                .Append(" | ").Append(budget.DescribeErrorLimit ?? "-")
                .AppendLine(" |");
            foreach (var offender in budgetResult.Offenders)
            {
                text.Append("| ").Append(Icon(offender.Status)).Append(" | &nbsp;&nbsp;").Append(Escape(offender.Asset.Path))
                    .Append(" | ").Append(budget.Format(offender.Actual)).AppendLine(" | | |");
            }
        }

        if (result.Pages.Pages.Count > 0)
        {
            text.AppendLine().AppendLine("**What each page loads**").AppendLine();
            text.AppendLine("| Page | Initial files | Initial (gzip) | Lazy files | Lazy (gzip) |");
            text.AppendLine("|---|---:|---:|---:|---:|");
            foreach (var page in result.Pages.Pages)
            {
                text.Append("| ").Append(Escape(page.Path))
                    .Append(" | ").Append(page.Initial.Count).Append(" | ").Append(GzipTotal(result, page.Initial))
                    .Append(" | ").Append(page.Lazy.Count).Append(" | ").Append(GzipTotal(result, page.Lazy)).AppendLine(" |");
            }
        }

        if (result.Imports.Findings.Count > 0)
        {
            text.AppendLine().AppendLine("**Whole-library imports**").AppendLine();
            text.AppendLine("| Where | Module | Instead |");
            text.AppendLine("|---|---|---|");
            foreach (var finding in result.Imports.Findings)
            {
                text.Append("| ").Append(Escape($"{finding.RelativeFile}:{finding.Reference.Line}:{finding.Reference.Column}"))
                    .Append(" | ").Append(Escape(finding.Reference.Module))
                    .Append(" | ").Append(Escape(finding.Fix)).AppendLine(" |");
            }
        }

        if (result.Bundles.Findings.Count > 0)
        {
            text.AppendLine().AppendLine("**Whole libraries inside bundles**").AppendLine();
            text.AppendLine("| Bundle | Library | Bytes |");
            text.AppendLine("|---|---|---:|");
            foreach (var finding in result.Bundles.Findings)
            {
                text.Append("| ").Append(Escape(finding.Bundle.Path)).Append(" | ").Append(Escape(finding.Package))
                    .Append(" | ").Append(ByteSize.Format(finding.PackageBytes)).AppendLine(" |");
            }
        }

        AppendHeaviest(text, "Heaviest images", result.Images.Select(i => (i.Asset.Path, i.Info.Bytes, Detail: i.Info.Width is { } w ? $"{i.Info.Format} {w} x {i.Info.Height}" : i.Info.Format ?? "unreadable", Findings: i.Findings.Select(f => f.Code))));
        AppendHeaviest(text, "Fonts", result.Fonts.Select(f => (f.Asset.Path, f.Asset.Length, Detail: $"{f.Info.Format ?? "unreadable"}{(f.Initial ? ", initial" : string.Empty)}", Findings: f.Findings.Select(x => x.Code))));

        var problems = result.Diagnostics.Where(d => !d.Code.StartsWith("BB1", StringComparison.Ordinal) && !d.Code.StartsWith("BB3", StringComparison.Ordinal)
            && d.Code is not (DiagnosticCodes.WholeLibraryImport or DiagnosticCodes.WholeLibraryBundled)).ToList();
        if (problems.Count > 0)
        {
            text.AppendLine().AppendLine("**Other findings**").AppendLine();
            foreach (var problem in problems)
            {
                text.Append("- `").Append(problem.Code).Append("` ").AppendLine(Escape(problem.Message));
            }
        }

        text.AppendLine().AppendLine("<details><summary>Sizes by type</summary>").AppendLine();
        text.AppendLine("| Type | Files | Raw | Gzip | Brotli |");
        text.AppendLine("|---|---:|---:|---:|---:|");
        foreach (var total in TypeTotal.Compute(result))
        {
            text.Append("| ").Append(total.Type).Append(" | ").Append(total.Files)
                .Append(" | ").Append(ByteSize.Format(total.Raw))
                .Append(" | ").Append(total.Gzip is { } gzip ? ByteSize.Format(gzip) : "-")
                .Append(" | ").Append(total.Brotli is { } brotli ? ByteSize.Format(brotli) : "-")
                .AppendLine(" |");
        }

        text.AppendLine().AppendLine("</details>").AppendLine();
        text.AppendLine("Sizes in SI units: 1 kB = 1000 bytes.");
        return text.ToString();
    }

    /// <summary>The five heaviest files of a kind, with their findings' codes (the messages are in the build log and the JSON report).</summary>
    private static void AppendHeaviest(StringBuilder text, string title, IEnumerable<(string Path, long Bytes, string Detail, IEnumerable<string> Findings)> files)
    {
        var heaviest = files.OrderByDescending(f => f.Bytes).ThenBy(f => f.Path, StringComparer.Ordinal).Take(5).ToList();
        if (heaviest.Count == 0)
        {
            return;
        }

        text.AppendLine().Append("**").Append(title).AppendLine("**").AppendLine();
        text.AppendLine("| File | Size | What | Findings |");
        text.AppendLine("|---|---:|---|---|");
        foreach (var (path, bytes, detail, findings) in heaviest)
        {
            var codes = string.Join(", ", findings.Distinct());
            text.Append("| ").Append(Escape(path)).Append(" | ").Append(ByteSize.Format(bytes)).Append(" | ").Append(Escape(detail))
                .Append(" | ").Append(codes.Length == 0 ? "-" : codes).AppendLine(" |");
        }
    }

    /// <summary>Text files gzip, images, fonts and media raw: what the page transfers.</summary>
    private static string GzipTotal(CheckResult result, IReadOnlyList<Pages.PageFile> files)
    {
        long total = 0;
        foreach (var file in files)
        {
            if (result.Sizes.TryGetValue(file.Path, out var size))
            {
                total += AssetClassifier.Classify(file.Path).IsTextCompressible() ? size.Gzip ?? size.Raw : size.Raw;
            }
        }

        return ByteSize.Format(total);
    }

    /// <summary>Makes any text inert in a table cell: no Markdown, no HTML, no line breaks.</summary>
    public static string Escape(string text)
    {
        var escaped = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            switch (c)
            {
                case '<':
                    escaped.Append("&lt;");
                    break;
                case '>':
                    escaped.Append("&gt;");
                    break;
                case '&':
                    escaped.Append("&amp;");
                    break;
                case '\r' or '\n':
                    escaped.Append(' ');
                    break;
                case '|' or '\\' or '`' or '*' or '_' or '[' or ']' or '#' or '~' or '!':
                    escaped.Append('\\').Append(c);
                    break;
                default:
                    escaped.Append(c);
                    break;
            }
        }

        return escaped.ToString();
    }

    private static string Icon(BudgetStatus status) => status switch
    {
        BudgetStatus.Error => ":x:",
        BudgetStatus.Warning => ":warning:",
        _ => ":white_check_mark:",
    };
}
