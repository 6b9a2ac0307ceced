namespace BundleBudget.Core.Runtime;

/// <summary>A setting of the project that drives what the .NET WebAssembly runtime downloads, and what it costs here.</summary>
/// <param name="Setting">The MSBuild property that decides it.</param>
/// <param name="Value">Its value in the project, or null when the check was not told (the CLI).</param>
/// <param name="Effect">What it makes the pages download, in words.</param>
/// <param name="Bytes">The bytes it accounts for, in the size the pages' budgets compare (brotli, else gzip, else raw).</param>
public sealed record RuntimeDriver(string Setting, string? Value, string Effect, long? Bytes);
