namespace BundleBudget.Core.Assets;

/// <summary>Tells the kind of an output file from its name.</summary>
public static class AssetClassifier
{
    private static readonly Dictionary<string, AssetType> ByExtension = new(StringComparer.OrdinalIgnoreCase)
    {
        [".js"] = AssetType.Script,
        [".mjs"] = AssetType.Script,
        [".cjs"] = AssetType.Script,
        [".css"] = AssetType.Stylesheet,
        [".png"] = AssetType.Image,
        [".jpg"] = AssetType.Image,
        [".jpeg"] = AssetType.Image,
        [".gif"] = AssetType.Image,
        [".webp"] = AssetType.Image,
        [".avif"] = AssetType.Image,
        [".svg"] = AssetType.Image,
        [".ico"] = AssetType.Image,
        [".bmp"] = AssetType.Image,
        [".woff2"] = AssetType.Font,
        [".woff"] = AssetType.Font,
        [".ttf"] = AssetType.Font,
        [".otf"] = AssetType.Font,
        [".eot"] = AssetType.Font,
        [".html"] = AssetType.Document,
        [".htm"] = AssetType.Document,
        [".mp4"] = AssetType.Media,
        [".webm"] = AssetType.Media,
        [".mp3"] = AssetType.Media,
        [".ogg"] = AssetType.Media,
        [".wav"] = AssetType.Media,
        [".wasm"] = AssetType.Wasm,
        [".dll"] = AssetType.Wasm,
        [".map"] = AssetType.SourceMap,
        [".gz"] = AssetType.Precompressed,
        [".br"] = AssetType.Precompressed,
    };

    /// <summary>The file name extensions (without the dot) that make a file of this kind.</summary>
    public static IReadOnlyList<string> ExtensionsOf(AssetType type) =>
        ByExtension.Where(e => e.Value == type).Select(e => e.Key[1..]).ToList();

    public static AssetType Classify(string path)
    {
        var extension = Path.GetExtension(path);
        if (ByExtension.TryGetValue(extension, out var type))
        {
            return type;
        }

        // The ICU data the .NET WebAssembly runtime loads (icudt.dat, icudt_EFIGS.{fingerprint}.dat); other .dat files are data.
        var name = Path.GetFileName(path);
        return extension.Equals(".dat", StringComparison.OrdinalIgnoreCase) && name.StartsWith("icudt", StringComparison.OrdinalIgnoreCase) ? AssetType.Wasm : AssetType.Other;
    }
}
