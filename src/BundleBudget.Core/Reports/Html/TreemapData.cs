using System.Text.Json;
using BundleBudget.Core.Assets;
using BundleBudget.Core.Budgets;
using BundleBudget.Core.BundleContents;
using BundleBudget.Core.Compare;
using BundleBudget.Core.Evaluation;
using BundleBudget.Core.Measurement;

namespace BundleBudget.Core.Reports.Html;

/// <summary>
/// The data the HTML report's treemap draws, as JSON: every counted file once (its sizes, its budget status, and from
/// its source map its packages and their modules), the views (each entry page's initial and lazy files, and every file
/// by type), and with a base report what each file and package was there. Keys are short: a build of 300 chunks and
/// 10,000 modules is written into the page.
/// </summary>
internal static class TreemapData
{
    public static void Write(Utf8JsonWriter json, CheckResult result, ReportComparison? comparison)
    {
        var counted = result.Assets.Where(a => a.IsCounted && result.Sizes.ContainsKey(a.Path)).ToList();
        var index = counted.Select((asset, i) => (asset.Path, i)).ToDictionary(x => x.Path, x => x.i, StringComparer.Ordinal);
        var loaded = Pages.LoadedFiles.Of(result.Pages);
        var fileStatus = counted.Select(asset => FileStatus(result, asset, loaded)).ToList();
        var bundles = result.Bundles.Bundles.GroupBy(b => b.Bundle, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);

        json.WriteStartObject();
        json.WriteString("compression", (result.BudgetFile?.Compression ?? Compression.Gzip).ToString().ToLowerInvariant());
        json.WriteStartArray("compressions");
        json.WriteStringValue("raw");
        foreach (var (name, has) in new (string, Func<AssetSizes, bool>)[] { ("gzip", s => s.Gzip is not null), ("brotli", s => s.Brotli is not null) })
        {
            // Offered only when every text file has it: a mix of compressed and raw sizes would compare unlike things.
            if (counted.Where(a => a.IsTextCompressible).All(a => has(result.Sizes[a.Path])))
            {
                json.WriteStringValue(name);
            }
        }

        json.WriteEndArray();
        json.WriteStartArray("files");
        for (var i = 0; i < counted.Count; i++)
        {
            WriteFile(json, counted[i], result.Sizes[counted[i].Path], fileStatus[i], bundles.GetValueOrDefault(counted[i].Path));
        }

        json.WriteEndArray();
        json.WriteStartArray("views");
        foreach (var page in result.Pages.Pages)
        {
            var initialBudgets = result.Budgets.Where(b => b.Budget.IsInitial && BudgetEvaluator.PagesOf(b.Budget, result.Pages).Contains(page)).ToList();
            WriteView(json, page.Path, [
                ("initial", page.Initial.Select(f => f.Path), path => Worst(fileStatus[index[path]], InitialStatus(initialBudgets, counted[index[path]]))),
                ("lazy", page.Lazy.Select(f => f.Path), path => fileStatus[index[path]]),
            ], index);
        }

        WriteView(json, "All files", counted.GroupBy(a => a.Type).OrderBy(g => g.Key)
            .Select(g => (g.Key.ToWireName(), g.Select(a => a.Path), (Func<string, BudgetStatus?>)(path => fileStatus[index[path]]))).ToList(), index);
        json.WriteEndArray();
        if (comparison is { HasBase: true, Base: { } baseReport })
        {
            WriteDiff(json, comparison, baseReport, index);
        }

        json.WriteEndObject();
    }

    private static void WriteFile(Utf8JsonWriter json, Asset asset, AssetSizes sizes, BudgetStatus? status, BundleComposition? bundle)
    {
        json.WriteStartObject();
        json.WriteString("p", asset.Path);
        json.WriteString("t", asset.Type.ToWireName());
        json.WriteNumber("r", sizes.Raw);

        // Images, fonts and media are sent as they are: their compressed size is their size.
        WriteSize(json, "g", asset.IsTextCompressible ? sizes.Gzip : sizes.Raw);
        WriteSize(json, "b", asset.IsTextCompressible ? sizes.Brotli : sizes.Raw);
        WriteStatus(json, status);
        if (bundle is not null)
        {
            json.WriteString("map", bundle.SourceMap);
            json.WriteStartArray("pk");
            var sources = bundle.Sources.GroupBy(s => BundleComposition.PackageOf(s.Source, out _) ?? AppOrUnmapped(s.Source))
                .ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
            foreach (var package in bundle.Packages.OrderByDescending(p => p.Bytes).ThenBy(p => p.Package, StringComparer.Ordinal))
            {
                json.WriteStartArray();
                json.WriteStringValue(package.Package);
                json.WriteNumberValue(package.Bytes);
                json.WriteStartArray();
                foreach (var source in sources.GetValueOrDefault(package.Package, []).Where(s => s.Bytes > 0).OrderByDescending(s => s.Bytes).ThenBy(s => s.Source, StringComparer.Ordinal))
                {
                    BundleComposition.PackageOf(source.Source, out var modulePath);
                    json.WriteStartArray();
                    json.WriteStringValue(modulePath);
                    json.WriteNumberValue(source.Bytes);
                    json.WriteEndArray();
                }

                json.WriteEndArray();
                json.WriteEndArray();
            }

            json.WriteEndArray();
        }

        json.WriteEndObject();
    }

    private static string AppOrUnmapped(string source) => source == BundleComposition.Unmapped ? BundleComposition.Unmapped : BundleComposition.AppSources;

