using System.Text;
using System.Text.Json;
using BundleBudget.Core.Diagnostics;

namespace BundleBudget.Core.Analyses;

/// <summary>When in the check an analysis runs, and so what it may look at (<see cref="AnalysisContext"/>).</summary>
public enum AnalysisStage
{
    /// <summary>On the front-end sources, before the output is scanned: it runs even when there is no output.</summary>
    Sources,

    /// <summary>After every output file was read once, beside the page graph: the served files and their facts.</summary>
    Scripts,

    /// <summary>After the pages were followed and the sizes measured: everything the check knows of the output.</summary>
    Output,
}

/// <summary>
/// One concern of the check, as size-limit's plugins are: its settings section of budget.json (with defaults), the codes
/// it reports, how it runs, and its sections of the JSON and Markdown reports. All are listed in
/// <see cref="AnalysisRegistry"/>; the check, the budget reader, the reports and the code catalog go through that list,
/// so that a new analysis is its own folder and one line there.
/// </summary>
public abstract class Analysis
{
    /// <summary>What it does, as a failure message names it: "BundleBudget failed unexpectedly in {Title}".</summary>
    public abstract string Title { get; }

    public abstract AnalysisStage Stage { get; }

    /// <summary>The budget.json section it reads, or null when it has none of its own.</summary>
    internal virtual BudgetSection? SettingsSection => null;

    /// <summary>The codes it reports.</summary>
    public abstract IReadOnlyList<DiagnosticDescriptor> Descriptors { get; }

    /// <summary>The codes its Markdown section presents, so the report's "other findings" does not list them again.</summary>
    public virtual IReadOnlySet<string> CodesInSection { get; } = new HashSet<string>();

    /// <summary>What it found when it could not run (an unexpected failure, or no output to look at).</summary>
    internal abstract object Empty { get; }

    internal abstract (object Result, IReadOnlyList<Diagnostic> Diagnostics) RunUntyped(AnalysisContext context);

    internal abstract void WriteJson(Utf8JsonWriter json, object result);

    internal abstract void WriteMarkdown(StringBuilder text, object result);

    internal abstract void WriteHtml(Reports.Html.HtmlBuilder html, object result);
}

/// <summary>An analysis whose findings are a <typeparamref name="TResult"/>.</summary>
public abstract class Analysis<TResult> : Analysis
    where TResult : class
{
    internal abstract TResult None { get; }

    internal sealed override object Empty => None;

    internal abstract (TResult Result, IReadOnlyList<Diagnostic> Diagnostics) Run(AnalysisContext context);

    /// <summary>Writes its keys into the JSON report's top-level object (the schema documents them).</summary>
    internal abstract void WriteJson(Utf8JsonWriter json, TResult result);

    /// <summary>Appends its part of the pull-request comment; nothing when it found nothing worth a reviewer's time.</summary>
    internal abstract void WriteMarkdown(StringBuilder text, TResult result);

    /// <summary>Its sections of the HTML report (every text through the builder, which escapes it); nothing when it found nothing.</summary>
    internal abstract void WriteHtml(Reports.Html.HtmlBuilder html, TResult result);

    internal sealed override (object Result, IReadOnlyList<Diagnostic> Diagnostics) RunUntyped(AnalysisContext context) => Run(context);

    internal sealed override void WriteJson(Utf8JsonWriter json, object result) => WriteJson(json, (TResult)result);

    internal sealed override void WriteMarkdown(StringBuilder text, object result) => WriteMarkdown(text, (TResult)result);

    internal sealed override void WriteHtml(Reports.Html.HtmlBuilder html, object result) => WriteHtml(html, (TResult)result);
}
