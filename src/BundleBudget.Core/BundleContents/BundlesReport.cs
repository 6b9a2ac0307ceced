using System.Text.Json.Serialization;

namespace BundleBudget.Core.BundleContents;

// The bundles' part of the JSON report (bundles[], bundledLibraries[]).

public sealed record ReportPackage(string Name, long Bytes);

public sealed record ReportBundle(string Path, string? SourceMap, long Bytes, IReadOnlyList<ReportPackage> Packages);

/// <param name="Via">The package that pulls the library in, or null for the sources' own import.</param>
public sealed record ReportOrigin(string? Via, string? File, int? Line, int? Column);

public sealed record ReportBundledLibrary(string Bundle, string Package, string Source, string Rule, long Bytes, IReadOnlyList<ReportOrigin> Origins, string Severity);

public sealed record ReportDuplicateCopy(string Bundle, long Bytes);

public sealed record ReportDuplicatePackage(string Package, string InstallPath, string? Version, IReadOnlyList<ReportDuplicateCopy> Bundles, long DuplicatedBytes);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, GenerationMode = JsonSourceGenerationMode.Serialization)]
[JsonSerializable(typeof(IReadOnlyList<ReportBundle>))]
[JsonSerializable(typeof(IReadOnlyList<ReportBundledLibrary>))]
[JsonSerializable(typeof(IReadOnlyList<ReportDuplicatePackage>))]
internal sealed partial class BundlesJson : JsonSerializerContext;