    private static void WriteView(Utf8JsonWriter json, string name, IReadOnlyList<(string Name, IEnumerable<string> Paths, Func<string, BudgetStatus?> Status)> groups, Dictionary<string, int> index)
    {
        json.WriteStartObject();
        json.WriteString("name", name);
        json.WriteStartArray("groups");
        foreach (var (group, paths, status) in groups)
        {
            json.WriteStartObject();
            json.WriteString("name", group);

            // A file the page loads that was not measured (missing, not counted) is a gap the page table names, not a block.
            json.WriteStartArray("f");
            foreach (var path in paths.Where(index.ContainsKey).Distinct(StringComparer.Ordinal))
            {
                json.WriteStartArray();
                json.WriteNumberValue(index[path]);
                json.WriteStringValue(StatusName(status(path)));
                json.WriteEndArray();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    /// <summary>Each file's base sizes (null where the base did not measure that compression) and its packages there; new files have none.</summary>
    private static void WriteDiff(Utf8JsonWriter json, ReportComparison comparison, ReportSnapshot baseReport, Dictionary<string, int> index)
    {
        var baseBundles = baseReport.Bundles.GroupBy(b => b.Path, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        json.WriteStartObject("diff");
        json.WriteStartArray("files");
        foreach (var (before, head) in comparison.Pairs.Where(p => index.ContainsKey(p.Head.Path)))
        {
            json.WriteStartObject();
            json.WriteNumber("i", index[head.Path]);
            json.WriteString("p", before.Path);
            json.WriteNumber("r", before.Raw ?? 0);
            WriteSize(json, "g", ReportAsset.IsSentCompressed(before.Type) ? before.Gzip : before.Raw);
            WriteSize(json, "b", ReportAsset.IsSentCompressed(before.Type) ? before.Brotli : before.Raw);
            if (baseBundles.TryGetValue(before.Path, out var baseBundle))
            {
                json.WriteStartObject("pk");
                foreach (var package in baseBundle.Packages.DistinctBy(p => p.Name, StringComparer.Ordinal))
                {
                    json.WriteNumber(package.Name, package.Bytes);
                }

                json.WriteEndObject();
            }

            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    /// <summary>Packages in some bundle of the head and in none of the base, and the other way round, with their bytes.</summary>
    internal static (IReadOnlyList<(string Name, long Bytes)> Added, IReadOnlyList<(string Name, long Bytes)> Removed) PackageChanges(ReportSnapshot baseReport, IReadOnlyDictionary<string, BundleComposition> bundles)
    {
        var head = bundles.Values.SelectMany(b => b.Packages).Where(p => IsPackage(p.Package))
            .GroupBy(p => p.Package, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Sum(p => p.Bytes), StringComparer.Ordinal);
        var before = baseReport.Bundles.SelectMany(b => b.Packages).Where(p => IsPackage(p.Name))
            .GroupBy(p => p.Name, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Sum(p => p.Bytes), StringComparer.Ordinal);
        if (baseReport.Bundles.Count == 0 || bundles.Count == 0)
        {
            return ([], []); // without maps on one side, every package would look new or removed
        }

        return (
            head.Where(p => !before.ContainsKey(p.Key)).OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal).Select(p => (p.Key, p.Value)).ToList(),
            before.Where(p => !head.ContainsKey(p.Key)).OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal).Select(p => (p.Key, p.Value)).ToList());
    }

    private static bool IsPackage(string name) => name is not (BundleComposition.AppSources or BundleComposition.Unmapped);

    /// <summary>The worst verdict of the size budgets that count a file (a budget per file: its own verdict on it); null when none does.</summary>
    internal static BudgetStatus? FileStatus(CheckResult result, Asset asset, Pages.LoadedFiles? loaded)
    {
        BudgetStatus? worst = null;
        foreach (var budgetResult in result.Budgets)
        {
            // As the evaluator counts: a "loaded" budget leaves out a file no page loads.
            var budget = budgetResult.Budget;
            if (budget.IsInitial || budget.IsTiming || !budget.Includes(asset) || (budget.LoadedOnly && loaded is not null && loaded.NeverLoads(asset)))
            {
                continue;
            }

            var status = budget.Scope == BudgetScope.Each
                ? budgetResult.Offenders.FirstOrDefault(o => o.Asset.Path == asset.Path)?.Status ?? BudgetStatus.Pass
                : Verdict(budgetResult);
            worst = Worst(worst, status);
        }

        return worst;
    }

    private static BudgetStatus? InitialStatus(IReadOnlyList<BudgetResult> initialBudgets, Asset asset)
    {
        BudgetStatus? worst = null;
        foreach (var budgetResult in initialBudgets.Where(b => b.Budget.CountsInitial(asset)))
        {
            worst = Worst(worst, Verdict(budgetResult));
        }

        return worst;
    }

    private static BudgetStatus Verdict(BudgetResult result) =>
        result.Status == BudgetStatus.Pass && result.IsIncomplete ? BudgetStatus.Incomplete : result.Status;

    private static BudgetStatus? Worst(BudgetStatus? a, BudgetStatus? b) => a is null ? b : b is null ? a : (BudgetStatus)Math.Max((int)a, (int)b);

    private static void WriteStatus(Utf8JsonWriter json, BudgetStatus? status) => json.WriteString("s", StatusName(status));

    internal static string StatusName(BudgetStatus? status) => status?.ToString().ToLowerInvariant() ?? "none";

    private static void WriteSize(Utf8JsonWriter json, string name, long? size)
    {
        if (size is { } value)
        {
            json.WriteNumber(name, value);
        }
        else
        {
            json.WriteNull(name);
        }
    }
}
