using BundleBudget.Core.Analyses;
using BundleBudget.Core.Fonts;
using BundleBudget.Core.Images;
using BundleBudget.Core.Imports;

namespace BundleBudget.Core.Budgets;

/// <summary>An entry page named in budget.json, relative to the output folder, and the folder it is served from, if given.</summary>
/// <param name="SiteRoot">The folder (relative to the output folder) whose files the server sends at '/'; null for the default.</param>
public sealed record EntrySpec(string Path, string? SiteRoot = null);

/// <summary>A budget.json as read: where it is, what folder it checks, its budgets and its analyses' sections.</summary>
/// <param name="OutputPath">The <c>outputPath</c> it names, resolved against its own folder, or null when absent.</param>
public sealed record BudgetFile(string Path, string? OutputPath, Compression Compression, IReadOnlyList<Budget> Budgets)
{
    /// <summary>The analyses' sections that budget.json gives, read, by key; the others take their defaults.</summary>
    internal IReadOnlyDictionary<string, object> Sections { get; init; } = new Dictionary<string, object>();

    /// <summary>The entry pages named by <c>entries</c>; null for every HTML file.</summary>
    public IReadOnlyList<EntrySpec>? Entries { get; init; }

    /// <summary>The folder, relative to the output folder, that the pages are served from; null to detect it.</summary>
    public string? SiteRoot { get; init; }

    /// <summary>
    /// <c>staticWebAssets</c>: ASP.NET Core's static web assets runtime manifest, resolved against budget.json's folder
    /// (for the CLI; the MSBuild task passes the project's own, and <c>--static-web-assets</c> overrides it).
    /// </summary>
    public string? StaticWebAssets { get; init; }

    /// <summary>The other tools' configs it <c>extends</c>, in full: inputs of the check as much as budget.json is.</summary>
    public IReadOnlyList<string> Extends { get; init; } = [];

    /// <summary>Whether a budget that could not be fully measured is an error (else a warning).</summary>
    public bool Strict { get; init; }

    /// <summary>A section's settings: as budget.json gives them, or their defaults.</summary>
    internal TSettings Settings<TSettings>(BudgetSection<TSettings> section)
        where TSettings : class => Sections.TryGetValue(section.Key, out var given) ? (TSettings)given : section.Default;

    public ImportSettings Imports => Settings(ImportsAnalysis.Section);

    public ImageSettings Images => Settings(ImagesAnalysis.Section);

    public FontSettings Fonts => Settings(FontsAnalysis.Section);
}
