namespace BundleBudget.Core.Imports;

/// <summary>How a source file refers to a module.</summary>
public enum ImportForm
{
    /// <summary><c>import x from 'm'</c></summary>
    Default,

    /// <summary><c>import * as x from 'm'</c></summary>
    Namespace,

    /// <summary><c>import { a, b } from 'm'</c></summary>
    Named,

    /// <summary><c>import 'm'</c></summary>
    SideEffect,

    /// <summary><c>export * from 'm'</c>, <c>export * as ns from 'm'</c></summary>
    ExportAll,

    /// <summary><c>export { a } from 'm'</c></summary>
    ExportNamed,

    /// <summary><c>require('m')</c></summary>
    Require,

    /// <summary><c>import('m')</c>: starts a lazy chunk.</summary>
    DynamicImport,

    /// <summary>TypeScript's <c>import x = require('m')</c></summary>
    ImportEquals,

    /// <summary>TypeScript's <c>typeof import('m')</c> in a type: never a runtime reference.</summary>
    ImportType,
}

public static class ImportFormExtensions
{
    private static readonly Dictionary<string, ImportForm> ByWireName =
        Enum.GetValues<ImportForm>().ToDictionary(ToWireName, f => f, StringComparer.Ordinal);

    /// <summary>The name used in budget.json and the report: <c>import-default</c>, <c>require</c>, ...</summary>
    public static string ToWireName(this ImportForm form) => form switch
    {
        ImportForm.Default => "import-default",
        ImportForm.Namespace => "import-namespace",
        ImportForm.Named => "import-named",
        ImportForm.SideEffect => "import-side-effect",
        ImportForm.ExportAll => "export-all",
        ImportForm.ExportNamed => "export-named",
        ImportForm.Require => "require",
        ImportForm.DynamicImport => "dynamic-import",
        ImportForm.ImportEquals => "import-equals",
        _ => "import-type",
    };

    public static bool TryParseWireName(string name, out ImportForm form) => ByWireName.TryGetValue(name, out form);

    public static IEnumerable<string> WireNames => ByWireName.Keys;
}
