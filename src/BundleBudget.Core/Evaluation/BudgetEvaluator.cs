using System.Globalization;
using BundleBudget.Core.Assets;
using BundleBudget.Core.Budgets;
using BundleBudget.Core.Diagnostics;
using BundleBudget.Core.Measurement;
using BundleBudget.Core.Pages;

namespace BundleBudget.Core.Evaluation;

/// <summary>
/// Compares measured sizes with each budget and turns every exceeded limit into a BB1xxx diagnostic. A budget that
/// would count a file that could not be measured is incomplete (BB1007): it never shows a plain pass.
/// </summary>
public static partial class BudgetEvaluator
{
    public static (IReadOnlyList<BudgetResult> Results, IReadOnlyList<Diagnostic> Diagnostics) Evaluate(
        BudgetFile budgetFile, IReadOnlyList<Asset> assets, IReadOnlyDictionary<string, AssetSizes> sizes, PageGraph pages) =>
        Evaluate(budgetFile, assets, sizes, pages, MeasurementGaps.None, budgetFile.Strict);

    public static (IReadOnlyList<BudgetResult> Results, IReadOnlyList<Diagnostic> Diagnostics) Evaluate(
        BudgetFile budgetFile, IReadOnlyList<Asset> assets, IReadOnlyDictionary<string, AssetSizes> sizes, PageGraph pages, MeasurementGaps gaps, bool strict, Timings.TimingsResult? timings = null, Func<BaselineBudgets>? baseline = null)
    {
        var (results, diagnostics) = EvaluateLimits(budgetFile, assets, sizes, pages, gaps, strict, timings);
        if (!budgetFile.Budgets.Any(b => b.MaximumGrowth is not null))
        {
            return (results, diagnostics);
        }

        // The base report is read only when a budget limits growth.
        var baseBudgets = baseline?.Invoke() ?? BaselineBudgets.Read(null);
        var grown = new List<Diagnostic>(diagnostics);
        var keys = budgetFile.Budgets.GroupBy(Reports.ReportParts.KeyOf, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        return (results.Select(r => GrowthOf(r, baseBudgets, grown, key => keys.GetValueOrDefault(key))).ToList(), grown);
    }

    private static (IReadOnlyList<BudgetResult> Results, IReadOnlyList<Diagnostic> Diagnostics) EvaluateLimits(
        BudgetFile budgetFile, IReadOnlyList<Asset> assets, IReadOnlyDictionary<string, AssetSizes> sizes, PageGraph pages, MeasurementGaps gaps, bool strict, Timings.TimingsResult? timings)
    {
        var context = new Context(assets, sizes, gaps, strict);
        var loaded = LoadedFiles.Of(pages);
        foreach (var budget in budgetFile.Budgets)
        {
            if (budget.IsRegressionOnly)
            {
                continue; // Judged against the base branch by compare --measure; TimingsAnalysis says so (BB4004).
            }

            if (budget.IsTiming)
            {
                context.Results.Add(EvaluateTiming(budget, pages, timings ?? Timings.TimingsResult.None, context));
                continue;
            }

            if (budget.IsInitial)
            {
                context.Results.Add(EvaluateInitial(budget, pages, context, timings));
                continue;
            }

            var matched = new List<Asset>();
            var unmeasured = new List<Unmeasured>();
            if (budget.LoadedOnly && (loaded is null || loaded.WhyIncomplete is not null))
            {
                // Which files the pages load is not known: a file left out could be one they load.
                unmeasured.Add(new Unmeasured("entry pages", loaded is null ? "\"loaded\": true needs an entry page, and there is none" : $"what the pages load is not fully known: {loaded.WhyIncomplete}"));
            }

            foreach (var asset in context.Counted)
            {
                if (!budget.Includes(asset) || (budget.LoadedOnly && loaded is not null && loaded.NeverLoads(asset)))
                {
                    continue;
                }

                if (context.SizeFor(budget, asset) is null)
                {
                    unmeasured.Add(new Unmeasured(asset.Path, context.WhyUnmeasured(budget, asset)));
                }
                else
                {
                    matched.Add(asset);
                }
            }

            unmeasured.AddRange(gaps.Folders.Where(f => f.IsFolder && (budget.Files is null || budget.Files.CouldMatchUnder(f.Path)))
                .Select(f => new Unmeasured(f.Path.Length == 0 ? "." : f.Path + "/", $"the folder could not be listed ({f.Reason})")));
            unmeasured.AddRange(gaps.Folders.Where(f => !f.IsFolder && budget.Includes(new Asset(f.Path, f.Path, AssetClassifier.Classify(f.Path), 0)))
                .Select(f => new Unmeasured(f.Path, f.Reason)));
            var result = budget.Scope == BudgetScope.Each
                ? EvaluateEach(budget, matched, context)
                : EvaluateTotal(budget, matched, context, minimumsApply: unmeasured.Count == 0 && (matched.Count > 0 || !budget.UnmatchedIsUnknown));
            if (matched.Count == 0 && unmeasured.Count == 0 && budget.UnmatchedIsUnknown)
            {
                unmeasured.Add(new Unmeasured(budget.Files?.Pattern ?? budget.Label, "no file of the output has the name it is found by; the tool it comes from knew its files by another name"));
            }

            // Excluding every file it matches because later budgets check them (a later bundlewatch entry takes a file
            // over) is not matching nothing; excluding them otherwise (size-limit's "!" patterns) is.
            else if (matched.Count == 0 && unmeasured.Count == 0 && !ExcludedFilesCheckedLater(budget, budgetFile.Budgets, context))
            {
                MatchedNothing(budget, context);
                result = budget.MustMatch ? result with { Status = BudgetStatus.Error } : result;
            }

            context.Results.Add(Incomplete(result, unmeasured, context));
        }

        return (context.Results, context.Diagnostics);
    }

    private static bool ExcludedFilesCheckedLater(Budget budget, IReadOnlyList<Budget> budgets, Context context)
    {
        if (budget.Exclude.Count == 0)
        {
            return false;
        }

        // Later ones only, as bundlewatch's later entry replaces an earlier one's result for a file.
        var later = budgets.SkipWhile(b => !ReferenceEquals(b, budget)).Skip(1).Where(b => !b.IsInitial && !b.IsTiming).ToList();
        var unexcluded = budget with { Exclude = [] };
        var excluded = context.Counted.Where(unexcluded.Includes).ToList();
        return excluded.Count > 0 && excluded.All(asset => later.Any(other => other.Includes(asset)));
    }

    /// <summary>
    /// BB1003 for a budget that counts nothing: a glob that matches no file, or one (or a type) whose every match is a
    /// file no budget counts (a source map, a file outside the served folder, a font no browser downloads).
    /// </summary>
    private static void MatchedNothing(Budget budget, Context context)
    {
        var uncounted = context.All.Where(a => !a.IsCounted && budget.Matches(a)).ToList();
        if (uncounted.Count > 0)
        {
            var why = uncounted.GroupBy(a => a.Exclusion switch
            {
                AssetExclusion.NotServed => "outside the folder the pages are served from",
                AssetExclusion.NotDownloaded => "fonts no browser downloads",
                _ => "source maps or precompressed copies",
            }).Select(g => $"{g.Count()} {g.Key}");
            var message = $"Budget '{budget.Label}' counts no file: the {Count(uncounted.Count, "file")} it matches ({string.Join(", ", uncounted.Take(3).Select(a => a.Path))}{(uncounted.Count > 3 ? ", ..." : string.Empty)}) are ones no budget counts: {string.Join("; ", why)}. Check \"siteRoot\" and the glob.";
            context.Diagnostics.Add(NothingMatched(budget, message, " (An error: the budget must match a file.)"));
        }
        else if (budget.Files is not null)
        {
            var message = $"Budget '{budget.Label}' matched no file in the output folder; check the glob (it is relative to the output folder, and '*' does not cross '/': use '**/' for any folder).";
            context.Diagnostics.Add(NothingMatched(budget, message, " (An error, as in the tool it was imported from.)"));
        }
        else if (context.Counted.Any())
        {
            // (An empty output folder is BB1004 already.) A type budget on an empty type limits nothing: a site with no fonts
            // (said, so that "0 B" is not read as measured), or the wrong folder: a .NET runtime budget on a folder with no
            // runtime (a Blazor WebAssembly app's source wwwroot) is a warning.
            var message = $"Budget '{budget.Label}' counts no file: the output folder has no {budget.TypeName} file{(budget.LoadedOnly ? " that a page loads" : string.Empty)}. Check that the folder is the one that ships (a Blazor WebAssembly app's runtime is in its publish folder), or remove the budget if the site has none.";
            context.Diagnostics.Add(budget.Types.Contains(BudgetType.Wasm)
                ? Diagnostic.Warning(DiagnosticCodes.BudgetMatchedNothing, message, budget.Location)
                : new Diagnostic(DiagnosticCodes.BudgetMatchedNothing, Severity.Info, message, budget.Location.File, budget.Location.Line, budget.Location.Column));
        }
    }

    /// <summary>BB1003: a warning, or an error (with why) for a budget that must match a file.</summary>
    private static Diagnostic NothingMatched(Budget budget, string message, string whyAnError) => budget.MustMatch
        ? Diagnostic.Error(DiagnosticCodes.BudgetMatchedNothing, message + whyAnError, budget.Location)
        : Diagnostic.Warning(DiagnosticCodes.BudgetMatchedNothing, message, budget.Location);

    /// <summary>The size a budget compares for one asset: raw for images, fonts and media; else the budget's compression. Null when not measured.</summary>
    public static long? SizeFor(Budget budget, Asset asset, AssetSizes sizes) => budget.CompressionFor(asset) switch
    {
        Compression.Gzip => sizes.Gzip,
        Compression.Brotli => sizes.Brotli,
        _ => sizes.Raw,
    };

    /// <summary>The pages an initial budget limits: its entry, or every entry page.</summary>
    public static IReadOnlyList<EntryPage> PagesOf(Budget budget, PageGraph pages) =>
        budget.Entry is not null ? pages.Find(budget.Entry) is { } page ? [page] : []
        : budget.Path is null && budget.ExcludePaths.Count == 0 ? pages.Pages
        : pages.Pages.Where(p => budget.LimitsPageAt(Timings.TimingsAnalysis.Locate(p).UrlPath)).ToList();

    /// <summary>Why a budget limited by URL paths limits no page, or null when it limits pages by entry or not at all.</summary>
    internal static string? NoPageAtPath(Budget budget, PageGraph pages) =>
        budget.Entry is not null || (budget.Path is null && budget.ExcludePaths.Count == 0) || pages.Pages.Count == 0 ? null
            : $"Budget '{budget.Label}' limits nothing: no entry page is served at a URL path {(budget.Path is { } path ? $"that matches '{path}'" : "it keeps")}{(budget.ExcludePaths.Count > 0 ? $" and no other path ({string.Join(", ", budget.ExcludePaths.Select(p => $"'{p}'"))}) takes" : string.Empty)}. Pages: {string.Join(", ", pages.Pages.Take(5).Select(p => p.Path))}{(pages.Pages.Count > 5 ? ", ..." : string.Empty)}.";

    /// <summary>Files of kinds a page's scripts and stylesheets load while it renders, which the output does not name (an image set by script, a stylesheet's font).</summary>
    private static readonly string[] RenderLoaded = ["render.png", "render.woff2", "render.mp4", "render.json"];

    /// <summary>Why a budget that counts what a page loads while it renders (Lighthouse's resource budgets) cannot know that of this page; null when it can.</summary>
    private static string? WhyRenderLoadsUnknown(Budget budget, EntryPage page)
    {
        if (RenderLoaded.Any(budget.NamedByFiles))
        {
            return "what its scripts and stylesheets load while it renders (images, fonts, media, fetches) is seen only in a browser, and it counts them";
        }

        var lazy = page.Lazy.Count(f => budget.NamedByFiles(f.Path));
        return lazy > 0 ? $"it loads {lazy} of the files it counts later by import(), which may run while it loads: only a browser sees when"
            : page.FirstLoadExternal.Any(url => OtherHostPath(url) is not null) ? "other hosts' files are typed here by their URL, in a browser by how the page loads them"
            : null;
    }

    /// <summary>
    /// What a page fetched in the browser runs (the median of each type's requests and bytes, headers included, as
    /// Lighthouse counts them) of the types a budget counts; null when the page was not measured.
    /// </summary>
    private static (long Bytes, int Requests)? LoadedInBrowser(Budget budget, EntryPage page, Timings.TimingsResult? timings)
    {
        if (timings is null || timings.WhyNotMeasured(page.Path) is not null || timings.Find(page.Path) is not { Failure: null } measured)
        {
            return null;
        }

        long bytes = 0;
        var requests = 0;
        foreach (var (type, total) in measured.ByType.Where(t => budget.NamedByFiles(SampleNameOf(t.Key))))
        {
            bytes += total.TransferredBytes;
            requests += total.Requests;
        }

        return (bytes, requests);
    }

    /// <summary>A file name of a measured request type, for a budget's globs to say whether they take that type.</summary>
    private static string SampleNameOf(string type) => type switch
    {
        "script" => "fetched.js",
        "stylesheet" => "fetched.css",
        "document" => "fetched.html",
        "image" => "fetched.png",
        "font" => "fetched.woff2",
        "media" => "fetched.mp4",
        "wasm" => "fetched.wasm",
        _ => "fetched.bin",
    };

    /// <summary>For a budget choosing its pages by URL path: the pages no URL of the output loads (a server-rendered layout), whose budget is not known.</summary>
    internal static IEnumerable<Unmeasured> PagesWithoutUrl(Budget budget, PageGraph pages) =>
        budget.Entry is not null || (budget.Path is null && budget.ExcludePaths.Count == 0) ? []
        : pages.Pages.Where(p => Timings.TimingsAnalysis.Locate(p).UrlPath is null)
            .Select(p => new Unmeasured(p.Path, "no URL of the output loads it (a server-rendered layout), so whether this budget's path takes it is not known"));

    /// <summary>The path of another host's URL (no leading '/'), for a files glob to take it by its name; null for anything else.</summary>
    internal static string? OtherHostPath(string url)
    {
        var absolute = url.StartsWith("//", StringComparison.Ordinal) ? "https:" + url : url;
        return (absolute.StartsWith("http:", StringComparison.OrdinalIgnoreCase) || absolute.StartsWith("https:", StringComparison.OrdinalIgnoreCase))
            && Uri.TryCreate(absolute, UriKind.Absolute, out var uri) ? Uri.UnescapeDataString(uri.AbsolutePath).TrimStart('/') : null;
    }

    /// <summary>The assets a page loads first: every one, even a kind no other budget counts (a source map or a .gz a page names itself is downloaded too).</summary>
    public static IReadOnlyList<Asset> InitialAssets(EntryPage page, IReadOnlyDictionary<string, Asset> assetsByPath) =>
        page.Initial.Select(f => assetsByPath.GetValueOrDefault(f.Path)).OfType<Asset>().ToList();

    /// <summary>
    /// How many requests after one another the browser needs to discover a page's initial files: the HTML, then what it
    /// names (preloads included), then what those import, and so on.
    /// </summary>
    public static int DiscoveryLevels(EntryPage page)
    {
        var levels = new Dictionary<string, int>(StringComparer.Ordinal) { [page.Path] = 1 };
        foreach (var file in page.Initial)
        {
            if (!levels.ContainsKey(file.Path))
            {
                levels[file.Path] = levels.GetValueOrDefault(file.From, 1) + 1;
            }
        }

        return levels.Values.Max();
    }

    /// <param name="minimumsApply">A total below a minimum fails only when every file it counts was measured (a file not measured could make up the rest), and none is known by another name.</param>
    private static BudgetResult EvaluateTotal(Budget budget, List<Asset> matched, Context context, bool minimumsApply)
    {
        var actual = matched.Sum(a => context.SizeFor(budget, a)!.Value);
        var sizeStatus = StatusOf(budget, actual, minimumsApply);
        var countStatus = CountStatusOf(budget, matched.Count);
        var sizeKind = DescribeCompression(budget, matched);
        IReadOnlyList<OffendingFile> largest = [];
        if (sizeStatus != BudgetStatus.Pass)
        {
            largest = LargestFirst(budget, matched, sizeStatus, context, 5);
            var what = $"Budget '{budget.Label}' exceeded: {Count(matched.Count, "file")} total {ByteSize.Format(actual)} {sizeKind}{Largest(largest)}";
            context.Diagnostics.Add(Exceeded(budget, sizeStatus, actual, what, budget.Location.File, budget.Location.Line, budget.Location.Column));
        }

        if (countStatus != BudgetStatus.Pass)
        {
            var files = string.Join(", ", matched.Select(a => a.Path).Order(StringComparer.Ordinal).Take(3)) + (matched.Count > 3 ? ", ..." : string.Empty);
            context.Diagnostics.Add(CountExceeded(budget, countStatus, matched.Count, $"Budget '{budget.Label}' exceeded: it counts {Count(matched.Count, "file")} ({files})", budget.Location.File, budget.Location.Line, budget.Location.Column));
        }

        return new BudgetResult(budget, Worst(sizeStatus, countStatus), actual, matched.Count, [], sizeKind) { Largest = largest, Count = matched.Count };
    }

    private static BudgetResult EvaluateEach(Budget budget, List<Asset> matched, Context context)
    {
        var offenders = new List<OffendingFile>();
        long largest = 0;
        foreach (var asset in matched)
        {
            var actual = context.SizeFor(budget, asset)!.Value;
            largest = Math.Max(largest, actual);
            var status = StatusOf(budget, actual);
            if (status == BudgetStatus.Pass)
            {
                continue;
            }

            offenders.Add(new OffendingFile(asset, actual, status));
            var what = $"Budget '{budget.Label}' exceeded: {asset.Path} is {ByteSize.Format(actual)} {DescribeCompression(budget, [asset])}";
            context.Diagnostics.Add(Exceeded(budget, status, actual, what, asset.FullPath, 0, 0));
        }

        var worst = offenders.Count == 0 ? BudgetStatus.Pass : offenders.Max(o => o.Status);
        return new BudgetResult(budget, worst, largest, matched.Count, offenders, DescribeCompression(budget, matched));
    }

    private static BudgetResult EvaluateInitial(Budget budget, PageGraph pages, Context context, Timings.TimingsResult? timings)
    {
        var limited = PagesOf(budget, pages);
        var offenders = new List<OffendingFile>();
        var unmeasured = new List<Unmeasured>();
        unmeasured.AddRange(PagesWithoutUrl(budget, pages));
        if (limited.Count == 0 && unmeasured.Count == 0 && context.Gaps.Folders.Count == 0 && pages.MissingEntries.Count == 0 && NoPageAtPath(budget, pages) is { } noPage)
        {
            context.Diagnostics.Add(Diagnostic.Warning(DiagnosticCodes.BudgetMatchedNothing, noPage, budget.Location));
        }
        else if (limited.Count == 0)
        {
            // A page that should be there and is not (named in entries or by the budget, or in a folder that could not be
            // listed) leaves what the budget limits unknown: incomplete, not a pass on nothing.
            unmeasured.AddRange(context.Gaps.Folders.Where(f => budget.Entry is null || SiteLayout.IsInside(budget.Entry, f.Path))
                .Select(f => new Unmeasured(f.Path.Length == 0 ? "." : f.Path + "/", $"the folder could not be listed, so its pages are unknown ({f.Reason})")));
            if (budget.Entry is { } entry)
            {
                unmeasured.Add(new Unmeasured(entry, pages.MissingEntries.FirstOrDefault(m => m.Path == entry)?.Reason ?? "the entry page is not in the output folder (or not an entry: check \"entries\")"));
            }
            else
            {
                unmeasured.AddRange(pages.MissingEntries.Select(m => new Unmeasured(m.Path, $"the entry page {m.Reason}")));
            }

            if (unmeasured.Count == 0)
            {
                context.Diagnostics.Add(Diagnostic.Warning(DiagnosticCodes.BudgetMatchedNothing, $"Budget '{budget.Label}' limits nothing: the output folder has no HTML entry page.", budget.Location));
            }
        }

        long largest = 0;
        var mostFiles = 0;
        var sizeKind = DescribeCompression(budget, []);
        foreach (var page in limited)
        {
            var loaded = InitialAssets(page, context.AssetsByPath).Where(budget.CountsInitial).ToList();
            var measured = loaded.Where(a => context.SizeFor(budget, a) is not null).ToList();
            unmeasured.AddRange(loaded.Where(a => context.SizeFor(budget, a) is null)
                .Select(a => new Unmeasured($"{page.Path}: {a.Path}", context.WhyUnmeasured(budget, a))));
            unmeasured.AddRange(page.Gaps.Select(g => new Unmeasured($"{page.Path}: {(g.From == page.Path ? string.Empty : g.From + " loads ")}'{g.Target}'", g.Reason)));
            // Measured in a browser (--measure), a page's render loads are known: what it fetched of the budget's types.
            var browser = budget.CountsRenderLoads ? LoadedInBrowser(budget, page, timings) : null;
            if (budget.CountsRenderLoads && browser is null && WhyRenderLoadsUnknown(budget, page) is { } why)
            {
                unmeasured.Add(new Unmeasured(page.Path, why));
            }

            // Another host's file is a request of the page, but its size is not in the output.
            var external = page.FirstLoadExternal.Where(url => OtherHostPath(url) is { } path && budget.NamedByFiles(path)).ToList();
            if (budget.HasSizeLimit)
            {
                unmeasured.AddRange(external.Select(url => new Unmeasured($"{page.Path}: {url}", "another host's file: its size is not in the output")));
            }

            var bytes = browser?.Bytes ?? measured.Sum(a => context.SizeFor(budget, a)!.Value);
            sizeKind = browser is null ? DescribeCompression(budget, measured) : $"transferred in a browser (median of {timings!.Runs} {(timings.Runs == 1 ? "run" : "runs")})";
            var levels = DiscoveryLevels(page);
            var actual = budget.Network is { } network ? (long)Math.Round(network.EstimateMilliseconds(bytes, levels)) : bytes;
            largest = Math.Max(largest, actual);
            // Requests, as Lighthouse counts them: other hosts' too, and a server-rendered page's document (no file of the output).
            // Other hosts' URLs a files glob takes by their path ("**/*.js" counts a CDN's script), as Lighthouse counts a type.
            var requests = browser?.Requests ?? loaded.Count + external.Count + (page.ServerRendered && budget.Files is null ? 1 : 0);
            mostFiles = Math.Max(mostFiles, requests);
            var sizeStatus = StatusOf(budget, actual, minimumsApply: loaded.Count > 0 && measured.Count == loaded.Count && page.Gaps.Count == 0 && !budget.CountsRenderLoads);
            var countStatus = CountStatusOf(budget, requests);
            var status = Worst(sizeStatus, countStatus);
            if (status == BudgetStatus.Pass)
            {
                continue;
            }

            // A server-rendered layout is no file of the output: it is named by its source.
            var pageAsset = context.AssetsByPath.GetValueOrDefault(page.Path) ?? new Asset(page.Path, page.FullPath ?? page.Path, AssetType.Document, 0);
            offenders.Add(new OffendingFile(pageAsset, actual, status));
            if (countStatus != BudgetStatus.Pass)
            {
                var byType = loaded.GroupBy(a => a.Type).OrderByDescending(g => g.Count()).ThenBy(g => g.Key).Select(g => $"{g.Count()} {g.Key.ToWireName()}")
                    .Concat(external.Count > 0 ? [$"{external.Count} from other hosts"] : []).Concat(page.ServerRendered && budget.Files is null ? ["the document"] : []);
                context.Diagnostics.Add(CountExceeded(budget, countStatus, requests, $"Budget '{budget.Label}' exceeded: {page.Path} makes {Count(requests, "request")} before it is usable ({string.Join(", ", byType)})", pageAsset.FullPath, 0, 0));
            }

            if (sizeStatus == BudgetStatus.Pass)
            {
                continue;
            }

            var files = Count(measured.Count, "file");
            var what = budget.Network is { } net
                ? $"Budget '{budget.Label}' exceeded: {page.Path} loads in about {NetworkProfile.FormatMilliseconds(actual)} on {net.Description}: {files}, {ByteSize.Format(bytes)} {sizeKind}, discovered in {levels} {(levels == 1 ? "round" : "rounds")} of requests after connecting"
                : $"Budget '{budget.Label}' exceeded: {page.Path} loads {files} before it is usable, {ByteSize.Format(actual)} {sizeKind}{Largest(LargestFirst(budget, measured, sizeStatus, context, 3))}";
            context.Diagnostics.Add(Exceeded(budget, sizeStatus, actual, what, pageAsset.FullPath, 0, 0));
        }

        var worst = offenders.Count == 0 ? BudgetStatus.Pass : offenders.Max(o => o.Status);
        var result = new BudgetResult(budget, worst, largest, limited.Count, offenders, budget.Network is { } n ? $"on {n.Name}" : sizeKind) { Count = mostFiles };
        return Incomplete(result, unmeasured, context);
    }

    /// <summary>A result with what it could not measure: a pass becomes incomplete, and BB1007 says what is missing.</summary>
    private static BudgetResult Incomplete(BudgetResult result, List<Unmeasured> unmeasured, Context context)
    {
        if (unmeasured.Count == 0)
        {
            return result;
        }

        var budget = result.Budget;
        var shown = string.Join("; ", unmeasured.Take(3).Select(u => $"{u.Path}: {u.Reason}")) + (unmeasured.Count > 3 ? $"; and {unmeasured.Count - 3} more" : string.Empty);
        var measured = budget.IsTiming
            ? result.MatchedFiles == 0 ? "no page was measured" : $"the {Count(result.MatchedFiles, "page")} measured come to {budget.Format(result.Actual)} at worst"
            : budget.IsInitial
            ? $"what could be measured comes to {budget.Format(result.Actual)}"
            : $"the {Count(result.MatchedFiles, "file")} measured total {budget.Format(result.Actual)}";
        var what = budget.IsTiming ? Count(unmeasured.Count, "page") : Count(unmeasured.Count, budget.IsInitial ? "thing its pages load" : "file it counts", budget.IsInitial ? "things its pages load" : "files it counts");
        var message = $"Budget '{budget.Label}' is incomplete: {what} could not be measured ({shown}); {measured}, so it cannot pass.{(context.Strict ? " (strict: an error)" : " With \"strict\": true it is an error.")}";
        context.Diagnostics.Add(context.Strict
            ? Diagnostic.Error(DiagnosticCodes.BudgetIncomplete, message, budget.Location)
            : Diagnostic.Warning(DiagnosticCodes.BudgetIncomplete, message, budget.Location));
        return result with
        {
            Status = result.Status == BudgetStatus.Pass ? BudgetStatus.Incomplete : result.Status,
            Unmeasured = unmeasured,
        };
    }

    private static BudgetStatus StatusOf(Budget budget, long actual, bool minimumsApply = true) =>
        budget.MaximumError?.IsExceededBy(actual) == true || (minimumsApply && actual < budget.MinimumError?.Value) ? BudgetStatus.Error
        : budget.MaximumWarning?.IsExceededBy(actual) == true || (minimumsApply && actual < budget.MinimumWarning?.Value) ? BudgetStatus.Warning
        : BudgetStatus.Pass;

    /// <summary>
    /// A budget's growth since the base branch's report (the same budget there, by its name, type, files, scope and
    /// compression): over maximumGrowth is an error (BB1001); without a base value to compare it is not evaluated
    /// (BB1014, info), never failed.
    /// </summary>
    private static BudgetResult GrowthOf(BudgetResult result, BaselineBudgets baseline, List<Diagnostic> diagnostics, Func<string, int> sameKey)
    {
        var budget = result.Budget;
        if (budget.MaximumGrowth is not { } limit)
        {
            return result;
        }

        var key = Reports.ReportParts.KeyOf(budget);
        var candidates = baseline.Budgets?.Where(b => b.Key == key).ToList() ?? [];
        var baseBudget = candidates.Count == 1 ? candidates[0] : null;
        var why = baseline.WhyNone
            ?? (candidates.Count > 1 || sameKey(key) > 1 ? $"more than one budget is '{budget.Label}' of the same type, files, scope and compression, so which base value is its is not known: give each a \"name\""
            : baseBudget is null ? $"the base report has no budget '{budget.Label}' (a new budget, or one redefined since)"
            : baseBudget.Incomplete ? "its value in the base report is incomplete"
            : baseBudget.Unit != Limit.UnitName(budget.Unit) ? "the base report measured it in another unit"
            : result.IsIncomplete ? "its value here is incomplete"
            : null);
        if (why is not null)
        {
            diagnostics.Add(new Diagnostic(DiagnosticCodes.GrowthNotEvaluated, Severity.Info, $"Budget '{budget.Label}': its growth (at most {limit.Text}, maximumGrowth) is not evaluated: {why}.", budget.Location.File, budget.Location.Line, budget.Location.Column));
            return result with { Growth = new BudgetGrowth(limit, baseBudget?.Actual, null, why, BudgetStatus.Pass) };
        }

        var change = result.Actual - baseBudget!.Actual;
        var allowed = limit.Allowed(baseBudget.Actual);
        var status = change > allowed ? BudgetStatus.Error : BudgetStatus.Pass;
        if (status == BudgetStatus.Error)
        {
            var percent = baseBudget.Actual == 0 ? string.Empty : string.Create(CultureInfo.InvariantCulture, $" (+{change * 100.0 / baseBudget.Actual:0.0}%)");
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.BudgetErrorExceeded, $"Budget '{budget.Label}' grew by {budget.Format(change)}{percent} since the base report ({budget.Format(baseBudget.Actual)} to {budget.Format(result.Actual)}), limit {limit.Text} (maximumGrowth), over by {budget.Format(change - allowed)}.", budget.Location));
        }

        return result with { Status = Worst(result.Status, status), Growth = new BudgetGrowth(limit, baseBudget.Actual, change, null, status) };
    }

    private static BudgetStatus CountStatusOf(Budget budget, int count) =>
        count > budget.MaximumCount ? BudgetStatus.Error
        : count > budget.MaximumCountWarning ? BudgetStatus.Warning
        : BudgetStatus.Pass;

    private static BudgetStatus Worst(BudgetStatus a, BudgetStatus b) => a > b ? a : b;

    private static Diagnostic CountExceeded(Budget budget, BudgetStatus status, int count, string what, string file, int line, int column)
    {
        var isError = status == BudgetStatus.Error;
        var limit = (isError ? budget.MaximumCount : budget.MaximumCountWarning)!.Value;
        var message = $"{what}, limit {limit} ({(isError ? "maximumCount" : "maximumCountWarning")}), over by {count - limit}.";
        return isError
            ? Diagnostic.Error(DiagnosticCodes.BudgetErrorExceeded, message, file, line, column)
            : Diagnostic.Warning(DiagnosticCodes.BudgetWarningExceeded, message, file, line, column);
    }

    private static Diagnostic Exceeded(Budget budget, BudgetStatus status, long actual, string what, string file, int line, int column)
    {
        var isError = status == BudgetStatus.Error;
        var maximum = isError ? budget.MaximumError : budget.MaximumWarning;
        string message;
        if (maximum?.IsExceededBy(actual) != true && (isError ? budget.MinimumError : budget.MinimumWarning) is { } minimum)
        {
            // Below a minimum: what the caller wrote as "exceeded" is a budget not reached.
            var under = minimum.Value - actual;
            var below = minimum.Value <= 0 ? string.Empty : string.Create(CultureInfo.InvariantCulture, $" (-{under * 100.0 / minimum.Value:0.0}%)");
            message = $"{what.Replace($"Budget '{budget.Label}' exceeded:", $"Budget '{budget.Label}' not reached:", StringComparison.Ordinal)}, minimum {minimum.Text} ({(isError ? "minimumError" : "minimumWarning")}), under by {budget.Format(under)}{below}.";
        }
        else
        {
            var limit = maximum!.Value;
            var over = actual - limit;
            var percent = limit <= 0 ? string.Empty : string.Create(CultureInfo.InvariantCulture, $" (+{over * 100.0 / limit:0.0}%)");
            message = $"{what}, limit {(isError ? budget.DescribeErrorLimit : budget.DescribeWarningLimit)} ({(isError ? "maximumError" : "maximumWarning")}), over by {budget.Format(over)}{percent}.";
        }

        return status == BudgetStatus.Error
            ? Diagnostic.Error(DiagnosticCodes.BudgetErrorExceeded, message, file, line, column)
            : Diagnostic.Warning(DiagnosticCodes.BudgetWarningExceeded, message, file, line, column);
    }

    /// <summary>Names the size compared: "gzip", "raw", or "gzip (images, fonts, media raw)" for a mixed total.</summary>
    private static string DescribeCompression(Budget budget, IReadOnlyList<Asset> matched)
    {
        var compressed = matched.Any(a => a.IsTextCompressible);
        var uncompressed = matched.Any(a => !a.IsTextCompressible);
        var name = budget.Compression.ToString().ToLowerInvariant();
        if (budget.CompressesEveryFile)
        {
            return name; // every file compressed, as the tool it comes from measures
        }

        var onlyRawTypes = budget.Types.Count > 0 && budget.Types.All(t => t is BudgetType.Image or BudgetType.Font or BudgetType.Media);
        if (budget.Compression == Compression.Raw || onlyRawTypes || (!compressed && matched.Count > 0))
        {
            return "raw";
        }

        return uncompressed ? $"{name} (images, fonts and media raw)" : name;
    }

    /// <summary>What drives a total over its limit: its largest files, largest first (then by path).</summary>
    private static List<OffendingFile> LargestFirst(Budget budget, IReadOnlyList<Asset> files, BudgetStatus status, Context context, int count) =>
        files.Select(a => new OffendingFile(a, context.SizeFor(budget, a)!.Value, status))
            .OrderByDescending(f => f.Actual).ThenBy(f => f.Asset.Path, StringComparer.Ordinal).Take(count).ToList();

    /// <summary>The largest files for a message that says where to look: a lone file by its path, else the first three with their sizes.</summary>
    private static string Largest(IReadOnlyList<OffendingFile> largest) => largest switch
    {
        [] => string.Empty,
        [var only] => $" ({only.Asset.Path})",
        _ => $" (largest: {string.Join(", ", largest.Take(3).Select(f => $"{f.Asset.Path} {ByteSize.Format(f.Actual)}"))})",
    };

    private static string Count(int count, string noun, string? plural = null) => count == 1 ? $"1 {noun}" : $"{count} {plural ?? noun + "s"}";

    /// <summary>What every budget of one evaluation shares: the assets by path, the sizes, the gaps.</summary>
    private sealed class Context(IReadOnlyList<Asset> assets, IReadOnlyDictionary<string, AssetSizes> sizes, MeasurementGaps gaps, bool strict)
    {
        public IReadOnlyList<Asset> All { get; } = assets;

        public IReadOnlyList<Asset> Counted { get; } = assets.Where(a => a.IsCounted).ToList();

        public IReadOnlyDictionary<string, Asset> AssetsByPath { get; } = assets.GroupBy(a => a.Path, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);

        public bool Strict { get; } = strict;

        public MeasurementGaps Gaps { get; } = gaps;

        public List<BudgetResult> Results { get; } = [];

        public List<Diagnostic> Diagnostics { get; } = [];

        public long? SizeFor(Budget budget, Asset asset) =>
            sizes.TryGetValue(asset.Path, out var measured) ? BudgetEvaluator.SizeFor(budget, asset, measured) : null;

        public string WhyUnmeasured(Budget budget, Asset asset) =>
            Gaps.Files.TryGetValue(asset.Path, out var reason) ? reason
            : sizes.ContainsKey(asset.Path) ? $"its {budget.CompressionFor(asset).ToString().ToLowerInvariant()} size was not computed"
            : "it could not be read";
    }
}
