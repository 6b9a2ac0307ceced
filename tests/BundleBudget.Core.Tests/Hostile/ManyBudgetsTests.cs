using System.Diagnostics;
using System.Text;
using System.Text.Json;
using BundleBudget.Core.Diagnostics;
using BundleBudget.Core.Reports;

namespace BundleBudget.Core.Tests.Hostile;

public class ManyBudgetsTests
{
    [Test]
    public void Twenty_thousand_budgets_on_one_line_are_read_checked_and_reported_in_bounded_time()
    {
        using var folder = new TemporaryFolder();
        var budgets = new StringBuilder();
        for (var i = 0; i < 20_000; i++)
        {
            budgets.Append(i == 0 ? string.Empty : ",").Append((i % 4) switch
            {
                0 => $$"""{"type":"script","maximumError":"{{500 + i}}KB"}""",
                1 => $$"""{"files":"assets/chunk-{{i}}-*.js","maximumError":"1MB"}""",
                2 => """{"type":"initial","maximumError":"1MB"}""",
                _ => """{"type":"image","scope":"each","maximumError":"150KB"}""",
            });
        }

        var path = folder.Write("budget.json", $$"""{"outputPath":{{JsonSerializer.Serialize(TestAssets.ViteDist)}},"imports":{"rules":"none"},"budgets":[{{budgets}}]}""");

        var watch = Stopwatch.StartNew();
        var result = BudgetCheck.Run(new CheckOptions(path));
        JsonReportWriter.Write(result, folder.Combine("report.json"));
        var markdown = MarkdownReportWriter.Render(result);
        watch.Stop();

        Assert.That(result.Budgets, Has.Count.EqualTo(20_000));
        Assert.That(result.Diagnostics.Count(d => d.Code == DiagnosticCodes.BudgetMatchedNothing), Is.EqualTo(5_000));
        Assert.That(result.Diagnostics.Count(d => d.Code == DiagnosticCodes.BudgetErrorExceeded), Is.EqualTo(5_000), "the hero image, once per each-budget");
        var last = result.Diagnostics.Last(d => d.Code == DiagnosticCodes.BudgetErrorExceeded);
        Assert.That(last.File, Does.EndWith("hero-BWnkITgT.png"));
        var (shown, omitted) = PrintLimit.Apply(result.Diagnostics);
        Assert.That(shown, Has.Count.EqualTo(42), "20 BB1003, 20 BB1001, and the hero PNG's BB3003 and the WOFF's BB3011");
        Assert.That(omitted, Has.Some.Contains("4,980 more BB1003 warnings are not printed"));
        Assert.That(markdown.Split('\n').Count(l => l.StartsWith("| :x: | image (each)", StringComparison.Ordinal)), Is.EqualTo(5_000));
        // A guard against quadratic time (5,000 budgets took 17.7 s and one-line files minutes), not a speed target.
        Assert.That(watch.Elapsed, Is.LessThan(TimeSpan.FromSeconds(60)));
    }
}
