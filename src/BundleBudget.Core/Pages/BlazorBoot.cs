using System.Text.Json;

namespace BundleBudget.Core.Pages;

/// <summary>A file Blazor WebAssembly's runtime loads, relative to the loader script's folder (<c>_framework/</c>).</summary>
/// <param name="Lazy">Loaded later, when asked for (a lazily loaded assembly, a culture's satellite resources), not at start.</param>
internal sealed record BootResource(string Name, bool Lazy);

/// <summary>
/// The boot configuration of a .NET WebAssembly app, which .NET 10 inlines in <c>_framework/dotnet.{fingerprint}.js</c>
/// between <c>/*json-start*/</c> and <c>/*json-end*/</c> and .NET 8 and 9 write to <c>_framework/blazor.boot.json</c>
/// (each category an object of name to hash, not an array): what the runtime downloads at start (its native runtime, the
/// core and app assemblies, the ICU data it picks) and what it loads later. Read, never executed.
/// </summary>
internal static class BlazorBoot
{
    /// <summary>The categories the runtime loads at start, as the boot configuration names them.</summary>
    private static readonly string[] AtStart = ["jsModuleNative", "jsModuleRuntime", "jsModuleWorker", "wasmNative", "coreAssembly", "assembly", "coreVfs", "vfs", "modulesAfterConfigLoaded", "modulesAfterRuntimeReady"];

    /// <summary>The boot configuration .NET 8 and 9 write beside the runtime's loader, which fetches it.</summary>
    public const string ConfigFileName = "blazor.boot.json";

    /// <summary>
    /// What a loader script's inline boot configuration lists, or a <see cref="ConfigFileName"/>'s (the whole text is
    /// the configuration); none when it holds none, or it cannot be read.
    /// </summary>
    public static IReadOnlyList<BootResource> Resources(string code)
    {
        const string Start = "/*json-start*/";
        var start = code.IndexOf(Start, StringComparison.Ordinal);
        var end = start < 0 ? -1 : code.IndexOf("/*json-end*/", start + Start.Length, StringComparison.Ordinal);
        var (from, length) = end >= 0 ? (start + Start.Length, end - start - Start.Length)
            : code.AsSpan().TrimStart().StartsWith("{") && code.Contains("\"resources\"", StringComparison.Ordinal) ? (0, code.Length)
            : (-1, 0);
        if (from < 0)
        {
            return [];
        }

        try
        {
            using var json = JsonDocument.Parse(code.AsMemory(from, length), new JsonDocumentOptions { MaxDepth = 16, AllowTrailingCommas = true });
            return json.RootElement.ValueKind == JsonValueKind.Object && json.RootElement.TryGetProperty("resources", out var resources) && resources.ValueKind == JsonValueKind.Object
                ? Read(json.RootElement, resources)
                : [];
        }
        catch (JsonException)
        {
            return [];
        }
    }

    private static List<BootResource> Read(JsonElement config, JsonElement resources)
    {
        var found = new List<BootResource>();
        foreach (var category in AtStart)
        {
            found.AddRange(Names(resources, category).Select(name => new BootResource(name, Lazy: false)));
        }

        if (IcuFile(config, resources) is { } icu)
        {
            found.Add(new BootResource(icu, Lazy: false));

            // The other ICU files are what browsers in other cultures load instead: not at start here, but loaded.
            found.AddRange(Names(resources, "icu").Where(name => name != icu).Select(name => new BootResource(name, Lazy: true)));
        }

        // The runtime loads symbols at start when the app was built to debug them.
        if (config.TryGetProperty("debugLevel", out var debug) && debug.ValueKind == JsonValueKind.Number && debug.TryGetInt32(out var level) && level != 0)
        {
            found.AddRange(Names(resources, "pdb").Select(name => new BootResource(name, Lazy: false)));
        }

        found.AddRange(Names(resources, "lazyAssembly").Select(name => new BootResource(name, Lazy: true)));
        // Satellite assemblies are named without their culture's folder, which the runtime adds; loaded when a culture
        // asks for them, or all at start with loadAllSatelliteResources.
        var allSatellites = config.TryGetProperty("loadAllSatelliteResources", out var all) && all.ValueKind == JsonValueKind.True;
        if (resources.TryGetProperty("satelliteResources", out var satellites) && satellites.ValueKind == JsonValueKind.Object)
        {
            foreach (var culture in satellites.EnumerateObject().Where(c => IsPlainName(c.Name) && !c.Name.Contains('/')))
            {
                found.AddRange(NamesOf(culture.Value).Select(name => new BootResource($"{culture.Name}/{name}", Lazy: !allSatellites)));
            }
        }

        return found.DistinctBy(r => r.Name, StringComparer.Ordinal).ToList();
    }

