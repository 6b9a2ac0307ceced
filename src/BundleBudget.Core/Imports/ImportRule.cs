using BundleBudget.Core.Budgets;

namespace BundleBudget.Core.Imports;

/// <summary>
/// A whole-library import to flag: which module specifiers, which forms of import, what it costs and what to write
/// instead. A rule may be narrowed to some imported names (<c>import { fas } from '@fortawesome/free-solid-svg-icons'</c>).
/// </summary>
/// <param name="Modules">Globs over the module specifier (<c>lodash</c>, <c>rxjs/bundles/*</c>, <c>@fortawesome/*</c>).</param>
/// <param name="BundledSources">Globs over a source map's module paths (after <c>node_modules/</c>) that show the whole library inside a bundle.</param>
/// <param name="Fix">What to write instead, for one reference (knowing its names and used members).</param>
public sealed record ImportRule(
    string Id,
    IReadOnlyList<FileGlob> Modules,
    IReadOnlySet<ImportForm> Forms,
    IReadOnlySet<string>? Names,
    string Cost,
    Func<ModuleReference, string> Fix,
    IReadOnlyList<FileGlob> BundledSources)
{
    /// <summary>
    /// A condition on the version installed (null when nothing tells it): Chart.js is a whole library in version 2 only.
    /// Null for a rule that holds for every version.
    /// </summary>
    public Func<ModuleReference, InstalledPackage?, bool>? When { get; init; }

    /// <summary>Libraries the module brings in whole, whatever imports it (chartjs-adapter-moment brings moment).</summary>
    public IReadOnlyList<string> Pulls { get; init; } = [];

    /// <summary>Whether the rule flags the reference when the version installed is not known.</summary>
    public bool Matches(ModuleReference reference) => Matches(reference, () => null);

    /// <summary>Whether the rule flags the reference, given the version of its package a source file gets (looked up only when the rule depends on it).</summary>
    public bool Matches(ModuleReference reference, Func<InstalledPackage?> installed) =>
        !reference.TypeOnly
        && Forms.Contains(reference.Form)
        && Modules.Any(m => m.IsMatch(reference.Module))
        && NamesMatch(reference)
        && (When is null || When(reference, installed()));

    /// <summary>The npm package a module specifier names ("@scope/name" or "name"), or null for a relative, absolute or URL specifier.</summary>
    public static string? PackageOf(string specifier)
    {
        var module = specifier.TrimStart('~');
        if (module.Length == 0 || module[0] is '.' or '/' or '#' || module.Contains(':', StringComparison.Ordinal))
        {
            return null;
        }

        var segments = module.Split('/');
        return module[0] == '@' ? segments.Length > 1 ? $"{segments[0]}/{segments[1]}" : null : segments[0];
    }

    /// <summary>A rule narrowed to some names flags a named import (or destructured require) only when it takes one of them.</summary>
    private bool NamesMatch(ModuleReference reference)
    {
        var listsNames = reference.Form is ImportForm.Named or ImportForm.ExportNamed || (reference.Form == ImportForm.Require && reference.Names.Count > 0);
        return Names is null || !listsNames || reference.Names.Any(Names.Contains);
    }
}
