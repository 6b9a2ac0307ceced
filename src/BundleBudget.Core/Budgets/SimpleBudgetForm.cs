using System.Text.RegularExpressions;
using BundleBudget.Core.Diagnostics;
using BundleBudget.Core.Json;
using BundleBudget.Core.Pages;
using BundleBudget.Core.Text;

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

    /// <summary>Keys that measure time or behaviour in a browser, which a size check cannot evaluate (yet).</summary>
    private static readonly HashSet<string> NotEvaluatedKeys = new(StringComparer.Ordinal)
    {
        "time_to_interactive", "tti", "first_contentful_paint", "fcp",
        "largest_contentful_paint", "lcp", "total_blocking_time", "tbt", "cumulative_layout_shift", "cls", "speed_index",
        "first_input_delay", "fid", "interaction_to_next_paint", "inp", "requests", "request_count", "lighthouse_score",
    };

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
                if (ReadLoadTime(entry, context) is { } budget)
                {
                    yield return budget with { Location = new SourceLocation(context.Path, entry.Line, entry.Column) };
                }

                continue;
            }

            if (NotEvaluatedKeys.Contains(key))
            {
                context.Warning(DiagnosticCodes.NotEvaluated, $"\"{entry.Name}\" is not evaluated: it needs a browser, and BundleBudget checks sizes and estimated load times. The other budgets are checked.", entry);
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

    [GeneratedRegex(@"^\s*(?:<=?|≤)?\s*(?<size>\d+(?:\.\d+)?\s*[A-Za-z]*?)\s*(?<compression>gzip|gzipped|brotli|br|raw|minified|uncompressed)?\s*(?:(?<each>per\s+\w+|each)|(?:in\s+)?total)?\s*$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex LimitPattern();
}
