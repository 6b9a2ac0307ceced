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
        var start = code.IndexOf("/*json-start*/", StringComparison.Ordinal);
        var end = start < 0 ? -1 : code.IndexOf("/*json-end*/", start, StringComparison.Ordinal);
        if (end < 0)
        {
            return [];
        }

        try
        {
            using var json = JsonDocument.Parse(code.AsMemory(start + "/*json-start*/".Length, end - start - "/*json-start*/".Length), new JsonDocumentOptions { MaxDepth = 16, AllowTrailingCommas = true });
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

        // One ICU file, picked by the browser's culture: with sharded data, EFIGS for English (and French, Italian,
        // German, Spanish), which a budget assumes; with one file, that one. Invariant globalization lists none.
        var icu = Names(resources, "icu").ToList();
        var picked = icu.Count == 1 ? icu[0] : icu.FirstOrDefault(n => n.StartsWith("icudt_EFIGS", StringComparison.Ordinal)) ?? icu.FirstOrDefault(n => n.StartsWith("icudt.", StringComparison.Ordinal));
        if (picked is not null && !(config.TryGetProperty("globalizationMode", out var mode) && mode.ValueKind == JsonValueKind.String && mode.GetString() == "invariant"))
        {
            found.Add(new BootResource(picked, Lazy: false));
        }

        found.AddRange(Names(resources, "lazyAssembly").Select(name => new BootResource(name, Lazy: true)));
        if (resources.TryGetProperty("satelliteResources", out var satellites) && satellites.ValueKind == JsonValueKind.Object)
        {
            foreach (var culture in satellites.EnumerateObject())
            {
                found.AddRange(NamesOf(culture.Value).Select(name => new BootResource(name, Lazy: true)));
            }
        }

        return found.DistinctBy(r => r.Name, StringComparer.Ordinal).ToList();
    }

    private static IEnumerable<string> Names(JsonElement resources, string category) =>
        resources.TryGetProperty(category, out var list) ? NamesOf(list) : [];

    /// <summary>The file names of a category: an array of <c>{ "name": ... }</c>.</summary>
    private static IEnumerable<string> NamesOf(JsonElement list) =>
        list.ValueKind != JsonValueKind.Array ? []
            : list.EnumerateArray()
                .Where(r => r.ValueKind == JsonValueKind.Object && r.TryGetProperty("name", out var name) && name.ValueKind == JsonValueKind.String)
                .Select(r => r.GetProperty("name").GetString()!)
                .Where(IsPlainName);

    /// <summary>A file beside the loader: never a URL, a path out of its folder, or a name with a query.</summary>
    private static bool IsPlainName(string name) =>
        name.Length > 0 && !name.Contains("..", StringComparison.Ordinal) && !name.Contains(':') && !name.StartsWith('/') && name.IndexOfAny(['?', '#', '\\']) < 0;
}
