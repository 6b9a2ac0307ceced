using System.Text.Json.Serialization;
using BundleBudget.Core.Budgets;

namespace BundleBudget.Core.Reports;

// The JSON report's parts, as written (JsonReportWriter) and as read back (ReportSnapshot): one model, one set of key
// names (camelCase of the properties), serialised by the generated ReportJson context. README.md documents each key.

public sealed record ReportTool(string Name, string Version);

/// <summary>One file of the output with its sizes (null where not computed).</summary>
public sealed record ReportAsset([property: JsonRequired] string Path, [property: JsonRequired] string Type, [property: JsonRequired] bool Counted, string? Encoding, string? Excluded, long? Raw, long? Gzip, long? Brotli)
{
    /// <summary>What a browser transfers: gzip for text, raw for the rest.</summary>
    [JsonIgnore]
    public long Transfer => IsSentCompressed(Type) ? Gzip ?? Raw ?? 0 : Raw ?? 0;

    /// <summary>Whether files of a report's type are sent compressed (text); images, fonts and media are sent as they are.</summary>
    public static bool IsSentCompressed(string type) => type is "script" or "stylesheet" or "document" or "wasm" or "other";

    /// <summary>For a counted file when there are entry pages: whether one loads it (first or later); absent otherwise.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public bool? Loaded { get; init; }
}

public sealed record ReportGap(string Path, string Reason);

/// <summary>A budget's growth since the base report: <c>status</c> pass, error or "not evaluated" (then <c>reason</c> says why).</summary>
public sealed record ReportGrowth(string Limit, long? Base, long? Change, string Status, string? Reason);

public sealed record ReportOffender(string Path, long Actual, string Status);

/// <summary>One budget and its verdict.</summary>
/// <param name="OffendingFiles">For scope each only: the files over a limit.</param>
public sealed record ReportBudget(
    [property: JsonRequired] string Name,
    [property: JsonRequired] string Type,
    [property: JsonRequired] string? Files,
    [property: JsonRequired] string Scope,
    [property: JsonRequired] string Compression,
    int Line,
    int MatchedFiles,
    string Unit,
    string? Network,
    [property: JsonRequired] long Actual,
    long? MaximumWarning,
    long? MaximumError,
    [property: JsonRequired] string Status,
    bool Incomplete,
    IReadOnlyList<ReportGap> Unmeasured,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<ReportOffender>? OffendingFiles)
{
    /// <summary>How many files the budget counted (an initial budget: the most any page loads first); absent for a timing budget.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? Count { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public long? MinimumWarning { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public long? MinimumError { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? MaximumCountWarning { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? MaximumCount { get; init; }

    /// <summary>For a budget with maximumGrowth: its growth since the base report.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public ReportGrowth? Growth { get; init; }

    /// <summary>What identifies a budget across two reports: its definition, not its position.</summary>
    [JsonIgnore]
    public string Key => $"{Name}|{Type}|{Files}|{Scope}|{Compression}";

    /// <summary>The status, where one within its limits that could not be fully measured is incomplete, never a pass.</summary>
    [JsonIgnore]
    public string Verdict => Status == "pass" && Incomplete ? "incomplete" : Status;

    /// <summary>The unit as <see cref="Limit.UnitName"/> writes it; bytes in a report from before units.</summary>
    /// <exception cref="FormatException">A unit this version does not know.</exception>
    [JsonIgnore]
    public LimitUnit LimitUnit => Unit is null ? LimitUnit.Bytes
        : Enum.GetValues<LimitUnit>().Where(u => Limit.UnitName(u) == Unit).Select(u => (LimitUnit?)u).FirstOrDefault() ?? throw new FormatException($"unknown unit '{Unit}'");
}

public sealed record ReportPageFile(
    string Path,
    string Reason,
    string From,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Loading,
    long? Raw,
    long? Gzip,
    long? Brotli);

/// <summary>Files summed: a compressed sum is null unless every file has that size.</summary>
public sealed record ReportFilesTotal(int Files, long Raw, long? Gzip, long? Brotli);

public sealed record ReportPageGap(string From, string Target, string Reason);

public sealed record ReportPage(
    string Path,
    string SiteRoot,
    IReadOnlyList<ReportPageFile> Initial,
    ReportFilesTotal InitialTotal,
    IReadOnlyList<ReportPageFile> Lazy,
    ReportFilesTotal LazyTotal,
    IReadOnlyList<string> External,
    IReadOnlyList<ReportPageGap> Gaps)
{
    /// <summary>A layout the server renders each page in (its path relative to the project): its own HTML is not counted.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public bool ServerRendered { get; init; }
}

public sealed record ReportDiagnostic(string Code, string Severity, string Message, string? File, int Line, int Column);

public sealed record ReportSummary([property: JsonRequired] string Status, [property: JsonRequired] int Errors, [property: JsonRequired] int Warnings, int IncompleteBudgets, IReadOnlyList<TypeTotal> Totals);

/// <summary>A finding about one image or font.</summary>
public sealed record ReportFinding(string Code, string Message, long? EstimatedSaving);

/// <summary>What <c>compare</c> and a baseline read of a report: the parts a comparison needs, the rest is skipped.</summary>
public sealed record ReportDocument(
    [property: JsonRequired] int SchemaVersion,
    IReadOnlyList<ReportAsset>? Assets,
    IReadOnlyList<ReportBudget>? Budgets,
    IReadOnlyList<Imports.ReportImport>? Imports,
    ReportSummary? Summary)
{
    /// <summary>What each bundle with a source map is made of (for the HTML report's diff); absent in a report without them.</summary>
    public IReadOnlyList<BundleContents.ReportBundle>? Bundles { get; init; }
}
