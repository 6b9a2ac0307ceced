using System.Text;
using BundleBudget.Core.Analyses;
using BundleBudget.Core.Assets;
using BundleBudget.Core.Budgets;
using BundleBudget.Core.Diagnostics;
using BundleBudget.Core.Evaluation;

namespace BundleBudget.Core.Reports;

/// <summary>A Markdown summary ready to paste into a pull-request comment: one table of budgets, then sizes by type.</summary>
public static class MarkdownReportWriter
{
    private const int MaxGapsPerBudget = 10;

    public static void Write(CheckResult result, string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        File.WriteAllText(path, Render(result), new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
    }

    /// <summary>The headline's icon: over budget or bad input, incomplete, warnings, within budget.</summary>
    internal static string Icon(CheckResult result) =>
        result.HasInputErrors || result.Status == BudgetStatus.Error ? ":x:"
            : result.Budgets.Any(b => b.IsIncomplete) ? ":grey_question:"
            : result.Status == BudgetStatus.Warning ? ":warning:"
            : ":white_check_mark:";

    private static string GrowthText(Budget budget, BudgetGrowth growth)
    {
        var change = growth.Change!.Value;
        var percent = growth.Base is > 0 ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $" ({change * 100.0 / growth.Base.Value:+0.0;-0.0;0}%)") : string.Empty;
        return $"{(change < 0 ? "-" : "+")}{budget.Format(Math.Abs(change))}{percent} from {budget.Format(growth.Base!.Value)}";
    }

