namespace BundleBudget.Core.Imports;

/// <summary>One reference from a source file to a module, as the compiler would see it.</summary>
/// <param name="Line">1-based line of the module specifier's opening quote.</param>
/// <param name="Column">1-based column (UTF-16 code units, as editors and TypeScript count) of that quote.</param>
/// <param name="Form">The first of default, namespace, named when one declaration has several bindings.</param>
/// <param name="Names">The imported or re-exported names of a named form (<c>import { map as m }</c> gives <c>map</c>).</param>
/// <param name="Binding">The local name of a default, namespace or require binding (<c>_</c> in <c>import _ from 'lodash'</c>).</param>
/// <param name="TypeOnly">A TypeScript type-only reference, erased at compile time: it never counts.</param>
public sealed record ModuleReference(
    string Module,
    ImportForm Form,
    int Line,
    int Column,
    IReadOnlyList<string> Names,
    string? Binding,
    bool TypeOnly)
{
    /// <summary>Members used through the binding (<c>debounce</c> in <c>_.debounce(...)</c>), in order of first use.</summary>
    public IReadOnlyList<string> UsedMembers { get; init; } = [];
}
