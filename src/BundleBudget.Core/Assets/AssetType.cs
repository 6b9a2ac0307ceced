namespace BundleBudget.Core.Assets;

public enum AssetType
{
    Script,
    Stylesheet,
    Image,
    Font,
    Document,
    Media,

    /// <summary>What the .NET WebAssembly runtime downloads: its native runtime and assemblies (.wasm, older .dll) and ICU data.</summary>
    Wasm,
    Other,

    /// <summary>A source map: listed in the report, never counted in a budget.</summary>
    SourceMap,

    /// <summary>A precompressed sibling such as <c>app.js.gz</c> or <c>app.js.br</c>: listed, never counted.</summary>
    Precompressed,
}

public static class AssetTypeExtensions
{
    /// <summary>Whether the asset counts in budgets at all.</summary>
    public static bool IsCounted(this AssetType type) => type is not (AssetType.SourceMap or AssetType.Precompressed);

    /// <summary>
    /// Images, fonts and media are stored compressed already and servers send them as they are,
    /// so their limits always compare raw bytes.
    /// </summary>
    public static bool IsTextCompressible(this AssetType type) =>
        type is AssetType.Script or AssetType.Stylesheet or AssetType.Document or AssetType.Wasm or AssetType.Other;

    public static string ToWireName(this AssetType type) => type switch
    {
        AssetType.SourceMap => "sourcemap",
        AssetType.Precompressed => "precompressed",
        _ => type.ToString().ToLowerInvariant(),
    };
}
