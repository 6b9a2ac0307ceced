using System.Collections.Concurrent;
using BundleBudget.Core.Assets;
using BundleBudget.Core.Budgets;
using BundleBudget.Core.Content;
using BundleBudget.Core.Evaluation;
using BundleBudget.Core.Pages;

namespace BundleBudget.Core.Measurement;

/// <summary>
/// What to learn from each file, from what the budgets compare: compressing at gzip level 9 and brotli quality 11 is
/// the cost of a cold check, so a text file gets a compressed size only where some budget compares it in that
/// compression (images, fonts, media and files shipped compressed never: they are sent as they are). Before the page
/// graph is known, any served text file may be in a page's initial load: gzip is then planned for it when an initial
/// budget compares gzip (cheap), brotli only where a budget surely compares it (slow): an initial file that needs it is
/// read again once the graph is known. The HTML report asks for gzip of every text file (<c>gzipForAll</c>).
/// </summary>
internal sealed class Demand(IReadOnlyList<Budget> budgets, bool brotliForAll, bool gzipForAll = false)
{
    private readonly ConcurrentDictionary<string, FactKinds> _plans = new(StringComparer.Ordinal);

    /// <summary>What to learn from a file whenever it is read: its facts by type, and the compressions a budget may compare.</summary>
    public FactKinds Plan(Asset asset) => _plans.GetOrAdd(asset.Path, _ => FactsOf(asset) | PlannedCompressions(asset));

    /// <summary>The compressions the budgets compare for each file, once the pages are known.</summary>
    public Func<Asset, FactKinds> Compressions(IReadOnlyList<Asset> assets, PageGraph pages)
    {
        var byPath = assets.GroupBy(a => a.Path, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var initial = budgets.Where(b => b.IsInitial)
            .Select(b => (Budget: b, Paths: BudgetEvaluator.PagesOf(b, pages).SelectMany(p => p.Initial).Select(f => f.Path).ToHashSet(StringComparer.Ordinal)))
            .ToList();
        var known = new ConcurrentDictionary<string, FactKinds>(StringComparer.Ordinal);
        return asset =>
        {
            if (!asset.IsCounted)
            {
                return FactKinds.None;
            }

            if (!asset.IsTextCompressible)
            {
                return BinaryCompressions(asset);
            }

            if (known.TryGetValue(asset.Path, out var kinds))
            {
                return kinds;
            }

            kinds = ForAll;
            foreach (var (budget, paths) in initial)
            {
                if (paths.Contains(asset.Path))
                {
                    kinds |= Kind(budget.Compression);
                }
            }

            foreach (var budget in budgets)
            {
                if (!budget.IsInitial && Kind(budget.Compression) is var kind && kind != FactKinds.None && (kinds & kind) == 0 && budget.Includes(asset))
                {
                    kinds |= kind;
                }
            }

            known[asset.Path] = kinds;
            return kinds;
        };
    }

    private FactKinds ForAll => (brotliForAll ? FactKinds.Brotli : FactKinds.None) | (gzipForAll ? FactKinds.Gzip : FactKinds.None);

    private static FactKinds FactsOf(Asset asset) => asset.Type switch
    {
        AssetType.Document => FactKinds.Document,
        AssetType.Script => FactKinds.Script | FactKinds.Composition,
        AssetType.Stylesheet => FactKinds.Stylesheet,
        // An SVG may be an SVG font: its font facts are read in the same pass as its header.
        AssetType.Image when asset.Path.EndsWith(".svg", StringComparison.OrdinalIgnoreCase) => FactKinds.Image | FactKinds.SvgFont | FactKinds.Font,
        AssetType.Image => FactKinds.Image,
        AssetType.Font => FactKinds.Font,
        _ => FactKinds.None,
    };

    /// <summary>For a file servers send as it is: the compressions a budget that compresses every file compares it in.</summary>
    private FactKinds BinaryCompressions(Asset asset)
    {
        var kinds = FactKinds.None;
        foreach (var budget in budgets.Where(b => b.CompressesEveryFile && !b.IsInitial && b.Includes(asset)))
        {
            kinds |= Kind(budget.Compression);
        }

        return kinds == FactKinds.None ? kinds : kinds | FactKinds.BinaryCompressed;
    }

    private FactKinds PlannedCompressions(Asset asset)
    {
        if (!asset.IsCounted)
        {
            return FactKinds.None;
        }

        if (!asset.IsTextCompressible)
        {
            return BinaryCompressions(asset);
        }

        var kinds = ForAll;
        foreach (var budget in budgets)
        {
            var kind = Kind(budget.Compression);
            if (kind != FactKinds.None && (kinds & kind) == 0 && (budget.IsInitial ? kind == FactKinds.Gzip : budget.Includes(asset)))
            {
                kinds |= kind;
            }

            if (kinds == (FactKinds.Gzip | FactKinds.Brotli))
            {
                break;
            }
        }

        return kinds;
    }

    private static FactKinds Kind(Compression compression) => compression switch
    {
        Compression.Gzip => FactKinds.Gzip,
        Compression.Brotli => FactKinds.Brotli,
        _ => FactKinds.None,
    };
}
