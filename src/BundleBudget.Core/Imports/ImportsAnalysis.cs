using BundleBudget.Core.Reports.Html;
using System.Text;
using System.Text.Json;
using BundleBudget.Core.Analyses;
using BundleBudget.Core.Diagnostics;
using BundleBudget.Core.Reports;

namespace BundleBudget.Core.Imports;

/// <summary>Whole-library imports in the front-end sources: the <c>imports</c> section, BB2001, BB2003, BB2005.</summary>
public sealed class ImportsAnalysis : Analysis<ImportAnalysis>
{
    public static ImportsAnalysis Instance { get; } = new();

    internal static BudgetSection<ImportSettings> Section { get; } = new("imports", ImportSettings.Default, ImportSettingsReader.Read) { IsACheckAlone = true };

    private ImportsAnalysis()
    {
    }

    public override string Title => "the import analysis";

    public override AnalysisStage Stage => AnalysisStage.Sources;

    internal override BudgetSection? SettingsSection => Section;

    public override IReadOnlyList<DiagnosticDescriptor> Descriptors => ImportDiagnostics.Descriptors;

    public override IReadOnlySet<string> CodesInSection { get; } = new HashSet<string> { ImportDiagnostics.WholeLibraryImport };

    internal override ImportAnalysis None => ImportAnalysis.None;

    internal override (ImportAnalysis Result, IReadOnlyList<Diagnostic> Diagnostics) Run(AnalysisContext context)
    {
        var clientElsewhere = context.Budget.OutputPath is { } output
            && Path.GetRelativePath(context.BudgetFolder, Path.GetFullPath(output, context.BudgetFolder)).StartsWith("..", StringComparison.Ordinal);
        var analysis = ImportAnalyzer.Analyze(context.BudgetFolder, context.Settings(Section), context.Budget.Path, context.Store, clientElsewhere);
        return (analysis, analysis.Diagnostics);
    }

    internal override void WriteJson(Utf8JsonWriter json, ImportAnalysis result)
    {
        json.WriteNumber("sourceFilesAnalysed", result.FilesAnalysed);
        json.Write("imports", ReportImport.From(result), ImportsJson.Default.IReadOnlyListReportImport);
    }

    internal override void WriteMarkdown(StringBuilder text, ImportAnalysis result)
    {
        if (result.Findings.Count == 0)
        {
            return;
        }

        text.AppendLine().AppendLine("**Whole-library imports**").AppendLine();
        text.AppendLine("| Where | Module | Instead |");
        text.AppendLine("|---|---|---|");
        foreach (var finding in result.Findings)
        {
            text.Append("| ").Append(MarkdownReportWriter.Escape($"{finding.RelativeFile}:{finding.Reference.Line}:{finding.Reference.Column}"))
                .Append(" | ").Append(MarkdownReportWriter.Escape(finding.Reference.Module))
                .Append(" | ").Append(MarkdownReportWriter.Escape(finding.Fix)).AppendLine(" |");
        }
    }

    internal override void WriteHtml(HtmlBuilder html, ImportAnalysis result)
    {
        if (result.Findings.Count == 0)
        {
            return;
        }

        html.StartSection("imports", "Whole-library imports").Table(
            "Imports that pull in a whole library, where they are and what to import instead",
            ["Where", "Module", "Severity", "Instead"],
            result.Findings.Select(f => (IReadOnlyList<HtmlCell>)[$"{f.RelativeFile}:{f.Reference.Line}:{f.Reference.Column}", f.Reference.Module, HtmlCell.Badge(f.Severity.ToString().ToLowerInvariant()), f.Fix]))
            .EndSection();
    }
}
