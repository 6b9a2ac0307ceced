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
    public bool Matches(ModuleReference reference) =>
        !reference.TypeOnly
        && Forms.Contains(reference.Form)
        && Modules.Any(m => m.IsMatch(reference.Module))
        && NamesMatch(reference);

    /// <summary>A rule narrowed to some names flags a named import (or destructured require) only when it takes one of them.</summary>
    private bool NamesMatch(ModuleReference reference)
    {
        var listsNames = reference.Form is ImportForm.Named or ImportForm.ExportNamed || (reference.Form == ImportForm.Require && reference.Names.Count > 0);
        return Names is null || !listsNames || reference.Names.Any(Names.Contains);
    }
}
