using BundleBudget.Core.Reports.Html;
using System.Text;
using System.Text.Json;
using BundleBudget.Core.Analyses;
using BundleBudget.Core.Budgets;
using BundleBudget.Core.Diagnostics;
using BundleBudget.Core.Imports;
using BundleBudget.Core.Reports;

namespace BundleBudget.Core.BundleContents;

/// <summary>
/// What each bundle is made of, through its source map, the whole libraries inside (BB2002, BB2004), and the packages
/// bundled into more than one bundle (BB2006). It takes its
/// rules from the <c>imports</c> section, and where the sources import a library from the import analysis.
/// </summary>
public sealed class BundlesAnalysis : Analysis<BundleAnalysis>
{
    public static BundlesAnalysis Instance { get; } = new();

    private BundlesAnalysis()
    {
    }

    public override string Title => "the source map analysis";

    public override AnalysisStage Stage => AnalysisStage.Scripts;

    internal override BudgetSection? SettingsSection => ImportsAnalysis.Section;

    public override IReadOnlyList<DiagnosticDescriptor> Descriptors => BundleDiagnostics.Descriptors;

    public override IReadOnlySet<string> CodesInSection { get; } = new HashSet<string> { BundleDiagnostics.WholeLibraryBundled };

    internal override BundleAnalysis None => BundleAnalysis.None;

    internal override (BundleAnalysis Result, IReadOnlyList<Diagnostic> Diagnostics) Run(AnalysisContext context)
    {
        var analysis = BundleAnalyzer.Analyze(context.Served, context.Settings(ImportsAnalysis.Section), context.ResultOf(ImportsAnalysis.Instance), context.Content);
        return (analysis, analysis.Diagnostics);
    }

    /// <summary>The report's <c>bundles</c>: each bundle with a source map and its bytes per package.</summary>
    internal static IReadOnlyList<ReportBundle> ReportBundles(BundleAnalysis result) =>
        result.Bundles.Select(b => new ReportBundle(b.Bundle, b.SourceMap, b.Bytes, b.Packages.Select(p => new ReportPackage(p.Package, p.Bytes)).ToList())).ToList();

    internal override void WriteJson(Utf8JsonWriter json, BundleAnalysis result)
    {
        json.Write("bundles", ReportBundles(result), BundlesJson.Default.IReadOnlyListReportBundle);
        json.Write("bundledLibraries", result.Findings.Select(f => new ReportBundledLibrary(
            f.Bundle.Path,
            f.Package,
            f.Source,
            f.Rule.Id,
            f.PackageBytes,
            f.Origins.Select(o => new ReportOrigin(o.Via, o.ImportedAt?.RelativeFile, o.ImportedAt?.Reference.Line, o.ImportedAt?.Reference.Column)).ToList(),
            f.Severity.ToString().ToLowerInvariant())).ToList(), BundlesJson.Default.IReadOnlyListReportBundledLibrary);
        json.Write("duplicatePackages", result.Duplicates.Select(d => new ReportDuplicatePackage(
            d.Package, d.InstallPath, d.Version, d.Copies.Select(c => new ReportDuplicateCopy(c.Bundle, c.Bytes)).ToList(), d.DuplicatedBytes)).ToList(), BundlesJson.Default.IReadOnlyListReportDuplicatePackage);
    }

    internal override void WriteMarkdown(StringBuilder text, BundleAnalysis result)
    {
        if (result.Duplicates.Count > 0)
        {
            text.AppendLine().AppendLine("**Packages bundled more than once**").AppendLine();
            text.AppendLine("| Package | Bundles | Duplicated |");
            text.AppendLine("|---|---|---:|");
            foreach (var duplicate in result.Duplicates)
            {
                var name = duplicate.Version is null ? duplicate.Package : $"{duplicate.Package} {duplicate.Version}";
                text.Append("| ").Append(MarkdownReportWriter.Escape(name)).Append(" | ")
                    .Append(MarkdownReportWriter.Escape(string.Join(", ", duplicate.Copies.Select(c => $"{c.Bundle} ({ByteSize.Format(c.Bytes)})"))))
                    .Append(" | ").Append(ByteSize.Format(duplicate.DuplicatedBytes)).AppendLine(" |");
            }
        }

        if (result.Findings.Count == 0)
        {
            return;
        }

        text.AppendLine().AppendLine("**Whole libraries inside bundles**").AppendLine();
        text.AppendLine("| Bundle | Library | Bytes |");
        text.AppendLine("|---|---|---:|");
        foreach (var finding in result.Findings)
        {
            text.Append("| ").Append(MarkdownReportWriter.Escape(finding.Bundle.Path)).Append(" | ").Append(MarkdownReportWriter.Escape(finding.Package))
                .Append(" | ").Append(ByteSize.Format(finding.PackageBytes)).AppendLine(" |");
        }
    }

    internal override void WriteHtml(HtmlBuilder html, BundleAnalysis result)
    {
        if (result.Duplicates.Count > 0)
        {
            html.StartSection("duplicates", "Packages bundled more than once").Table(
                "Packages whose modules are in two or more bundles",
                ["Package", "Bundles", HtmlCell.Number("Duplicated")],
                result.Duplicates.Select(d => (IReadOnlyList<HtmlCell>)[
                    d.Version is null ? d.Package : $"{d.Package} {d.Version}",
                    string.Join(", ", d.Copies.Select(c => $"{c.Bundle} ({ByteSize.Format(c.Bytes)})")),
                    HtmlCell.Number(ByteSize.Format(d.DuplicatedBytes))]))
                .EndSection();
        }

        if (result.Findings.Count > 0)
        {
            html.StartSection("bundled-libraries", "Whole libraries inside bundles").Table(
                "Libraries bundled whole, by the bundles' source maps, and what brought them in",
                ["Bundle", "Library", HtmlCell.Number("Bytes"), "Brought in by"],
                result.Findings.Select(f => (IReadOnlyList<HtmlCell>)[
                    f.Bundle.Path,
                    f.Package,
                    HtmlCell.Number(ByteSize.Format(f.PackageBytes)),
                    f.Origins.Count == 0 ? "-" : string.Join("; ", f.Origins.Select(o => o.Describe()))]))
                .EndSection();
        }
    }
}