    public static string Render(CheckResult result)
    {
        var text = new StringBuilder();
        text.Append("## BundleBudget: ").Append(Icon(result)).Append(' ').AppendLine(SummaryTable.Verdict(result)).AppendLine();
        text.AppendLine("| Status | Budget | Actual | Warning at | Error at |");
        text.AppendLine("|---|---|---:|---:|---:|");
        foreach (var budgetResult in result.Budgets)
        {
            var budget = budgetResult.Budget;
            text.Append("| ").Append(Icon(budgetResult.Status))
                .Append(" | ").Append(Escape(budget.Label))
                .Append(" | ").Append(Escape($"{SummaryTable.ActualText(budgetResult)} {budgetResult.SizeKind}{SummaryTable.CountText(budgetResult)}"))
                .Append(" | ").Append(SummaryTable.LimitText(budget, warning: true))
                .Append(" | ").Append(SummaryTable.LimitText(budget, warning: false))
                .AppendLine(" |");
            foreach (var offender in budgetResult.Offenders)
            {
                text.Append("| ").Append(Icon(offender.Status)).Append(" | &nbsp;&nbsp;").Append(Escape(offender.Asset.Path))
                    .Append(" | ").Append(budget.Format(offender.Actual)).AppendLine(" | | |");
            }

            if (budgetResult.Growth is { } growth)
            {
                text.Append("| ").Append(growth.NotEvaluated is null ? Icon(growth.Status) : string.Empty).Append(" | &nbsp;&nbsp;growth since the base | ")
                    .Append(growth.NotEvaluated is { } why ? Escape("not evaluated: " + why) : GrowthText(budget, growth))
                    .Append(" | | ").Append(Escape(growth.Limit.Text)).AppendLine(" |");
            }

            foreach (var file in budgetResult.Largest)
            {
                text.Append("| | &nbsp;&nbsp;").Append(Escape(file.Asset.Path))
                    .Append(" | ").Append(budget.Format(file.Actual)).AppendLine(" | | |");
            }

            foreach (var gap in budgetResult.Unmeasured.Take(MaxGapsPerBudget))
            {
                text.Append("| :grey_question: | &nbsp;&nbsp;").Append(Escape(gap.Path)).Append(" | not measured: ").Append(Escape(gap.Reason)).AppendLine(" | | |");
            }

            if (budgetResult.Unmeasured.Count > MaxGapsPerBudget)
            {
                text.Append("| | &nbsp;&nbsp;and ").Append(budgetResult.Unmeasured.Count - MaxGapsPerBudget).AppendLine(" more not measured (see the JSON report) | | | |");
            }
        }

        if (result.Pages.Pages.Count > 0)
        {
            text.AppendLine().AppendLine("**What each page loads**").AppendLine();
            // In the compression the initial budgets compare, so that the column and the verdict agree.
            var compression = result.Budgets.FirstOrDefault(b => b.Budget.IsInitial)?.Budget.Compression ?? Budgets.Compression.Gzip;
            var name = compression.ToString().ToLowerInvariant();
            text.Append("| Page | Initial files | Initial (").Append(name).Append(") | Lazy files | Lazy (").Append(name).AppendLine(") |");
            text.AppendLine("|---|---:|---:|---:|---:|");
            foreach (var page in result.Pages.Pages)
            {
                text.Append("| ").Append(Escape(page.Path))
                    .Append(" | ").Append(page.Initial.Count).Append(" | ").Append(CompressedTotal(result, page.Initial, compression))
                    .Append(" | ").Append(page.Lazy.Count).Append(" | ").Append(CompressedTotal(result, page.Lazy, compression)).AppendLine(" |");
            }
        }

        foreach (var analysis in AnalysisRegistry.All)
        {
            analysis.WriteMarkdown(text, result.Analyses.Of(analysis));
        }

        var inSections = AnalysisRegistry.All.SelectMany(a => a.CodesInSection).ToHashSet(StringComparer.Ordinal);
        var problems = result.Diagnostics.Where(d => (!d.Code.StartsWith("BB1", StringComparison.Ordinal) || d.Code is DiagnosticCodes.BudgetIncomplete or DiagnosticCodes.MissingPageFile or DiagnosticCodes.ChunkNotParsed or DiagnosticCodes.FileTooLargeToParse)
            && !inSections.Contains(d.Code)).ToList();
        if (problems.Count > 0)
        {
            var (shown, omitted) = PrintLimit.Apply(problems);
            text.AppendLine().AppendLine("**Other findings**").AppendLine();
            foreach (var problem in shown)
            {
                text.Append("- `").Append(problem.Code).Append("` ").AppendLine(Escape(problem.Message));
            }

            foreach (var line in omitted)
            {
                text.Append("- ").AppendLine(Escape(line));
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

        if (TypeTotal.NotCounted(result) is { } notCounted)
        {
            text.AppendLine().AppendLine(Escape(notCounted));
        }

        text.AppendLine().AppendLine("</details>").AppendLine();
        text.AppendLine("Sizes in SI units: 1 kB = 1000 bytes.");
        return text.ToString();
    }

    /// <summary>The five heaviest files of a kind, with their findings' codes (the messages are in the build log and the JSON report).</summary>
    internal static void AppendHeaviest(StringBuilder text, string title, IEnumerable<(string Path, long Bytes, string Detail, IEnumerable<string> Findings)> files)
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
    private static string CompressedTotal(CheckResult result, IReadOnlyList<Pages.PageFile> files, Budgets.Compression compression)
    {
        long total = 0;
        var raw = 0;
        foreach (var file in files)
        {
            if (result.Sizes.TryGetValue(file.Path, out var size))
            {
                var compressible = compression != Budgets.Compression.Raw && result.Assets.FirstOrDefault(a => a.Path == file.Path) is { IsTextCompressible: true };
                var compressed = compression == Budgets.Compression.Brotli ? size.Brotli : size.Gzip;
                raw += compressible && compressed is null ? 1 : 0;
                total += compressible ? compressed ?? size.Raw : size.Raw;
            }
        }

        // A file whose compressed size no budget asked for counts raw: said, so that the column never passes raw for compressed.
        return ByteSize.Format(total) + (raw == 0 ? string.Empty : $" ({raw} raw)");
    }

    /// <summary>
    /// Makes any text inert in a table cell: no Markdown, no HTML, no line breaks or other control characters, and no
    /// @mention that would notify someone or #123 that would link an issue (a zero-width space follows the '@' or '#',
    /// as Renovate does).
    /// </summary>
    public static string Escape(string text)
    {
        var escaped = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var next = i + 1 < text.Length ? text[i + 1] : '\0';
            switch (c)
            {
                case '@' when char.IsAsciiLetterOrDigit(next) || next is '-' or '_':
                    escaped.Append("@&#8203;");
                    break;
                case '#' when char.IsAsciiDigit(next):
                    escaped.Append("\\#&#8203;");
                    break;
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
                case var unsafeCharacter when Text.PlainText.IsUnsafe(unsafeCharacter):
                    escaped.Append('\\').Append(Text.PlainText.EscapeControl(c.ToString()));
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
        BudgetStatus.Incomplete => ":grey_question: incomplete",
        _ => ":white_check_mark:",
    };
}
