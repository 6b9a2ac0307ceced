using BundleBudget.Core.Assets;
using BundleBudget.Core.Budgets;
using BundleBudget.Core.Measurement;
using BundleBudget.Core.Pages;

namespace BundleBudget.Core.Runtime;

/// <summary>
/// Names what drives the size of a .NET WebAssembly app's download, from what its pages' boot configuration loads and
/// the project's settings (given by the MSBuild task): culture data (InvariantGlobalization), trimming, AOT, lazy
/// loading, symbols, compression. The settings are read, never guessed: one the check was not told is left unnamed.
/// </summary>
internal static class RuntimeDrivers
{
    public static IReadOnlyList<RuntimeDriver> Find(PageGraph pages, IReadOnlyList<Asset> assets, IReadOnlyDictionary<string, AssetSizes> sizes, IReadOnlyDictionary<string, string> properties)
    {
        var atStart = pages.Pages.SelectMany(p => p.Initial).Where(f => f.Reason == LoadReason.BlazorBoot).Select(f => f.Path).Distinct(StringComparer.Ordinal).ToList();
        if (atStart.Count == 0)
        {
            return [];
        }

        var later = pages.Pages.SelectMany(p => p.Lazy).Where(f => f.Reason == LoadReason.BlazorBoot).Select(f => f.Path).Distinct(StringComparer.Ordinal).Except(atStart).ToList();
        string? Property(string name) => properties.TryGetValue(name, out var value) && value.Length > 0 ? value : null;
        long? Size(IEnumerable<string> paths)
        {
            long total = 0;
            foreach (var path in paths)
            {
                if (!sizes.TryGetValue(path, out var size))
                {
                    return null;
                }

                total += size.Brotli ?? size.Gzip ?? size.Raw;
            }

            return total;
        }

        string Describe(IReadOnlyCollection<string> paths) =>
            $"{paths.Count} {(paths.Count == 1 ? "file" : "files")}{(Size(paths) is { } bytes ? ", " + ByteSize.Format(bytes) : string.Empty)}";

        var drivers = new List<RuntimeDriver>();
        var icu = atStart.Where(p => FileName(p).StartsWith("icudt", StringComparison.Ordinal)).ToList();
        var invariant = Property("InvariantGlobalization");
        drivers.Add(icu.Count > 0
            ? new RuntimeDriver("InvariantGlobalization", invariant, $"the runtime loads culture data at start: {string.Join(", ", icu.Select(FileName))} ({Describe(icu)}); InvariantGlobalization=true leaves it out, if the app formats no culture-specific dates, numbers or text (HybridGlobalization uses the browser's instead)", Size(icu))
            : new RuntimeDriver("InvariantGlobalization", invariant, "no culture data (ICU) loads at start", 0));

        var native = atStart.Where(p => FileName(p).StartsWith("dotnet.native", StringComparison.Ordinal) && p.EndsWith(".wasm", StringComparison.Ordinal)).ToList();
        var aot = Property("RunAOTCompilation");
        if (native.Count > 0)
        {
            var aotNote = string.Equals(aot, "true", StringComparison.OrdinalIgnoreCase)
                ? "; AOT compiles the app's code into it: faster to run, several times larger to download"
                : string.Empty;
            drivers.Add(new RuntimeDriver("RunAOTCompilation", aot, $"the native runtime {string.Join(", ", native.Select(FileName))} ({Describe(native)}){aotNote}", Size(native)));
        }

        var assemblies = atStart.Where(p => IsAssembly(p) && !native.Contains(p)).ToList();
        if (assemblies.Count > 0)
        {
            // Told by the task at publish only (a build is never trimmed); not told, nothing is said of it.
            var trimmed = Property("PublishTrimmed");
            var mode = Property("TrimMode");
            var how = trimmed is null ? string.Empty
                : string.Equals(trimmed, "false", StringComparison.OrdinalIgnoreCase) ? ", untrimmed: every assembly ships whole; PublishTrimmed=true removes the code the app does not use"
                : string.Equals(mode, "full", StringComparison.OrdinalIgnoreCase) ? ", trimmed (TrimMode=full): unused code is removed from every assembly"
                : $", trimmed{(mode is null ? string.Empty : $" (TrimMode={mode})")}: unused code is removed from the framework's assemblies; TrimMode=full trims the app's and its packages' too (test that nothing it reaches by reflection goes)";
            drivers.Add(new RuntimeDriver("PublishTrimmed", trimmed, $"{assemblies.Count} assemblies load at start ({Describe(assemblies)}){how}", Size(assemblies)));
        }

        var lazy = later.Where(p => IsAssembly(p) && !p.Contains("/resources", StringComparison.Ordinal) && !FileName(p).Contains(".resources.", StringComparison.Ordinal)).ToList();
        if (lazy.Count > 0)
        {
            drivers.Add(new RuntimeDriver("BlazorWebAssemblyLazyLoad", null, $"{lazy.Count} assemblies load only when the app asks for them ({Describe(lazy)}), not at start", Size(lazy)));
        }

        var symbols = atStart.Where(p => p.EndsWith(".pdb", StringComparison.Ordinal)).ToList();
        if (symbols.Count > 0)
        {
            drivers.Add(new RuntimeDriver("DebugType", Property("DebugType"), $"debugging symbols load at start ({Describe(symbols)}): publish in Release, or set WasmDebugLevel=0", Size(symbols)));
        }

        // What a server can send compressed: the framework's .br and .gz beside each runtime file.
        var byPath = assets.Select(a => a.Path).ToHashSet(StringComparer.Ordinal);
        var uncompressed = atStart.Where(p => !byPath.Contains(p + ".br") && !byPath.Contains(p + ".gz")).ToList();
        var compression = Property("CompressionEnabled") ?? Property("BlazorEnableCompression");
        if (uncompressed.Count > 0)
        {
            drivers.Add(new RuntimeDriver("CompressionEnabled", compression, $"{Describe(uncompressed)} of the runtime have no precompressed .br or .gz beside them: the server must compress each response itself (the sizes here assume it does), or sends them whole", Size(uncompressed)));
        }

        return drivers;
    }

    private static bool IsAssembly(string path) => path.EndsWith(".wasm", StringComparison.Ordinal) || path.EndsWith(".dll", StringComparison.Ordinal);

    private static string FileName(string path) => path[(path.LastIndexOf('/') + 1)..];
}
