using BundleBudget.Core.Budgets;
using BundleBudget.Core.Reports.Html;
using System.Text;
using System.Text.Json;
using BundleBudget.Core.Analyses;
using BundleBudget.Core.Diagnostics;
using BundleBudget.Core.Reports;

namespace BundleBudget.Core.Fonts;

/// <summary>Every font of the output, what it is and who uses it.</summary>
/// <param name="Overall">The findings about the fonts together (too many, too heavy).</param>
public sealed record FontResults(IReadOnlyList<FontReport> Fonts, IReadOnlyList<AssetFinding> Overall)
{
    public static FontResults None { get; } = new([], []);
}

/// <summary>Every font of the output from its tables, and which a browser downloads: the <c>fonts</c> section, BB3010 to BB3015.</summary>
public sealed class FontsAnalysis : Analysis<FontResults>
{
    public static FontsAnalysis Instance { get; } = new();

    internal static BudgetSection<FontSettings> Section { get; } = new("fonts", new FontSettings(), FontSettingsReader.Read);

    private FontsAnalysis()
    {
    }

    public override string Title => "the font checks";

    public override AnalysisStage Stage => AnalysisStage.Output;

    internal override BudgetSection? SettingsSection => Section;

    public override IReadOnlyList<DiagnosticDescriptor> Descriptors => FontDiagnostics.Descriptors;

    public override IReadOnlySet<string> CodesInSection { get; } = FontDiagnostics.Descriptors.Select(d => d.Code).ToHashSet();

    internal override FontResults None => FontResults.None;

    internal override (FontResults Result, IReadOnlyList<Diagnostic> Diagnostics) Run(AnalysisContext context)
    {
        var settings = context.Settings(Section);
        var (fonts, overall) = FontChecker.Check(context.Assets, context.Pages, context.Faces, settings, context.Content);
        var diagnostics = fonts
            .SelectMany(f => f.Findings.Select(finding => finding.ToDiagnostic(f.Asset.FullPath, settings.Severity)))
            .Concat(overall.Select(finding => finding.ToDiagnostic(context.Budget.Path, settings.Severity)))
            .ToList();
        return (new FontResults(fonts, overall), diagnostics);
    }

    internal override void WriteJson(Utf8JsonWriter json, FontResults result) =>
        json.Write("fonts", result.Fonts.Select(font => new ReportFont(
            font.Asset.Path,
            font.Info.Format,
            font.Asset.Length,
            font.Info.Glyphs,
            font.Info.Family,
            font.ReferencedBy,
            font.Initial,
            font.Downloaded,
            ReportParts.Findings(font.Findings))).ToList(), FontsJson.Default.IReadOnlyListReportFont);

    internal override void WriteMarkdown(StringBuilder text, FontResults result) =>
        MarkdownReportWriter.AppendHeaviest(text, "Fonts", result.Fonts.Select(f => (f.Asset.Path, f.Asset.Length, Detail: $"{f.Info.Format ?? "unreadable"}{(f.Initial ? ", initial" : string.Empty)}", Findings: f.Findings.Select(x => x.Code))));

    internal override void WriteHtml(HtmlBuilder html, FontResults result)
    {
        if (result.Fonts.Count == 0)
        {
            return;
        }

        html.StartSection("fonts", "Fonts").Table(
            "Every font of the output with its findings",
            ["File", HtmlCell.Number("Size"), "Format", "Family", HtmlCell.Number("Glyphs"), "Loaded", "Findings"],
            result.Fonts.OrderByDescending(f => f.Asset.Length).ThenBy(f => f.Asset.Path, StringComparer.Ordinal).Select(f => (IReadOnlyList<HtmlCell>)[
                f.Asset.Path,
                HtmlCell.Number(ByteSize.Format(f.Asset.Length)),
                f.Info.Format ?? "unreadable",
                f.Info.Family ?? "-",
                HtmlCell.Number(f.Info.Glyphs?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "-"),
                !f.Downloaded ? "never downloaded" : f.Initial ? "first load" : "later",
                Findings(f.Findings)]))
            .EndSection();
    }

    internal static string Findings(IReadOnlyList<AssetFinding> findings) =>
        findings.Count == 0 ? "-" : string.Join("; ", findings.Select(f => $"{f.Code} {f.Message}"));
}