    /// <summary>
    /// The ICU file the runtime loads, by its globalization mode as .NET's loader decides: "sharded" the shard of the
    /// browser's culture (EFIGS for English, which a budget assumes), "all" icudt.dat, "custom" the one listed; none
    /// for "invariant" and "hybrid". Without a mode, the one file listed, or the English shard.
    /// </summary>
    private static string? IcuFile(JsonElement config, JsonElement resources)
    {
        if (!resources.TryGetProperty("icu", out var list))
        {
            return null;
        }

        // .NET 9 names the original of each fingerprinted file in "fingerprinting"; .NET 10 gives a virtualPath.
        var original = resources.TryGetProperty("fingerprinting", out var map) && map.ValueKind == JsonValueKind.Object ? map : default;
        string VirtualOf(string name, JsonElement resource) =>
            resource.ValueKind == JsonValueKind.Object && resource.TryGetProperty("virtualPath", out var v) && v.ValueKind == JsonValueKind.String ? v.GetString()!
            : original.ValueKind == JsonValueKind.Object && original.TryGetProperty(name, out var o) && o.ValueKind == JsonValueKind.String ? o.GetString()!
            : name;
        var files = Entries(list).Select(e => (e.Name, Virtual: VirtualOf(e.Name, e.Resource))).ToList();
        string? ByVirtual(string prefix) => files.FirstOrDefault(f => f.Virtual.StartsWith(prefix, StringComparison.Ordinal)).Name;
        var mode = config.TryGetProperty("globalizationMode", out var m) && m.ValueKind == JsonValueKind.String ? m.GetString() : null;
        return mode switch
        {
            "invariant" => null,
            "hybrid" => ByVirtual("icudt_hybrid"),
            "custom" => files.FirstOrDefault().Name,
            "all" => ByVirtual("icudt.dat"),
            "sharded" => ByVirtual("icudt_EFIGS"),
            _ => files.Count == 1 ? files[0].Name : ByVirtual("icudt_EFIGS") ?? ByVirtual("icudt.dat"),
        };
    }

    private static IEnumerable<string> Names(JsonElement resources, string category) =>
        resources.TryGetProperty(category, out var list) ? NamesOf(list) : [];

    /// <summary>The file names of a category: an array of <c>{ "name": ... }</c> (.NET 10), or an object whose keys are the names (.NET 8 and 9).</summary>
    private static IEnumerable<string> NamesOf(JsonElement list) => Entries(list).Select(e => e.Name);

    /// <summary>The resources of a category with a plain file name, each with its value (an ICU file's virtualPath).</summary>
    private static IEnumerable<(string Name, JsonElement Resource)> Entries(JsonElement list)
    {
        var entries = list.ValueKind switch
        {
            JsonValueKind.Array => list.EnumerateArray()
                .Where(r => r.ValueKind == JsonValueKind.Object && r.TryGetProperty("name", out var name) && name.ValueKind == JsonValueKind.String)
                .Select(r => (Name: r.GetProperty("name").GetString()!, Resource: r)),
            JsonValueKind.Object => list.EnumerateObject().Select(p => (Name: p.Name, Resource: p.Value)),
            _ => [],
        };
        return entries.Where(e => IsPlainName(e.Name));
    }

    /// <summary>
    /// A file of the site relative to the loader (library initializers are <c>../_content/x/x.lib.module.js</c>): never
    /// a URL of its own, a root or protocol-relative path, or a name with a query. Resolution stays on the site's origin.
    /// </summary>
    private static bool IsPlainName(string name) =>
        name.Length > 0 && !name.Contains(':') && !name.StartsWith('/') && name.IndexOfAny(['?', '#', '\\']) < 0;
}
