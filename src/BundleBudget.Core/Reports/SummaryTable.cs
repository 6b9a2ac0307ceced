using BundleBudget.Core.Budgets;
using BundleBudget.Core.Evaluation;
using BundleBudget.Core.Text;

namespace BundleBudget.Core.Reports;

/// <summary>The plain-text summary the MSBuild task and the CLI print: one line per budget, then totals by type.</summary>
public static class SummaryTable
{
    public static string Headline(CheckResult result)
    {
        return $"BundleBudget: {Verdict(result)} ({Count(result.Budgets.Count, "budget")}, {Count(result.ErrorCount, "error")}, {Count(result.WarningCount, "warning")}).";
    }

    /// <summary>The check's verdict in words; an incomplete budget is never reported as within budget.</summary>
    public static string Verdict(CheckResult result)
    {
        var incomplete = result.Budgets.Count(b => b.IsIncomplete);
        return result switch
        {
            { HasInputErrors: true } => "the budget file or output folder is not valid, see the errors",
            _ when result.Budgets.Any(b => b.Status == BudgetStatus.Error) => "over budget",
            _ when incomplete > 0 => $"incomplete, {Count(incomplete, "budget")} could not be fully measured{(result.Strict ? " (strict: an error)" : string.Empty)}, see BB1007",
            { Status: BudgetStatus.Error } => "failed, see the errors",
            { Status: BudgetStatus.Warning } => "within budget, with warnings",
            _ => "within budget",
        };
    }

    public static IReadOnlyList<string> Lines(CheckResult result)
    {
        var rows = new List<string[]> { new[] { "Status", "Budget", "Actual", "Warning at", "Error at" } };
        // Names are escaped before the columns are aligned, so that an escaped name keeps its column.
        foreach (var budgetResult in result.Budgets)
        {
            var budget = budgetResult.Budget;
            rows.Add(
            [
                StatusText(budgetResult.Status),
                PlainText.EscapeControl(budget.Label),
                PlainText.EscapeControl($"{ActualText(budgetResult)} {budgetResult.SizeKind}{CountText(budgetResult)}"),
                LimitText(budget, warning: true),
                LimitText(budget, warning: false),
            ]);
        }

        var lines = new List<string> { PlainText.Line($"Output folder: {result.OutputFolder}") };
        if (result.ServedBy is { } manifest)
        {
            var counted = result.Assets.Count(a => a.IsCounted);
            lines.Add(PlainText.Line($"Served files: {result.Assets.Count:N0}, as ASP.NET Core's static web assets manifest {manifest} serves them; {counted:N0} counted (precompressed copies and source maps are listed, not counted)"));
        }

        lines.Add("Sizes: 1 kB = 1000 bytes, 1 MB = 1000 kB.");
        lines.AddRange(Align(rows));
        lines.Add(string.Empty);
        var totals = new List<string[]> { new[] { "Type", "Files", "Raw", "Gzip", "Brotli" } };
        foreach (var total in TypeTotal.Compute(result))
        {
            totals.Add([total.Type, total.Files.ToString(System.Globalization.CultureInfo.InvariantCulture), ByteSize.Format(total.Raw), Format(total.Gzip), Format(total.Brotli)]);
        }

        lines.AddRange(Align(totals));
        if (TypeTotal.NotCounted(result) is { } notCounted)
        {
            lines.Add("  " + notCounted);
        }

        return lines;
    }

    public static string StatusText(BudgetStatus status) => status switch
    {
        BudgetStatus.Error => "ERROR",
        BudgetStatus.Warning => "warning",
        BudgetStatus.Incomplete => "INCOMPLETE",
        _ => "ok",
    };

    public static string ActualText(BudgetResult result) =>
        result.IsIncomplete ? $"{MeasuredText(result)} (incomplete: {result.Unmeasured.Count} not measured)" : MeasuredText(result);

    private static string MeasuredText(BudgetResult result) => result.Budget switch
    {
        { IsTiming: true } when result.MatchedFiles == 0 => "not measured",
        { IsTiming: true, Entry: { } timed } => $"{result.Budget.Format(result.Actual)} for {timed}",
        { IsTiming: true, Metric: Timings.BudgetMetric.Score } => $"lowest {result.Budget.Format(result.Actual)} of {Count(result.MatchedFiles, "page")}",
        { IsTiming: true } => $"worst {result.Budget.Format(result.Actual)} of {Count(result.MatchedFiles, "page")}",
        { Unit: LimitUnit.Milliseconds, Entry: { } timed } => $"about {result.Budget.Format(result.Actual)} for {timed}",
        { Unit: LimitUnit.Milliseconds } => $"slowest about {result.Budget.Format(result.Actual)} of {Count(result.MatchedFiles, "page")}",
        { IsInitial: true, Entry: { } entry } => $"{ByteSize.Format(result.Actual)} for {entry}",
        { IsInitial: true } => $"largest {ByteSize.Format(result.Actual)} of {Count(result.MatchedFiles, "page")}",
        { Scope: BudgetScope.Each } => $"largest {ByteSize.Format(result.Actual)} of {Count(result.MatchedFiles, "file")}",
        _ => $"{ByteSize.Format(result.Actual)} in {Count(result.MatchedFiles, "file")}",
    };


    /// <summary>
    /// A limit column: the size (or time) limit and the count limit, such as "500 kB, 30 files"; "-" for none. An
    /// initial budget's count is of requests (the page and what it loads first).
    /// </summary>
    public static string LimitText(Budget budget, bool warning)
    {
        var size = warning ? budget.DescribeWarningLimit : budget.DescribeErrorLimit;
        var minimum = (warning ? budget.MinimumWarning : budget.MinimumError) is { } floor ? $"at least {floor.Text}" : null;
        var count = warning ? budget.MaximumCountWarning : budget.MaximumCount;
        var countText = count is { } c ? Count(c, budget.IsInitial ? "request" : "file") : null;
        var parts = new[] { size, minimum, countText }.OfType<string>().ToList();
        return parts.Count == 0 ? "-" : string.Join(", ", parts);
    }

    /// <summary>For a budget with a count limit, the count of an initial budget's largest page (a total's files are in its actual text already).</summary>
    public static string CountText(BudgetResult result) =>
        result.Budget.IsInitial && (result.Budget.MaximumCount ?? result.Budget.MaximumCountWarning) is not null && result.Count is { } count
            ? $", {(result.MatchedFiles == 1 ? string.Empty : "most ")}{Count(count, "request")}"
            : string.Empty;

    private static string Format(long? bytes) => bytes is { } value ? ByteSize.Format(value) : "-";

    private static string Count(int count, string noun) => count == 1 ? $"1 {noun}" : $"{count} {noun}s";

    private static IEnumerable<string> Align(List<string[]> rows)
    {
        var widths = Enumerable.Range(0, rows[0].Length).Select(i => rows.Max(r => r[i].Length)).ToArray();
        return rows.Select(r => PlainText.Line("  " + string.Join("  ", r.Select((cell, i) => cell.PadRight(widths[i]))).TrimEnd()));
    }
}
