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

    internal override void WriteJson(Utf8JsonWriter json, IReadOnlyList<ImageReport> result)
    {
        json.WriteObjects("images", result, image =>
        {
            json.WriteString("path", image.Asset.Path);
            json.WriteString("format", image.Info.Format);
            json.WriteNumberOrNull("width", image.Info.Width);
            json.WriteNumberOrNull("height", image.Info.Height);
            json.WriteNumber("frames", image.Info.Frames);
            json.WriteNumber("bytes", image.Info.Bytes);
            if (image.Info.Format == "svg")
            {
                json.WriteString("viewBox", image.Info.ViewBox);
                json.WriteNumber("embeddedRasterBytes", image.Info.EmbeddedRasterBytes);
            }

            json.WriteFindings(image.Findings);
        });
    }

    internal override void WriteMarkdown(StringBuilder text, IReadOnlyList<ImageReport> result) =>
        MarkdownReportWriter.AppendHeaviest(text, "Heaviest images", result.Select(i => (i.Asset.Path, i.Info.Bytes, Detail: i.Info.Width is { } w ? $"{i.Info.Format} {w} x {i.Info.Height}" : i.Info.Format ?? "unreadable", Findings: i.Findings.Select(f => f.Code))));
}
