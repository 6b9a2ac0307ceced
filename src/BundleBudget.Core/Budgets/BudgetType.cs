using BundleBudget.Core.Assets;

namespace BundleBudget.Core.Budgets;

/// <summary>What a budget counts: one kind of asset, or every counted asset (<see cref="Total"/>).</summary>
public enum BudgetType
{
    Script,
    Stylesheet,
    Image,
    Font,
    Document,
    Media,

    /// <summary>The .NET WebAssembly runtime's files: its .wasm, assemblies and ICU data.</summary>
    Wasm,
    Other,
    Total,

    /// <summary>What an entry page loads before it is usable: its HTML, scripts, stylesheets, static imports, preloads.</summary>
    Initial,

    /// <summary>A metric of a page load measured in a real browser (its <c>metric</c>): no file counts in it.</summary>
    Timing,
}

public static class BudgetTypeExtensions
{
    public static bool Includes(this BudgetType type, AssetType asset) => type switch
    {
        BudgetType.Total => true,
        BudgetType.Script => asset == AssetType.Script,
        BudgetType.Stylesheet => asset == AssetType.Stylesheet,
        BudgetType.Image => asset == AssetType.Image,
        BudgetType.Font => asset == AssetType.Font,
        BudgetType.Document => asset == AssetType.Document,
        BudgetType.Media => asset == AssetType.Media,
        BudgetType.Wasm => asset == AssetType.Wasm,
        BudgetType.Other => asset == AssetType.Other,
        _ => false, // Initial counts the files of a page, Timing measures it: neither is a kind of file.
    };
}
