using BundleBudget.Core.Budgets;
using BundleBudget.Core.Reports.Html;
using System.Text;
using System.Text.Json;
using BundleBudget.Core.Analyses;
using BundleBudget.Core.Diagnostics;
using BundleBudget.Core.Reports;

namespace BundleBudget.Core.Images;

/// <summary>Every image of the output from its header: the <c>images</c> section, BB3001 to BB3007.</summary>
public sealed class ImagesAnalysis : Analysis<IReadOnlyList<ImageReport>>
{
    public static ImagesAnalysis Instance { get; } = new();

    internal static BudgetSection<ImageSettings> Section { get; } = new("images", new ImageSettings(), ImageSettingsReader.Read);

    private ImagesAnalysis()
    {
    }

    public override string Title => "the image checks";

    public override AnalysisStage Stage => AnalysisStage.Output;

    internal override BudgetSection? SettingsSection => Section;

    public override IReadOnlyList<DiagnosticDescriptor> Descriptors => ImageDiagnostics.Descriptors;

    public override IReadOnlySet<string> CodesInSection { get; } = ImageDiagnostics.Descriptors.Select(d => d.Code).ToHashSet();

    internal override IReadOnlyList<ImageReport> None { get; } = [];

    internal override (IReadOnlyList<ImageReport> Result, IReadOnlyList<Diagnostic> Diagnostics) Run(AnalysisContext context) =>
        ImageAnalyzer.Analyze(context.Assets, context.Settings(Section), context.Content);

    internal override void WriteJson(Utf8JsonWriter json, IReadOnlyList<ImageReport> result) =>
        json.Write("images", result.Select(image => new ReportImage(
            image.Asset.Path,
            image.Info.Format,
            image.Info.Width,
            image.Info.Height,
            image.Info.Frames,
            image.Info.Bytes,
            image.Info.Format == "svg" ? image.Info.ViewBox : null,
            image.Info.Format == "svg" ? image.Info.EmbeddedRasterBytes : null,
            ReportParts.Findings(image.Findings))).ToList(), ImagesJson.Default.IReadOnlyListReportImage);

    internal override void WriteMarkdown(StringBuilder text, IReadOnlyList<ImageReport> result) =>
        MarkdownReportWriter.AppendHeaviest(text, "Heaviest images", result.Select(i => (i.Asset.Path, i.Info.Bytes, Detail: i.Info.Width is { } w ? $"{i.Info.Format} {w} x {i.Info.Height}" : i.Info.Format ?? "unreadable", Findings: i.Findings.Select(f => f.Code))));

    internal override void WriteHtml(HtmlBuilder html, IReadOnlyList<ImageReport> result)
    {
        if (result.Count == 0)
        {
            return;
        }

        html.StartSection("images", "Images").Table(
            "Every image of the output with its findings",
            ["File", HtmlCell.Number("Size"), "Format", HtmlCell.Number("Dimensions"), "Findings"],
            result.OrderByDescending(i => i.Info.Bytes).ThenBy(i => i.Asset.Path, StringComparer.Ordinal).Select(i => (IReadOnlyList<HtmlCell>)[
                i.Asset.Path,
                HtmlCell.Number(ByteSize.Format(i.Info.Bytes)),
                i.Info.Format ?? "unreadable",
                HtmlCell.Number(i.Info.Width is { } w ? $"{w} x {i.Info.Height}" : "-"),
                Fonts.FontsAnalysis.Findings(i.Findings)]))
            .EndSection();
    }
}
