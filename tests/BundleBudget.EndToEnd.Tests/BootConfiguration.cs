using System.Text.Json;

namespace BundleBudget.EndToEnd.Tests;

/// <summary>The boot configuration .NET 10 inlines in the WebAssembly runtime's loader, read here on its own (the oracle of the Blazor tests).</summary>
internal static class BootConfiguration
{
    /// <summary>What the configuration lists for the runtime to load at start (the ICU file aside), as "_framework/name".</summary>
    public static List<string> EagerFiles(string loaderFile)
    {
        var code = File.ReadAllText(loaderFile);
        var start = code.IndexOf("/*json-start*/", StringComparison.Ordinal) + "/*json-start*/".Length;
        using var config = JsonDocument.Parse(code[start..code.IndexOf("/*json-end*/", StringComparison.Ordinal)]);
        var resources = config.RootElement.GetProperty("resources");
        return new[] { "jsModuleNative", "jsModuleRuntime", "wasmNative", "coreAssembly", "assembly" }
            .SelectMany(c => resources.TryGetProperty(c, out var list) ? list.EnumerateArray().Select(r => "_framework/" + r.GetProperty("name").GetString()) : [])
            .ToList();
    }
}
