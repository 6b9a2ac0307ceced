using BundleBudget.Core.Budgets;
using BundleBudget.Core.Diagnostics;

namespace BundleBudget.Core.Imports;

/// <summary>The <c>imports</c> section of budget.json: which sources to analyse, with which rules, how severely.</summary>
/// <param name="Sources">Globs relative to budget.json's folder.</param>
/// <param name="Allow">Module specifiers or source files (relative to budget.json) that are never flagged.</param>
public sealed record ImportSettings(
    IReadOnlyList<FileGlob> Sources,
    IReadOnlyList<ImportRule> Rules,
    IReadOnlyList<FileGlob> Allow,
    Severity Severity)
{
    /// <summary>The file kinds read by default: scripts, components and stylesheets.</summary>
    public const string SourceExtensions = "{js,jsx,mjs,cjs,ts,tsx,mts,cts,vue,svelte,css,scss,sass,less}";

    /// <summary>Where front-end sources usually are, beside budget.json: a plain front end, the SPA templates' ClientApp, and client/ or frontend/ beside a server.</summary>
    public static IReadOnlyList<string> DefaultSources { get; } =
        ["src", "ClientApp/src", "client/src", "frontend/src"];

    public static ImportSettings Default { get; } = new(
        DefaultSources.Select(folder => FileGlob.TryParse($"{folder}/**/*.{SourceExtensions}", out var glob, out _) ? glob! : throw new InvalidOperationException()).ToList(),
        RecommendedImportRules.All,
        [],
        Severity.Warning);

    /// <summary>Whether budget.json names the sources (else the usual places are searched).</summary>
    public bool SourcesGiven { get; init; }

    public bool IsAllowed(string module, string relativeFile) => Allow.Any(a => a.IsMatch(module) || a.IsMatch(relativeFile));
}
