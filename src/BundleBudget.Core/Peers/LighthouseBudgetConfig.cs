using System.Globalization;
using BundleBudget.Core.Assets;
using BundleBudget.Core.Budgets;
using BundleBudget.Core.Json;
using BundleBudget.Core.Timings;

namespace BundleBudget.Core.Peers;

/// <summary>
/// Lighthouse's budget.json (Lighthouse CI's <c>budgetsFile</c>): an array of budgets, each for the pages whose URL path
/// matches its <c>path</c> (robots.txt style; for a page several match, the last one), with <c>resourceSizes</c> (KiB
/// of what the page transfers while it loads, by resource type), <c>resourceCounts</c> (requests) and <c>timings</c>
/// (metrics in ms, CLS unitless). A resource type is a page's first load of files of that kind (by their extension);
/// sizes are transfer sizes, so text files gzip. Validated as Lighthouse validates it, in its words.
/// </summary>
internal static class LighthouseBudgetConfig
{
    private static readonly string[] BudgetKeys = ["path", "options", "resourceSizes", "resourceCounts", "timings"];

    private static readonly string[] ResourceTypes = ["total", "document", "script", "stylesheet", "image", "media", "font", "other", "third-party"];

    private static readonly string[] TimingMetrics =
        ["first-contentful-paint", "interactive", "first-meaningful-paint", "max-potential-fid", "total-blocking-time", "speed-index", "largest-contentful-paint", "cumulative-layout-shift"];

    private static readonly Dictionary<string, BudgetMetric> Metrics = new(StringComparer.Ordinal)
    {
        ["first-contentful-paint"] = BudgetMetric.Fcp,
        ["largest-contentful-paint"] = BudgetMetric.Lcp,
        ["interactive"] = BudgetMetric.Tti,
        ["total-blocking-time"] = BudgetMetric.Tbt,
        ["cumulative-layout-shift"] = BudgetMetric.Cls,
    };

    /// <summary>Whether an array is Lighthouse's budget.json: objects with its keys (size-limit's checks have "path" and "limit").</summary>
    public static bool IsLighthouseBudgets(JsonArrayNode root) =>
        root.Items.Count > 0 && root.Items.All(i => i is JsonObjectNode)
        && root.Items.OfType<JsonObjectNode>().Any(o => o.Properties.Any(p => p.Name is "resourceSizes" or "resourceCounts" or "timings"))
        && !root.Items.OfType<JsonObjectNode>().Any(o => o.Properties.Any(p => p.Name == "limit"));

    /// <summary>More budgets than this is no hand-written file: the rest are refused, not read in quadratic time.</summary>
    private const int MaxBudgets = 1000;

    public static List<PeerCheck> Read(JsonArrayNode root, ReadContext context)
    {
        if (root.Items.Count > MaxBudgets)
        {
            context.Error(PeerDiagnostics.NotRead, $"The file holds {root.Items.Count:N0} budgets; only the first {MaxBudgets:N0} are read.", root.Items[MaxBudgets]);
        }

        var entries = new List<(JsonObjectNode Budget, UrlPathPattern? Path, int Index)>();
        foreach (var (item, index) in root.Items.Take(MaxBudgets).Select((item, index) => (item, index)))
        {
            if (item is not JsonObjectNode budget)
            {
                context.Error(PeerDiagnostics.NotRead, "Budget file is not defined as an array of budgets.", item);
                continue;
            }

            var unknown = budget.Properties.Where(p => !BudgetKeys.Contains(p.Name)).ToList();
            if (unknown.Count > 0)
            {
                context.Error(PeerDiagnostics.NotRead, $"Budget has unrecognized properties: [{string.Join(", ", unknown.Select(p => p.Name))}] (budgets[{index}] is not checked).", unknown[0]);
                continue;
            }

            if (!ReadPath(budget, context, out var path))
            {
                continue;
            }

            entries.Add((budget, path, index));
        }

        // The last budget whose path matches a page is that page's: later ones take their pages from this one.
        var laterPaths = new List<UrlPathPattern>[entries.Count];
        var seenLater = new HashSet<UrlPathPattern>();
        var accumulated = new List<UrlPathPattern>();
        for (var i = entries.Count - 1; i >= 0; i--)
        {
            laterPaths[i] = accumulated;
            var path = entries[i].Path ?? Everything;
            if (seenLater.Add(path))
            {
                accumulated = [.. accumulated, path];
            }
        }

        var checks = new List<PeerCheck>();
        for (var i = 0; i < entries.Count; i++)
        {
            var (budget, path, index) = entries[i];
            var later = laterPaths[i];
            var scope = new PageScope(path, later, index);
            // JSON.parse keeps the last of two keys alike: so does this.
            foreach (var property in budget.Properties.GroupBy(p => p.Name).Select(g => g.Last()))
            {
                switch (property.Name)
                {
                    case "options":
                        ReadOptions(property, scope, context);
                        break;
                    case "resourceSizes" or "resourceCounts":
                        checks.AddRange(ReadResources(property, scope, counts: property.Name == "resourceCounts", context));
                        break;
                    case "timings":
                        checks.AddRange(ReadTimings(property, scope, context));
                        break;
                }
            }
        }

        return checks;
    }

