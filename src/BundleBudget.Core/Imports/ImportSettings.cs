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
    public const string DefaultSources = "src/**/*.{js,jsx,mjs,cjs,ts,tsx,mts,cts,vue,svelte}";

    public static ImportSettings Default { get; } = new(
        [FileGlob.TryParse(DefaultSources, out var glob, out _) ? glob! : throw new InvalidOperationException()],
        RecommendedImportRules.All,
        [],
        Severity.Warning);

    public bool IsAllowed(string module, string relativeFile) => Allow.Any(a => a.IsMatch(module) || a.IsMatch(relativeFile));
}
