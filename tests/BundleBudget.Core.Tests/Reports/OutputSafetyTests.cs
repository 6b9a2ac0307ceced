using System.Text.Json;
using BundleBudget.Core.Diagnostics;
using BundleBudget.Core.Reports;
using BundleBudget.Core.Text;

namespace BundleBudget.Core.Tests.Reports;

/// <summary>Names come from the output folder, which anyone who can open a pull request controls: no name may act on a log or a comment.</summary>
public class OutputSafetyTests
{
    private const string Injected = "x\n::error file=app.js::pwned.js";

    [Test]
    public void A_diagnostic_line_escapes_control_characters_and_cannot_start_a_workflow_command()
    {
        var diagnostic = Diagnostic.Warning(DiagnosticCodes.BudgetWarningExceeded, $"Budget 'files' exceeded: {Injected} is 2 kB", $"/out/{Injected}");
        var line = diagnostic.ToString();
        Assert.That(line, Does.Not.Contain("\n").And.Not.Contain("\r"));
        Assert.That(line, Does.Contain("x\\n::error file=app.js::pwned.js"));
        Assert.That(line.Split('\n').Select(l => l.TrimStart()), Has.None.StartsWith("::"));
    }

    [TestCase("a\rb", "a\\rb")]
    [TestCase("tab\there", "tab\\there")]
    [TestCase("bell\u0007", "bell\\u{0007}")]
    [TestCase("esc\u001b[31mred", "esc\\u{001B}[31mred")]
    [TestCase("nel\u0085line", "nel\\u{0085}line")]
    [TestCase("sep\u2028line", "sep\\u{2028}line")]
    [TestCase("rlo\u202Egnp.js", "rlo\\u{202E}gnp.js")]
    [TestCase("plain é ✓ 名前.js", "plain é ✓ 名前.js")]
    public void Control_characters_line_separators_and_bidi_overrides_are_escaped(string text, string expected)
    {
        Assert.That(PlainText.EscapeControl(text), Is.EqualTo(expected));
    }

    [TestCase("::error::x", "> ::error::x")]
    [TestCase("   ::warning file=a::b", ">    ::warning file=a::b")]
    [TestCase("##[error]legacy command", "> ##[error]legacy command")]
    [TestCase("a ::error:: in the middle", "a ::error:: in the middle")]
    public void A_line_that_would_start_a_workflow_command_is_prefixed(string text, string expected)
    {
        Assert.That(PlainText.Line(text), Is.EqualTo(expected));
    }

    [TestCase("@octocat.js", "@&#8203;octocat.js")]
    [TestCase("assets/@org/team.js", "assets/@&#8203;org/team.js")]
    [TestCase("mail me@example.com", "mail me@&#8203;example.com")]
    [TestCase("fixes #123", "fixes \\#&#8203;123")]
    [TestCase("a @ b", "a @ b")]
    public void Markdown_neutralises_mentions_and_issue_links(string name, string expected)
    {
        Assert.That(MarkdownReportWriter.Escape(name), Is.EqualTo(expected));
    }

    [Test]
    public void Markdown_cells_hold_no_control_characters()
    {
        Assert.That(MarkdownReportWriter.Escape("a\u0007b\u202Ec"), Is.EqualTo("a\\\\u{0007}b\\\\u{202E}c"));
    }

    [Test]
    public void The_summary_table_keeps_an_injected_name_on_its_row()
    {
        using var folder = new TemporaryFolder();
        folder.Write($"dist/{Injected}", new string('x', 3000));
        var budget = folder.Write("budget.json", $$"""{ "outputPath": "dist", "imports": { "rules": "none" }, "budgets": [ { "files": "**", "scope": "each", "compression": "raw", "maximumError": "1KB", "name": "each file\n::error::x" } ] }""");
        var result = BudgetCheck.Run(new CheckOptions(budget));

        var lines = SummaryTable.Lines(result);
        Assert.That(lines, Has.None.Contains("\n"));
        Assert.That(lines.Select(l => l.TrimStart()), Has.None.StartsWith("::"));
        Assert.That(lines, Has.Some.Contains("each file\\n::error::x"));
        Assert.That(result.Diagnostics.Select(d => d.ToString()), Has.All.Not.Contain("\n"));
        var markdown = MarkdownReportWriter.Render(result);
        Assert.That(markdown.Split('\n').Select(l => l.TrimStart()), Has.None.StartsWith("::"));

        using var stream = new MemoryStream();
        JsonReportWriter.Write(result, stream);
        using var report = JsonDocument.Parse(stream.ToArray());
        Assert.That(report.RootElement.GetProperty("assets").EnumerateArray().Select(a => a.GetProperty("path").GetString()), Does.Contain(Injected), "the JSON report keeps the real name");
    }

    [Test]
    public void At_most_twenty_findings_of_one_code_are_printed_then_a_count()
    {
        var diagnostics = Enumerable.Range(0, 100_000).Select(i => Diagnostic.Warning(DiagnosticCodes.MissingPageFile, $"index.html loads '/m{i}.js'"))
            .Append(Diagnostic.Error(DiagnosticCodes.BudgetErrorExceeded, "over"))
            .ToList();

        var (shown, omitted) = PrintLimit.Apply(diagnostics);

        Assert.That(shown.Count(d => d.Code == DiagnosticCodes.MissingPageFile), Is.EqualTo(20));
        Assert.That(shown.Last().Code, Is.EqualTo(DiagnosticCodes.BudgetErrorExceeded), "other codes are never crowded out");
        Assert.That(omitted.Single(), Is.EqualTo("bundle-budget: 99,980 more BB1005 warnings are not printed (20 shown, 100,000 in all); the JSON report lists every one."));
    }
}