    /// <summary>A budget without a path is every page's (Lighthouse's default pattern "/").</summary>
    private static readonly UrlPathPattern Everything = UrlPathPattern.TryParse("/", out _)!;

    private sealed record PageScope(UrlPathPattern? Path, IReadOnlyList<UrlPathPattern> Later, int Index)
    {
        public string Where => $"budgets[{Index}]";

        public string Describe => Path is null ? "every page" : $"pages at '{Path}'";
    }

    private static bool ReadPath(JsonObjectNode budget, ReadContext context, out UrlPathPattern? path)
    {
        path = null;
        if (budget.Properties.LastOrDefault(p => p.Name == "path") is not { } property)
        {
            return true;
        }

        if (property.Value is not JsonStringNode { Value: var text })
        {
            context.Error(PeerDiagnostics.NotRead, $"Invalid path {Show(property.Value)}. Path should be a string.", property.Value);
            return false;
        }

        path = UrlPathPattern.TryParse(text, out var problem);
        if (path is null)
        {
            context.Error(PeerDiagnostics.NotRead, problem!, property.Value);
            return false;
        }

        return true;
    }

    private static void ReadOptions(JsonProperty property, PageScope scope, ReadContext context)
    {
        if (property.Value is not JsonObjectNode options)
        {
            context.Error(PeerDiagnostics.NotRead, $"Invalid options property in budget at index {scope.Index}", property.Value);
            return;
        }

        foreach (var option in options.Properties)
        {
            if (option.Name != "firstPartyHostnames")
            {
                context.Error(PeerDiagnostics.NotRead, $"Options property has unrecognized properties: [{option.Name}]", option);
                continue;
            }

            if (option.Value is not JsonArrayNode hosts || hosts.Items.Any(h => h is not JsonStringNode))
            {
                context.Error(PeerDiagnostics.NotRead, "firstPartyHostnames should be defined as an array of strings.", option.Value);
                continue;
            }

            foreach (var host in hosts.Items.Cast<JsonStringNode>().Where(h => !ValidHostname(h.Value)))
            {
                context.Error(PeerDiagnostics.NotRead, $"{host.Value} is not a valid hostname.", host);
            }

            // Only "third-party" budgets use it, and they are not checked: a file of the output is first-party.
            context.Warning(PeerDiagnostics.OptionNotImported, "Lighthouse's \"firstPartyHostnames\" tells third-party requests from the site's own: every file of the output is the site's own, and third-party budgets are not checked.", option);
        }
    }

