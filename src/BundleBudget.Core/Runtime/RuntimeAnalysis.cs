using System.Text;
using System.Text.Json;
using BundleBudget.Core.Analyses;
using BundleBudget.Core.Budgets;
using BundleBudget.Core.Diagnostics;

namespace BundleBudget.Core.Runtime;

/// <summary>What drives the download of a .NET WebAssembly app (BB1013): the <c>dotnetRuntime</c> key of the report.</summary>
public sealed class RuntimeAnalysis : Analysis<IReadOnlyList<RuntimeDriver>>
{
    public static RuntimeAnalysis Instance { get; } = new();

    private RuntimeAnalysis()
    {
    }

    public override string Title => "naming what drives the .NET runtime's size";

    public override AnalysisStage Stage => AnalysisStage.Output;

    public override IReadOnlyList<DiagnosticDescriptor> Descriptors => RuntimeDiagnostics.Descriptors;

    public override IReadOnlySet<string> CodesInSection { get; } = new HashSet<string> { RuntimeDiagnostics.SizeDriver };

    internal override IReadOnlyList<RuntimeDriver> None { get; } = [];

    internal override (IReadOnlyList<RuntimeDriver> Result, IReadOnlyList<Diagnostic> Diagnostics) Run(AnalysisContext context)
    {
        var drivers = RuntimeDrivers.Find(context.Pages, context.Assets, context.Sizes, context.ProjectProperties);
        var diagnostics = drivers.Select(d => new Diagnostic(
            RuntimeDiagnostics.SizeDriver,
            Severity.Info,
            $".NET runtime: {d.Setting}{(d.Value is null ? string.Empty : "=" + d.Value)}: {d.Effect}.",
            context.Budget.Path)).ToList();
        return (drivers, diagnostics);
    }

    internal override void WriteJson(Utf8JsonWriter json, IReadOnlyList<RuntimeDriver> result)
    {
        json.WriteStartArray("dotnetRuntime");
        foreach (var driver in result)
        {
            json.WriteStartObject();
            json.WriteString("setting", driver.Setting);
            json.WriteString("value", driver.Value);
            json.WriteString("effect", driver.Effect);
            if (driver.Bytes is { } bytes)
            {
                json.WriteNumber("bytes", bytes);
            }
            else
            {
                json.WriteNull("bytes");
            }

            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    internal override void WriteMarkdown(StringBuilder text, IReadOnlyList<RuntimeDriver> result)
    {
        if (result.Count == 0)
        {
            return;
        }

        text.AppendLine().AppendLine("#### What drives the .NET runtime's download").AppendLine();
        text.AppendLine("| Setting | Bytes | Effect |").AppendLine("|---|---:|---|");
        foreach (var driver in result)
        {
            text.Append("| `").Append(driver.Setting).Append(driver.Value is null ? string.Empty : "=" + driver.Value).Append("` | ")
                .Append(driver.Bytes is { } bytes ? ByteSize.Format(bytes) : "-").Append(" | ")
                .Append(Reports.MarkdownReportWriter.Escape(driver.Effect)).AppendLine(" |");
        }
    }

    internal override void WriteHtml(Reports.Html.HtmlBuilder html, IReadOnlyList<RuntimeDriver> result)
    {
        if (result.Count == 0)
        {
            return;
        }

        html.StartSection("runtime", "What drives the .NET runtime's download").Table(
            "Project settings and what they make the pages load",
            ["Setting", Reports.Html.HtmlCell.Number("Bytes"), "Effect"],
            result.Select(d => (IReadOnlyList<Reports.Html.HtmlCell>)[
                d.Value is null ? d.Setting : $"{d.Setting}={d.Value}",
                Reports.Html.HtmlCell.Number(d.Bytes is { } bytes ? Budgets.ByteSize.Format(bytes) : "-"),
                d.Effect]))
            .EndSection();
    }
}
