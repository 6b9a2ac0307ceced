using System.Text.RegularExpressions;
using BundleBudget.Core.Diagnostics;
using BundleBudget.Core.Json;
using BundleBudget.Core.Pages;
using BundleBudget.Core.Text;
using BundleBudget.Core.Timings;

namespace BundleBudget.Core.Budgets;

/// <summary>
/// The simple form that performance-budget write-ups use, so a team can paste what it already wrote:
/// <c>{ "budget": { "bundle_size": "&lt; 500KB", "image_sizes": "&lt; 200KB per image", "font_files": "&lt; 100KB total" } }</c>.
/// Each key becomes a budget whose limit is a maximumError.
/// </summary>
internal static partial class SimpleBudgetForm
{
    private static readonly Dictionary<string, BudgetType[]> SizeKeys = new(StringComparer.Ordinal)
    {
        ["bundle_size"] = [BudgetType.Script, BudgetType.Stylesheet],
        ["script_size"] = [BudgetType.Script],
        ["js_size"] = [BudgetType.Script],
        ["stylesheet_size"] = [BudgetType.Stylesheet],
        ["css_size"] = [BudgetType.Stylesheet],
        ["image_sizes"] = [BudgetType.Image],
        ["image_size"] = [BudgetType.Image],
        ["font_files"] = [BudgetType.Font],
        ["font_size"] = [BudgetType.Font],
        ["document_size"] = [BudgetType.Document],
        ["html_size"] = [BudgetType.Document],
        ["media_size"] = [BudgetType.Media],
        ["total_size"] = [BudgetType.Total],
        ["page_weight"] = [BudgetType.Total],
    };

    /// <summary>Keys measured in a browser: timing budgets on each entry page. FID and INP need a user; TBT is their lab proxy.</summary>
    private static readonly Dictionary<string, (BudgetMetric Metric, string? ProxyFor)> TimingKeys = new(StringComparer.Ordinal)
    {
        ["time_to_interactive"] = (BudgetMetric.Tti, null),
        ["tti"] = (BudgetMetric.Tti, null),
        ["first_contentful_paint"] = (BudgetMetric.Fcp, null),
        ["fcp"] = (BudgetMetric.Fcp, null),
        ["largest_contentful_paint"] = (BudgetMetric.Lcp, null),
        ["lcp"] = (BudgetMetric.Lcp, null),
        ["total_blocking_time"] = (BudgetMetric.Tbt, null),
        ["tbt"] = (BudgetMetric.Tbt, null),
        ["cumulative_layout_shift"] = (BudgetMetric.Cls, null),
        ["cls"] = (BudgetMetric.Cls, null),
        ["lighthouse_score"] = (BudgetMetric.Score, null),
        ["performance_score"] = (BudgetMetric.Score, null),
        ["first_input_delay"] = (BudgetMetric.Tbt, "FID"),
        ["fid"] = (BudgetMetric.Tbt, "FID"),
        ["interaction_to_next_paint"] = (BudgetMetric.Tbt, "INP"),
        ["inp"] = (BudgetMetric.Tbt, "INP"),
    };

    /// <summary>Keys BundleBudget does not measure.</summary>
    private static readonly HashSet<string> NotEvaluatedKeys = new(StringComparer.Ordinal) { "speed_index", "requests", "request_count" };

