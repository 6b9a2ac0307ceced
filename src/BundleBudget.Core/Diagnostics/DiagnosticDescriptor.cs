namespace BundleBudget.Core.Diagnostics;

/// <summary>What a code reports is about: the README's table and SARIF's rules group codes by it.</summary>
public enum DiagnosticCategory
{
    Sizes,
    Pages,
    Content,
    Imports,
    Bundles,
    Images,
    Fonts,
    Timings,
    Configuration,
    Environment,
}

/// <summary>
/// One code as its analysis declares it: a stable id, a name and one-line title (SARIF's rule), what it is about, the
/// severity it has unless configured, and whether budget.json may change that severity (a finding of an image or an
/// import may be silenced or made an error; a gap in what was measured, or a bad budget file, never).
/// </summary>
public sealed record DiagnosticDescriptor(string Code, string Name, string Title, DiagnosticCategory Category, Severity DefaultSeverity, bool Configurable = false);