    private static IEnumerable<PeerCheck> ReadResources(JsonProperty property, PageScope scope, bool counts, ReadContext context)
    {
        var kind = counts ? "resourceCounts" : "resourceSizes";
        if (property.Value is not JsonArrayNode items || items.Items.Any(i => i is not JsonObjectNode))
        {
            context.Error(PeerDiagnostics.NotRead, $"Invalid {kind} entry in budget at index {scope.Index}", property.Value);
            yield break;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in items.Items.Cast<JsonObjectNode>())
        {
            if (ReadResource(item, context) is not { } resource)
            {
                continue;
            }

            if (!seen.Add(resource.Type))
            {
                context.Error(PeerDiagnostics.NotRead, $"{scope.Where}.{kind} has duplicate entry of type '{resource.Type}'", item);
                continue;
            }

            if (resource.Type == "third-party")
            {
                context.Warning(PeerDiagnostics.OptionNotImported, $"The third-party {(counts ? "request count" : "size")} of {scope.Describe} is not checked: other hosts' files are not in the output, so neither their size nor which of them a page loads is known here (\"total\" counts their requests).", item);
                continue;
            }

            var (patterns, exclude) = FilesOf(resource.Type);
            var name = $"{resource.Type} {(counts ? "requests" : "size")} ({scope.Describe})";
            var limit = counts ? null : KibiBytes(resource.Budget);
            yield return new PeerCheck(name, patterns, limit, Compression.Gzip, BudgetScope.Total, item)
            {
                Types = [BudgetType.Initial],
                Exclude = exclude,
                SiteRelative = true,
                UrlPath = scope.Path,
                ExcludeUrlPaths = scope.Later,
                MaximumCount = counts ? (int)Math.Clamp(Math.Floor(resource.Budget), 0, int.MaxValue) : null,
                CountsRenderLoads = true,
            };
        }
    }

    private static (string Type, double Budget)? ReadResource(JsonObjectNode item, ReadContext context)
    {
        var unknown = item.Properties.Where(p => p.Name is not ("resourceType" or "budget")).ToList();
        if (unknown.Count > 0)
        {
            context.Error(PeerDiagnostics.NotRead, $"Resource Budget has unrecognized properties: [{string.Join(", ", unknown.Select(p => p.Name))}]", unknown[0]);
            return null;
        }

        var type = item.Properties.LastOrDefault(p => p.Name == "resourceType")?.Value;
        if (type is not JsonStringNode { Value: var typeName } || !ResourceTypes.Contains(typeName))
        {
            context.Error(PeerDiagnostics.NotRead, $"Invalid resource type: {Show(type)}. Valid resource types are: {string.Join(", ", ResourceTypes)}", (JsonNode?)type ?? item);
            return null;
        }

        var budget = item.Properties.LastOrDefault(p => p.Name == "budget")?.Value;
        if (NumberOf(budget) is not { } value)
        {
            context.Error(PeerDiagnostics.NotRead, $"Invalid budget: {Show(budget)}", (JsonNode?)budget ?? item);
            return null;
        }

        return (typeName, value);
    }

    private static IEnumerable<PeerCheck> ReadTimings(JsonProperty property, PageScope scope, ReadContext context)
    {
        if (property.Value is not JsonArrayNode items || items.Items.Any(i => i is not JsonObjectNode))
        {
            context.Error(PeerDiagnostics.NotRead, $"Invalid timings entry in budget at index {scope.Index}", property.Value);
            yield break;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in items.Items.Cast<JsonObjectNode>())
        {
            var unknown = item.Properties.Where(p => p.Name is not ("metric" or "budget")).ToList();
            if (unknown.Count > 0)
            {
                context.Error(PeerDiagnostics.NotRead, $"Timing Budget has unrecognized properties: [{string.Join(", ", unknown.Select(p => p.Name))}]", unknown[0]);
                continue;
            }

            var metricNode = item.Properties.LastOrDefault(p => p.Name == "metric")?.Value;
            if (metricNode is not JsonStringNode { Value: var metricName } || !TimingMetrics.Contains(metricName))
            {
                context.Error(PeerDiagnostics.NotRead, $"Invalid timing metric: {Show(metricNode)}. Valid timing metrics are: {string.Join(", ", TimingMetrics)}", (JsonNode?)metricNode ?? item);
                continue;
            }

            var budgetNode = item.Properties.LastOrDefault(p => p.Name == "budget")?.Value;
            if (NumberOf(budgetNode) is not { } value)
            {
                context.Error(PeerDiagnostics.NotRead, $"Invalid budget: {Show(budgetNode)} (the {metricName} timing of {scope.Where})", (JsonNode?)budgetNode ?? item);
                continue;
            }

            if (!seen.Add(metricName))
            {
                context.Error(PeerDiagnostics.NotRead, $"{scope.Where}.timings has duplicate entry of type '{metricName}'", item);
                continue;
            }

            if (!Metrics.TryGetValue(metricName, out var metric))
            {
                context.Warning(PeerDiagnostics.OptionNotImported, $"The {metricName} timing of {scope.Describe} is not checked: BundleBudget measures first-contentful-paint, largest-contentful-paint, interactive, total-blocking-time and cumulative-layout-shift (and load and the score) in a browser, not {metricName}.", item);
                continue;
            }

            var bounded = Math.Clamp(value, -1, 1e12);
            var limit = metric == BudgetMetric.Cls
                ? new Limit(metric.ToLimitValue(bounded), LimitUnit.Shift, bounded.ToString("0.###", CultureInfo.InvariantCulture))
                : Limit.Milliseconds(Math.Floor(bounded));
            yield return new PeerCheck($"{metricName} ({scope.Describe})", [], limit, Compression.Raw, BudgetScope.Total, item)
            {
                Types = [BudgetType.Timing],
                SiteRelative = true,
                Metric = metric,
                UrlPath = scope.Path,
                ExcludeUrlPaths = scope.Later,
            };
        }
    }

