using BundleBudget.Core.Diagnostics;

namespace BundleBudget.Core.Runtime;

/// <summary>The codes of the .NET WebAssembly runtime analysis (documented in README.md with what to do).</summary>
public static class RuntimeDiagnostics
{
    /// <summary>A project setting and what it makes the pages download.</summary>
    public const string SizeDriver = "BB1013";

    public static IReadOnlyList<DiagnosticDescriptor> Descriptors { get; } =
    [
        new(SizeDriver, "RuntimeSizeDriver", "A project setting that drives what the .NET WebAssembly runtime downloads, and how much.", DiagnosticCategory.Sizes, Severity.Info),
    ];
}
