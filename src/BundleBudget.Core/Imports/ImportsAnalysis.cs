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

    internal static BudgetSection<ImportSettings> Section { get; } = new("imports", ImportSettings.Default, ImportSettingsReader.Read);

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
        var analysis = ImportAnalyzer.Analyze(context.BudgetFolder, context.Settings(Section), context.Budget.Path, context.Store);
        return (analysis, analysis.Diagnostics);
    }

    internal override void WriteJson(Utf8JsonWriter json, ImportAnalysis result)
    {
        json.WriteNumber("sourceFilesAnalysed", result.FilesAnalysed);
        json.WriteObjects("imports", result.Findings, finding =>
        {
            json.WriteString("file", finding.RelativeFile);
            json.WriteNumber("line", finding.Reference.Line);
            json.WriteNumber("column", finding.Reference.Column);
            json.WriteString("module", finding.Reference.Module);
            json.WriteString("form", finding.Reference.Form.ToWireName());
            json.WriteString("rule", finding.Rule.Id);
            json.WriteString("severity", finding.Severity.ToString().ToLowerInvariant());
            json.WriteString("cost", finding.Rule.Cost);
            json.WriteString("fix", finding.Fix);
        });
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
}