    /// <summary>The files of a Lighthouse resource type, by the extensions BundleBudget classifies them by; "other" is any file of none of them.</summary>
    private static (IReadOnlyList<string> Patterns, IReadOnlyList<string> Exclude) FilesOf(string resourceType)
    {
        var kinds = new Dictionary<string, AssetType>(StringComparer.Ordinal)
        {
            ["document"] = AssetType.Document, ["script"] = AssetType.Script, ["stylesheet"] = AssetType.Stylesheet,
            ["image"] = AssetType.Image, ["media"] = AssetType.Media, ["font"] = AssetType.Font,
        };
        // Extensions in both cases, as the classifier reads them (IMG_0001.JPG is an image).
        static string Glob(AssetType type) => $"**/*.{{{string.Join(',', AssetClassifier.ExtensionsOf(type).SelectMany(e => new[] { e, e.ToUpperInvariant() }))}}}";
        return resourceType switch
        {
            "total" => ([], []),
            "other" => (["**"], kinds.Values.Select(Glob).ToList()),
            _ => ([Glob(kinds[resourceType])], []),
        };
    }

    /// <summary>Lighthouse's sizes are KiB (1024 bytes).</summary>
    private static Limit KibiBytes(double kib)
    {
        // Lighthouse fails a size above budget * 1024: the whole bytes within it are the limit (clamped to what a size can be).
        var bytes = (long)Math.Clamp(Math.Floor(kib * 1024), -1, 1e15);
        return new Limit(bytes, LimitUnit.Bytes, $"{kib.ToString("0.###", CultureInfo.InvariantCulture)} KiB");
    }

    /// <summary>A JSON number as JavaScript reads it (1e30 too, beyond what a decimal holds); null for anything else.</summary>
    private static double? NumberOf(JsonNode? node) =>
        node is not JsonNumberNode number ? null
        : number.Value is { } exact ? (double)exact
        : double.TryParse(number.Text, NumberStyles.Float, CultureInfo.InvariantCulture, out var large) && double.IsFinite(large) ? large : null;

    /// <summary>Lighthouse's validateHostname: not empty, no '/' or ':', and a '*' only as a leading "*.".</summary>
    private static bool ValidHostname(string host) =>
        host.Length > 0 && !host.Contains('/') && !host.Contains(':') && (!host.Contains('*') || (host.StartsWith("*.", StringComparison.Ordinal) && host.LastIndexOf('*') == 0));

    private static string Show(JsonNode? node) => node switch
    {
        null => "undefined",
        JsonStringNode text => text.Value,
        JsonNumberNode number => number.Value?.ToString(CultureInfo.InvariantCulture) ?? number.Text,
        _ => node.KindName,
    };
}
