using BundleBudget.Core.Budgets;
using BundleBudget.Core.Json;

namespace BundleBudget.Core.Peers;

/// <summary>
/// size-limit's checks (<c>.size-limit.json</c>, <c>"size-limit"</c> in package.json), as its <c>@size-limit/file</c>
/// plugin measures them: the files of <c>path</c> (globs from the config's folder) summed, brotli unless
/// <c>"gzip": true</c> or <c>"brotli": false</c> (none), against <c>limit</c> in <c>bytes-iec</c>'s units (kB = 1000 B).
/// Options that need its bundler or a browser are named in a warning: the files are counted as they are.
/// </summary>
internal static class SizeLimitConfig
{
    private static readonly HashSet<string> NeedBundling = new(StringComparer.Ordinal)
    {
        "import", "entry", "webpack", "config", "modifyWebpackConfig", "modifyEsbuildConfig", "ignore", "disableModuleConcatenation", "uiReports", "compareWith", "module",
    };

    private static readonly HashSet<string> Presentation = new(StringComparer.Ordinal) { "message", "hidePassed", "highlightLess" };

    public static IEnumerable<PeerCheck> Read(JsonArrayNode checks, ReadContext context)
    {
        foreach (var item in checks.Items)
        {
            if (item is not JsonObjectNode check)
            {
                context.Error(PeerDiagnostics.NotRead, $"Each size-limit check must be an object with \"path\" and \"limit\", found {item.KindName}.", item);
                continue;
            }

            string? name = null;
            List<string>? patterns = null;
            var excluded = new List<string>();
            JsonProperty? limitProperty = null;
            bool? gzip = null, brotli = null;
            foreach (var property in context.UniqueProperties(check, StringComparer.Ordinal))
            {
                switch (property.Name)
                {
                    case "name":
                        name = context.RequireString(property);
                        break;
                    case "path":
                        patterns = Patterns(property, excluded, context);
                        break;
                    case "limit":
                        limitProperty = property;
                        break;
                    case "gzip":
                        gzip = context.ReadBoolean(property);
                        break;
                    case "brotli":
                        brotli = context.ReadBoolean(property);
                        break;
                    case "running" or "time":
                        context.Warning(PeerDiagnostics.OptionNotImported, $"size-limit's \"{property.Name}\" measures running time in its own browser: left out (BundleBudget measures page timings with timing budgets and --measure).", property);
                        break;
                    case var option when NeedBundling.Contains(option):
                        context.Warning(PeerDiagnostics.OptionNotImported, $"size-limit's \"{option}\" needs its bundler (webpack or esbuild) to build the check: left out, and the files of \"path\" are counted as they are, as @size-limit/file counts them.", property);
                        break;
                    case var option when Presentation.Contains(option):
                        break;
                    default:
                        context.Warning(PeerDiagnostics.OptionNotImported, $"\"{property.Name}\" is not a size-limit option BundleBudget knows: it is left out.", property);
                        break;
                }
            }

            if (patterns is null || patterns.Count == 0)
            {
                context.Error(PeerDiagnostics.NotRead, "This size-limit check has no \"path\" (size-limit would take package.json's \"main\"): give the files it limits.", check);
                continue;
            }

            if (limitProperty is null)
            {
                context.Warning(PeerDiagnostics.OptionNotImported, $"The size-limit check '{name ?? string.Join(", ", patterns)}' has no \"limit\": size-limit only shows its size, so it is not a budget here.", check);
                continue;
            }

            if (limitProperty.Value is JsonNumberNode { Value: { } number } && number >= 0 && decimal.Truncate(number) == number)
            {
                var bytesLimit = (long)number;
                var named = name ?? string.Join(", ", patterns);
                yield return new PeerCheck($"size-limit: {named}", patterns, new Limit(bytesLimit, LimitUnit.Bytes, $"{bytesLimit} B"), gzip == true ? Compression.Gzip : brotli == false ? Compression.Raw : Compression.Brotli, BudgetScope.Total, check) { Exclude = excluded, MustMatch = true, CompressesEveryFile = gzip == true || brotli != false };
                continue;
            }

            if (limitProperty.Value is not JsonStringNode { Value: var text } || text.TrimEnd().EndsWith('s'))
            {
                if (limitProperty.Value is JsonStringNode)
                {
                    context.Warning(PeerDiagnostics.OptionNotImported, $"size-limit's time limit \"{((JsonStringNode)limitProperty.Value).Value}\" is the running time in its own browser: left out.", limitProperty);
                }
                else
                {
                    context.Error(PeerDiagnostics.NotRead, $"\"limit\" must be a size such as \"10 kB\", found {limitProperty.Value.KindName}.", limitProperty.Value);
                }

                continue;
            }

            if (PeerSizes.Iec(text) is not { } bytes)
            {
                context.Error(PeerDiagnostics.NotRead, $"\"limit\": \"{text}\" is no size size-limit reads (such as \"10 kB\", 1000 bytes a kB, or \"10 KiB\").", limitProperty.Value);
                continue;
            }

            var compression = gzip == true ? Compression.Gzip : brotli == false ? Compression.Raw : Compression.Brotli;
            var label = name ?? string.Join(", ", patterns);
            // @size-limit/file compresses every file's bytes, images and fonts too.
            yield return new PeerCheck($"size-limit: {label}", patterns, new Limit(bytes, LimitUnit.Bytes, $"{text.Trim()} ({ByteSize.Format(bytes)})"), compression, BudgetScope.Total, check) { Exclude = excluded, MustMatch = true, CompressesEveryFile = compression != Compression.Raw };
        }
    }

    private static List<string>? Patterns(JsonProperty property, List<string> excluded, ReadContext context)
    {
        IEnumerable<JsonNode> values = property.Value is JsonArrayNode array ? array.Items : [property.Value];
        var patterns = new List<string>();
        foreach (var value in values)
        {
            if (value is not JsonStringNode { Value: var pattern })
            {
                context.Error(PeerDiagnostics.NotRead, $"\"path\" must be a glob or a list of globs, found {value.KindName}.", value);
                return null;
            }

            if (pattern.StartsWith('!'))
            {
                excluded.Add(pattern[1..]);
                continue;
            }

            patterns.Add(pattern);
        }

        return patterns;
    }
}
