using System.Diagnostics;
using System.Text.Json;
using BundleBudget.Core.BundleContents;
using BundleBudget.Core.Compare;
using BundleBudget.Core.Diagnostics;
using BundleBudget.Core.IO;
using BundleBudget.Core.Reports;

namespace BundleBudget.Core.Tests.Hostile;

/// <summary>FIFOs, devices, tiny maps that claim billions of lines, forged reports: nothing may hang, blow up or replace a device.</summary>
[Platform(Exclude = "Win", Reason = "FIFOs and /dev are Unix")]
public class SpecialFilesTests
{
    private TemporaryFolder _folder = null!;

    [SetUp]
    public void SetUp() => _folder = new TemporaryFolder();

    [TearDown]
    public void TearDown() => _folder.Dispose();

    private void Fifo(string relative)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(_folder.Combine(relative))!);
        var made = ProcessRunner.Run("mkfifo", _folder.Path, TimeSpan.FromSeconds(30), _folder.Combine(relative));
        Assert.That(made.ExitCode, Is.Zero, made.ToString());
    }

    [Test]
    public void Fifos_and_devices_anywhere_are_never_opened_and_the_check_finishes()
    {
        Fifo("dist/index.html");
        Fifo("dist/assets/pipe.css");
        Fifo("dist/assets/pipe.js");
        Fifo("dist/assets/pipe.svg");
        Fifo("src/pipe.ts");
        File.CreateSymbolicLink(_folder.Combine("dist", "zero.js"), "/dev/zero");
        File.CreateSymbolicLink(_folder.Combine("dist", "random.css"), "/dev/urandom");
        File.CreateSymbolicLink(_folder.Combine("src", "zero.ts"), "/dev/zero");
        _folder.Write("src/app.ts", "import _ from 'lodash';");
        _folder.Write("dist/app.js", "let a;");
        var budget = _folder.Write("budget.json", """{ "outputPath": "dist", "budgets": [ { "type": "total", "maximumError": "1MB" }, { "type": "initial", "maximumError": "1MB" } ] }""");

        var watch = Stopwatch.StartNew();
        var result = BudgetCheck.Run(new CheckOptions(budget));
        watch.Stop();

        Assert.That(watch.Elapsed, Is.LessThan(TimeSpan.FromSeconds(30)), "a hang guard: nothing blocks on a FIFO or reads a device forever");
        Assert.That(result.Diagnostics.Where(d => d.Code == DiagnosticCodes.InternalError), Is.Empty);
        Assert.That(result.Imports.Findings.Single().RelativeFile, Is.EqualTo("src/app.ts"));
        Assert.That(result.Sizes["app.js"].Raw, Is.EqualTo(6));
        using var report = new MemoryStream();
        JsonReportWriter.Write(result, report);
        Assert.That(report.Length, Is.GreaterThan(0));
    }

    [Test]
    public void A_fifo_for_a_page_is_named_and_its_budgets_are_incomplete()
    {
        Fifo("dist/index.html");
        _folder.Write("dist/app.js", "let a;");
        var budget = _folder.Write("budget.json", """{ "outputPath": "dist", "imports": { "rules": "none" }, "budgets": [ { "type": "initial", "maximumError": "1MB" }, { "type": "document", "maximumError": "1MB" }, { "type": "script", "maximumError": "1MB" } ] }""");

        var result = BudgetCheck.Run(new CheckOptions(budget));

        Assert.That(result.Diagnostics.Single(d => d.Code == DiagnosticCodes.UnreadableAsset).Message, Does.Contain("index.html: it is a FIFO, socket or device"));
        Assert.That(result.Budgets.Select(b => b.Status), Is.EqualTo(new[] { BundleBudget.Core.Evaluation.BudgetStatus.Incomplete, BundleBudget.Core.Evaluation.BudgetStatus.Incomplete, BundleBudget.Core.Evaluation.BudgetStatus.Pass }));
    }

    [Test]
    public void A_budget_file_that_is_a_fifo_is_an_error_not_a_hang()
    {
        Fifo("budget.json");
        var result = BudgetCheck.Run(new CheckOptions(_folder.Combine("budget.json")));
        Assert.That(result.Diagnostics.Single().Code, Is.EqualTo(DiagnosticCodes.InvalidJson));
        Assert.That(result.Diagnostics.Single().Message, Does.Contain("empty"));
        using var report = new MemoryStream();
        JsonReportWriter.Write(result, report);
    }

    [Test]
    public void A_150_byte_map_claiming_two_billion_lines_reads_in_kilobytes()
    {
        _folder.Write("dist/a.js", "var a=1;\n//# sourceMappingURL=a.js.map");
        _folder.Write("dist/a.js.map", """{"version":3,"sections":[{"offset":{"line":2000000000,"column":0},"map":{"version":3,"sources":["node_modules/lodash/lodash.js"],"mappings":"AAAA"}}]}""");
        var dist = _folder.Combine("dist");

        var before = GC.GetTotalAllocatedBytes(precise: true);
        var analysis = BundleAnalyzer.Analyze(dist, BundleBudget.Core.Assets.AssetScanner.Scan(dist).Assets, BundleBudget.Core.Imports.ImportSettings.Default);
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - before;

        Assert.That(analysis.Bundles.Single().Sources, Is.Empty, "the section's lines are beyond the bundle's two");
        Assert.That(analysis.Findings, Is.Empty);
        Assert.That(allocated, Is.LessThan(50_000_000));
    }

    [Test]
    public void A_report_with_a_file_that_could_not_be_measured_can_be_compared()
    {
        var report = _folder.Write("head.json", """{ "schemaVersion": 1, "summary": { "status": "warning", "errors": 0, "warnings": 1 }, "assets": [ {"path":"gone.js","type":"script","counted":true,"raw":null,"gzip":null,"brotli":null} ], "budgets": [ {"name":"script","type":"script","files":null,"scope":"total","compression":"gzip","actual":0,"maximumWarning":null,"maximumError":1000,"status":"pass","incomplete":true} ] }""");
        var snapshot = ReportSnapshot.Read(report);
        Assert.That(snapshot.Assets.Single().Raw, Is.Zero);
        Assert.That(snapshot.Budgets.Single().Status, Is.EqualTo("incomplete"), "a pass that could not be fully measured is shown incomplete");
    }

    [TestCase("""{"path":null,"type":"script","counted":true,"raw":1,"gzip":1,"brotli":null}""", "\"path\" must be a string")]
    [TestCase("""{"path":"a.js","type":"script","counted":true,"raw":9223372036854775807,"gzip":9223372036854775807,"brotli":null}""", "not a size in bytes")]
    [TestCase("""{"path":"a.js","type":"script","counted":true,"raw":-3,"gzip":1,"brotli":null}""", "not a size in bytes")]
    public void A_forged_report_is_refused_with_a_reason_never_a_crash(string asset, string reason)
    {
        var report = _folder.Write("head.json", $$"""{ "schemaVersion": 1, "summary": { "status": "pass", "errors": 0, "warnings": 0 }, "assets": [ {{asset}} ], "budgets": [] }""");
        var error = Assert.Throws<InvalidDataException>(() => ReportSnapshot.Read(report))!;
        Assert.That(error.Message, Does.Contain(reason));
    }

    [Test]
    public void A_report_path_that_is_a_link_is_written_through_the_link_and_an_empty_device_in_place()
    {
        var target = _folder.Write("real/report.json", "old");
        File.CreateSymbolicLink(_folder.Combine("link.json"), target);
        ReportFile.Write(_folder.Combine("link.json"), stream => stream.Write("new"u8));
        Assert.That(new FileInfo(_folder.Combine("link.json")).LinkTarget, Is.EqualTo(target), "the link is still a link");
        Assert.That(File.ReadAllText(target), Is.EqualTo("new"));

        ReportFile.Write("/dev/null", stream => stream.Write("nothing"u8));
        Assert.That(ReportFile.IsSpecial("/dev/null"), Is.True, "still the device, not a file written over it");
        Assert.That(new FileInfo("/dev/null").Length, Is.Zero);
    }

    [Test]
    public void Annotations_escape_every_control_bidi_and_invisible_character()
    {
        var diagnostic = Diagnostic.Warning(DiagnosticCodes.BudgetWarningExceeded, "x\u001b[31mred \u202E gnp \u2066 \u0085 \u007F \u2028 \u200E \uFEFF end", "/out/a\u202Eb.js");
        var annotation = GitHubActions.Annotation(diagnostic, null);
        Assert.That(annotation.Where(c => BundleBudget.Core.Text.PlainText.IsUnsafe(c)), Is.Empty);
        Assert.That(annotation, Does.Contain("\\u{001B}[31mred \\u{202E} gnp \\u{2066} \\u{0085} \\u{007F} \\u{2028} \\u{200E} \\u{FEFF} end"));
    }
}