    public static IEnumerable<Budget> Read(JsonProperty budgetProperty, Compression compression, ReadContext context)
    {
        if (budgetProperty.Value is not JsonObjectNode entries)
        {
            context.Error(DiagnosticCodes.InvalidValue, $"\"budget\" must be an object such as {{ \"bundle_size\": \"< 500KB\" }}, found {budgetProperty.Value.KindName}.", budgetProperty.Value);
            yield break;
        }

        foreach (var entry in context.UniqueProperties(entries, StringComparer.OrdinalIgnoreCase))
        {
            var key = entry.Name.ToLowerInvariant();
            if (SizeKeys.TryGetValue(key, out var types))
            {
                if (ReadLimit(entry, context) is { } limit)
                {
                    yield return new Budget(entry.Name, types, null, limit.Scope, limit.Compression ?? compression, null, Limit.Bytes(limit.Size), new SourceLocation(context.Path, entry.Line, entry.Column));
                }

                continue;
            }

            if (key is "initial_page_load" or "page_load" or "load_time")
            {
                // Measured in a browser; "< 3s on slow 4G" names a network: the load time estimated from the sizes.
                var budget = NamesANetwork(entry) ? ReadLoadTime(entry, context) : ReadTiming(entry, BudgetMetric.Load, null, context);
                if (budget is not null)
                {
                    yield return budget with { Location = new SourceLocation(context.Path, entry.Line, entry.Column) };
                }

                continue;
            }

            if (TimingKeys.TryGetValue(key, out var timing))
            {
                if (ReadTiming(entry, timing.Metric, timing.ProxyFor, context) is { } budget)
                {
                    yield return budget;
                }

                continue;
            }

            if (NotEvaluatedKeys.Contains(key))
            {
                context.Warning(DiagnosticCodes.NotEvaluated, $"\"{entry.Name}\" is not evaluated: BundleBudget measures FCP, LCP, CLS, TBT, TTI, the load event and a score, not this. The other budgets are checked.", entry);
                continue;
            }

            var nearest = NearestName.Find(key, SizeKeys.Keys);
            if (nearest is not null)
            {
                context.Error(DiagnosticCodes.UnknownKey, $"Unknown key \"{entry.Name}\" in \"budget\". Did you mean \"{nearest}\"?", entry.Line, entry.Column);
            }
            else
            {
                context.Warning(DiagnosticCodes.NotEvaluated, $"\"{entry.Name}\" is not evaluated: the simple form understands {string.Join(", ", SizeKeys.Keys)}.", entry);
            }
        }
    }

    private static bool NamesANetwork(JsonProperty entry) =>
        entry.Value is JsonStringNode text && LoadTimePattern().Match(text.Value) is { Success: true } match && match.Groups["network"].Success;

    /// <summary>
    /// "&lt; 2.5s" for a time, "&lt; 0.1" for CLS, "&gt; 90" for the score: a timing budget on each entry page, its limit
    /// a maximumError (the score's a minimumError). FID and INP are limited through TBT, said in the budget's name.
    /// </summary>
    private static Budget? ReadTiming(JsonProperty entry, BudgetMetric metric, string? proxyFor, ReadContext context)
    {
        var text = entry.Value switch
        {
            JsonStringNode s => s.Value,
            JsonNumberNode n when metric is BudgetMetric.Cls or BudgetMetric.Score => n.Text,
            _ => null,
        };
        var match = text is null ? Match.Empty : metric switch
        {
            BudgetMetric.Score => ScorePattern().Match(text),
            BudgetMetric.Cls => ShiftPattern().Match(text),
            _ => LoadTimePattern().Match(text),
        };
        Limit? limit = null;
        if (match.Success && metric == BudgetMetric.Score && double.TryParse(match.Groups["n"].Value, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var score) && score is >= 0 and <= 100)
        {
            limit = new Limit(metric.ToLimitValue(score), LimitUnit.Score, $"below {score.ToString("0.#", System.Globalization.CultureInfo.InvariantCulture)}");
        }
        else if (match.Success && metric == BudgetMetric.Cls && double.TryParse(match.Groups["n"].Value, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var shift) && shift < 100)
        {
            limit = new Limit(metric.ToLimitValue(shift), LimitUnit.Shift, shift.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture));
        }
        else if (match.Success && metric is not (BudgetMetric.Score or BudgetMetric.Cls) && !match.Groups["network"].Success && Duration.TryParseMilliseconds(match.Groups["time"].Value, out var milliseconds))
        {
            limit = Limit.Milliseconds(milliseconds);
        }

        if (limit is null)
        {
            var example = metric switch { BudgetMetric.Score => "\"> 90\"", BudgetMetric.Cls => "\"< 0.1\"", _ => "\"< 2.5s\"" };
            context.Error(DiagnosticCodes.InvalidValue, $"\"{entry.Name}\" is a limit such as {example}, measured in a browser (bundle-budget check --measure).", entry.Value);
            return null;
        }

        var name = proxyFor is null ? entry.Name : $"{entry.Name} (as TBT: {proxyFor} needs a user; Total Blocking Time is its lab proxy)";
        return new Budget(name, [BudgetType.Timing], null, BudgetScope.Total, Compression.Raw, null, limit, new SourceLocation(context.Path, entry.Line, entry.Column)) { Metric = metric };
    }

