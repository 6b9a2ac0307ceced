namespace BundleBudget.Core.Diagnostics;

/// <summary>A place in a file, 1-based.</summary>
public readonly record struct SourceLocation(string File, int Line, int Column);
