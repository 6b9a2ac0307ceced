using System.Text.Json;

namespace BundleBudget.Core.Pages;

/// <summary>A file Blazor WebAssembly's runtime loads, relative to the loader script's folder (<c>_framework/</c>).</summary>
/// <param name="Lazy">Loaded later, when asked for (a lazily loaded assembly, a culture's satellite resources), not at start.</param>
internal sealed record BootResource(string Name, bool Lazy);

/// <summary>
/// The boot configuration of a .NET WebAssembly app, which .NET 10 inlines in <c>_framework/dotnet.{fingerprint}.js</c>
/// between <c>/*json-start*/</c> and <c>/*json-end*/</c>: what the runtime downloads at start (its native runtime, the
/// core and app assemblies, the ICU data it picks) and what it loads later. Read, never executed.
/// </summary>
internal static class BlazorBoot
{
    /// <summary>The categories the runtime loads at start, as the boot configuration names them.</summary>
    private static readonly string[] AtStart = ["jsModuleNative", "jsModuleRuntime", "jsModuleWorker", "wasmNative", "coreAssembly", "assembly", "coreVfs", "vfs", "modulesAfterConfigLoaded", "modulesAfterRuntimeReady"];

    /// <summary>What a loader script's inline boot configuration lists; none when it holds none, or it cannot be read.</summary>
    public static IReadOnlyList<BootResource> Resources(string code)
    {
        const string Start = "/*json-start*/";
        var start = code.IndexOf(Start, StringComparison.Ordinal);
        var end = start < 0 ? -1 : code.IndexOf("/*json-end*/", start + Start.Length, StringComparison.Ordinal);
        if (end < 0)
        {
            return [];
        }

        try
        {
            using var json = JsonDocument.Parse(code.AsMemory(start + Start.Length, end - start - Start.Length), new JsonDocumentOptions { MaxDepth = 16, AllowTrailingCommas = true });
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

        var files = Entries(list)
            .Select(e => (e.Name, Virtual: e.Resource.TryGetProperty("virtualPath", out var v) && v.ValueKind == JsonValueKind.String ? v.GetString()! : e.Name))
            .ToList();
        string? ByVirtual(string prefix) => files.FirstOrDefault(f => f.Virtual.StartsWith(prefix, StringComparison.Ordinal)).Name;
        var mode = config.TryGetProperty("globalizationMode", out var m) && m.ValueKind == JsonValueKind.String ? m.GetString() : null;
        return mode switch
        {
            "invariant" or "hybrid" => null,
            "custom" => files.FirstOrDefault().Name,
            "all" => ByVirtual("icudt.dat"),
            "sharded" => ByVirtual("icudt_EFIGS"),
            _ => files.Count == 1 ? files[0].Name : ByVirtual("icudt_EFIGS") ?? ByVirtual("icudt.dat"),
        };
    }

    private static IEnumerable<string> Names(JsonElement resources, string category) =>
        resources.TryGetProperty(category, out var list) ? NamesOf(list) : [];

    /// <summary>The file names of a category: an array of <c>{ "name": ... }</c>.</summary>
    private static IEnumerable<string> NamesOf(JsonElement list) => Entries(list).Select(e => e.Name);

    /// <summary>The resources of a category with a plain file name, each with its object (an ICU file's virtualPath).</summary>
    private static IEnumerable<(string Name, JsonElement Resource)> Entries(JsonElement list) =>
        list.ValueKind != JsonValueKind.Array ? []
            : list.EnumerateArray()
                .Where(r => r.ValueKind == JsonValueKind.Object && r.TryGetProperty("name", out var name) && name.ValueKind == JsonValueKind.String)
                .Select(r => (Name: r.GetProperty("name").GetString()!, Resource: r))
                .Where(e => IsPlainName(e.Name));

    /// <summary>
    /// A file of the site relative to the loader (library initializers are <c>../_content/x/x.lib.module.js</c>): never
    /// a URL of its own, a root or protocol-relative path, or a name with a query. Resolution stays on the site's origin.
    /// </summary>
    private static bool IsPlainName(string name) =>
        name.Length > 0 && !name.Contains(':') && !name.StartsWith('/') && name.IndexOfAny(['?', '#', '\\']) < 0;
}