    /// <summary>"&lt; 3s on a slow mobile network", "&lt; 5 s on slow 3G": an initial budget on each page, limiting its estimated load time.</summary>
    private static Budget? ReadLoadTime(JsonProperty entry, ReadContext context)
    {
        var match = entry.Value is JsonStringNode text ? LoadTimePattern().Match(text.Value) : Match.Empty;
        if (match.Success && Duration.TryParseMilliseconds(match.Groups["time"].Value, out var milliseconds))
        {
            var networkText = match.Groups["network"].Value;
            var network = networkText.Length == 0 ? NetworkProfile.Slow4G : NetworkProfile.Find(networkText);
            if (network is not null)
            {
                return new Budget(entry.Name, [BudgetType.Initial], null, BudgetScope.Total, Compression.Gzip, null, Limit.Milliseconds(milliseconds), default)
                {
                    Network = network,
                };
            }
        }

        context.Error(DiagnosticCodes.InvalidValue, $"\"{entry.Name}\" is a load time such as \"< 3s on a slow mobile network\"; networks: {string.Join(", ", NetworkProfile.Presets.Select(p => p.Name))}.", entry.Value);
        return null;
    }

    private static (ByteSize Size, BudgetScope Scope, Compression? Compression)? ReadLimit(JsonProperty entry, ReadContext context)
    {
        if (entry.Value is JsonNumberNode)
        {
            return context.ReadSize(entry) is { } bytes ? (bytes, BudgetScope.Total, null) : null;
        }

        if (entry.Value is JsonStringNode text)
        {
            var match = LimitPattern().Match(text.Value);
            if (match.Success && ByteSize.TryParse(match.Groups["size"].Value, out var size))
            {
                var each = match.Groups["each"].Success;
                Compression? stated = match.Groups["compression"].Value.ToLowerInvariant() switch
                {
                    "gzip" or "gzipped" => Compression.Gzip,
                    "brotli" or "br" => Compression.Brotli,
                    "raw" or "minified" or "uncompressed" => Compression.Raw,
                    _ => null,
                };
                return (size, each ? BudgetScope.Each : BudgetScope.Total, stated);
            }

            context.Error(DiagnosticCodes.InvalidSize, $"\"{entry.Name}\": \"{text.Value}\" is not a limit. Write \"< 500KB\", \"< 170KB gzipped\", \"< 200KB per image\" or \"< 100KB total\" (kB = 1000 B, KiB = 1024 B).", entry.Value);
            return null;
        }

        context.Error(DiagnosticCodes.InvalidSize, $"\"{entry.Name}\" must be a limit such as \"< 500KB\", found {entry.Value.KindName}.", entry.Value);
        return null;
    }

    [GeneratedRegex(@"^\s*(?:<=?|≤)?\s*(?<time>\d+(?:\.\d+)?\s*(?:ms|s|sec|secs|seconds?))\s*(?:(?:on|over)\s+(?:an?\s+)?(?<network>.+?))?\s*$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex LoadTimePattern();

    [GeneratedRegex(@"^\s*(?:>=?|≥)?\s*(?<n>\d+(?:\.\d+)?)\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex ScorePattern();

    [GeneratedRegex(@"^\s*(?:<=?|≤)?\s*(?<n>\d*\.?\d+)\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex ShiftPattern();

    [GeneratedRegex(@"^\s*(?:<=?|≤)?\s*(?<size>\d+(?:\.\d+)?\s*[A-Za-z]*?)\s*(?<compression>gzip|gzipped|brotli|br|raw|minified|uncompressed)?\s*(?:(?<each>per\s+\w+|each)|(?:in\s+)?total)?\s*$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex LimitPattern();
}
