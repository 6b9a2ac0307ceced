using System.Globalization;
using System.Text.RegularExpressions;
using BundleBudget.Core.Budgets;
using BundleBudget.Core.Json;

namespace BundleBudget.Core.Peers;

/// <summary>
/// The budgets of an Angular workspace (<c>angular.json</c>: the application's build target, its default
/// configuration's <c>budgets</c>), as Angular's application builder checks them: raw bytes of the browser output's
/// scripts and stylesheets only, kB = 1000 B, <c>baseline</c> plus (for a minimum, minus) a percentage or an amount.
/// <c>anyComponentStyle</c> (sizes only the compiler knows) is named with BB9037.
/// </summary>
internal static partial class AngularConfig
{
    private const string ScriptsAndStyles = "**/*.{js,css}";

    public static List<PeerCheck> Read(JsonNode root, ReadContext context)
    {
        if (root is not JsonObjectNode workspace || Property(workspace, "projects")?.Value is not JsonObjectNode projects)
        {
            context.Error(PeerDiagnostics.NotRead, "angular.json has no \"projects\": it is not an Angular workspace.", root);
            return [];
        }

        var applications = projects.Properties.Where(p => p.Value is JsonObjectNode project && (Property(project, "projectType")?.Value as JsonStringNode)?.Value == "application").ToList();
        if (applications.Count == 0)
        {
            context.Error(PeerDiagnostics.NotRead, "angular.json has no application project (\"projectType\": \"application\"): there is no build whose budgets to check.", projects);
            return [];
        }

        if (applications.Count > 1)
        {
            context.Warning(PeerDiagnostics.OptionNotImported, $"angular.json has {applications.Count} applications; the budgets of the first, '{applications[0].Name}', are read. Give each its own budget.json that extends angular.json with its outputPath to check another.", applications[1]);
        }

        var application = applications[0];
        var build = Path(application.Value, "architect", "build") as JsonObjectNode;
        if (build is null)
        {
            context.Error(PeerDiagnostics.NotRead, $"The project '{application.Name}' has no \"architect\" \"build\" target.", application.Value);
            return [];
        }

        var builder = (Property(build, "builder")?.Value as JsonStringNode)?.Value ?? string.Empty;
        var options = Property(build, "options")?.Value as JsonObjectNode;
        var configurationName = (Property(build, "defaultConfiguration")?.Value as JsonStringNode)?.Value ?? "production";
        var configuration = Path(build, "configurations", configurationName) as JsonObjectNode;
        var budgets = (configuration is null ? null : Property(configuration, "budgets")) ?? (options is null ? null : Property(options, "budgets"));
        if (budgets?.Value is not JsonArrayNode list)
        {
            context.Error(PeerDiagnostics.NotRead, $"The '{configurationName}' build of '{application.Name}' has no \"budgets\".", (JsonNode?)configuration ?? build);
            return [];
        }

        var browser = BrowserFolder(application.Name, builder, options);
        return list.Items.Select(item => ReadBudget(item, browser, context)).OfType<PeerCheck>().ToList();
    }

    /// <summary>Where the browser's files are, relative to angular.json: outputPath ("dist/&lt;project&gt;" by default) and, for the application builder, its browser folder.</summary>
    private static string BrowserFolder(string project, string builder, JsonObjectNode? options)
    {
        var output = options is null ? null : Property(options, "outputPath")?.Value;
        var application = !builder.EndsWith(":browser", StringComparison.Ordinal);
        var (outputBase, browser) = output switch
        {
            JsonStringNode text => (text.Value, application ? "browser" : string.Empty),
            JsonObjectNode parts => ((Property(parts, "base")?.Value as JsonStringNode)?.Value ?? $"dist/{project}", (Property(parts, "browser")?.Value as JsonStringNode)?.Value ?? "browser"),
            _ => ($"dist/{project}", application ? "browser" : string.Empty),
        };
        return string.Join('/', new[] { outputBase.TrimEnd('/'), browser.Trim('/') }.Where(s => s.Length > 0));
    }

    private static PeerCheck? ReadBudget(JsonNode node, string browser, ReadContext context)
    {
        if (node is not JsonObjectNode budget)
        {
            context.Error(PeerDiagnostics.NotRead, $"An Angular budget is an object with \"type\", found {node.KindName}.", node);
            return null;
        }

        var type = (Property(budget, "type")?.Value as JsonStringNode)?.Value;
        var name = (Property(budget, "name")?.Value as JsonStringNode)?.Value;
        var baselineText = (Property(budget, "baseline")?.Value as JsonStringNode)?.Value;
        double? baseline = baselineText is null ? null : Bytes(baselineText);
        // Angular's calculateThresholds: a maximum is the baseline plus the amount, a minimum the baseline minus it;
        // "warning" and "error" are a band around the baseline, both sides. A threshold Angular cannot read (NaN there,
        // which it always reports) leaves the whole budget unchecked here, said by BB9036.
        var unreadable = false;
        Limit? Threshold(string key, int factor, bool report = true)
        {
            if (Property(budget, key)?.Value is not JsonStringNode { Value: var text })
            {
                return null;
            }

            if (Limit(text, baseline, factor) is not { } bytes)
            {
                unreadable = true;
                if (!report)
                {
                    return null;
                }

                context.Error(PeerDiagnostics.NotRead, $"\"{key}\": \"{text}\" is no size Angular reads (such as \"500kB\", 1000 B a kB, or \"10%\" of \"baseline\").", budget);
                return null;
            }

            if (text.TrimEnd().EndsWith('%') && baseline is null && report)
            {
                context.Warning(PeerDiagnostics.OptionNotImported, $"\"{key}\": \"{text}\" has no \"baseline\": Angular reads a percentage of nothing as 0 bytes, so {(factor > 0 ? "every file fails it" : "no file fails it")}; here too.", budget);
            }

            // Angular compares the size with the exact amount: a maximum of 1.5 B fails 2 B, a minimum of 1.5 B fails 1 B.
            var limit = factor > 0 ? (long)Math.Floor(bytes) : (long)Math.Ceiling(bytes);
            return new Limit(limit, LimitUnit.Bytes, $"{text}{(baselineText is null ? string.Empty : $" {(factor > 0 ? "over" : "under")} baseline {baselineText}")} ({ByteSize.Format(limit)})");
        }

        var warning = Threshold("maximumWarning", 1) ?? Threshold("warning", 1);
        var error = Threshold("maximumError", 1) ?? Threshold("error", 1);
        var minimumWarning = Threshold("minimumWarning", -1) ?? Threshold("warning", -1, report: false);
        var minimumError = Threshold("minimumError", -1) ?? Threshold("error", -1, report: false);
        if (unreadable || (warning is null && error is null && minimumWarning is null && minimumError is null))
        {
            return null;
        }

        var label = $"angular: {type}{(name is null ? string.Empty : $" '{name}'")}";
        var all = $"{browser}/{ScriptsAndStyles}";
        switch (type)
        {
            case "initial":
                // Angular's initial chunks are the app's, whatever the page: its index.html's first load, scripts and styles.
                return new PeerCheck(label, [all], error, Compression.Raw, BudgetScope.Total, budget) { Warning = warning, MinimumWarning = minimumWarning, MinimumError = minimumError, Types = [BudgetType.Initial], Entry = $"{browser}/index.html" };
            case "allScript":
                return new PeerCheck(label, [$"{browser}/**/*.js"], error, Compression.Raw, BudgetScope.Total, budget) { Warning = warning, MinimumWarning = minimumWarning, MinimumError = minimumError };
            case "all":
                return new PeerCheck(label, [all], error, Compression.Raw, BudgetScope.Total, budget) { Warning = warning, MinimumWarning = minimumWarning, MinimumError = minimumError };
            case "anyScript":
                return new PeerCheck(label, [$"{browser}/**/*.js"], error, Compression.Raw, BudgetScope.Each, budget) { Warning = warning, MinimumWarning = minimumWarning, MinimumError = minimumError };
            case "any":
                return new PeerCheck(label, [all], error, Compression.Raw, BudgetScope.Each, budget) { Warning = warning, MinimumWarning = minimumWarning, MinimumError = minimumError };
            case "bundle" when name is not null:
                // main, polyfills and styles are in their files' names; a lazy chunk's name only with "namedChunks" (else chunk-*.js).
                var known = name is "main" or "polyfills" or "styles";
                if (!known)
                {
                    context.Warning(PeerDiagnostics.OptionNotImported, $"The bundle '{name}' is found by its file name ({name}-*.js or .css), as \"namedChunks\" writes it; a lazy chunk Angular names only in its build (chunk-*.js) is not found, and the budget is then incomplete.", budget);
                }

                return new PeerCheck(label, [$"{browser}/**/{name}-*.{{js,css}}"], error, Compression.Raw, BudgetScope.Total, budget) { Warning = warning, MinimumWarning = minimumWarning, MinimumError = minimumError, UnmatchedIsUnknown = !known };
            case "bundle":
                context.Error(PeerDiagnostics.NotRead, "A \"bundle\" budget needs \"name\", the bundle it limits (main, polyfills, styles, or a lazy chunk's name).", budget);
                return null;
            case "anyComponentStyle":
                context.Warning(PeerDiagnostics.OptionNotImported, "\"anyComponentStyle\" limits each component's own styles, which only Angular's compiler sees (they are inlined into the scripts): ng build checks it; it is not checked here.", budget);
                return null;
            default:
                context.Error(PeerDiagnostics.NotRead, $"\"{type}\" is no Angular budget type (initial, allScript, all, anyScript, any, anyComponentStyle, bundle).", budget);
                return null;
        }
    }

    /// <summary>A limit as Angular's calculateBytes: an amount (b, kb, mb, gb, 1000 each; none is bytes) or a percentage of the baseline, added to the baseline when there is one.</summary>
    private static double? Limit(string text, double? baseline, int factor = 1)
    {
        var match = SizePattern().Match(text.Trim());
        if (!match.Success)
        {
            return null;
        }

        var value = double.Parse(match.Groups["value"].Value, CultureInfo.InvariantCulture);
        value = match.Groups["unit"].Value.ToLowerInvariant() switch
        {
            "%" => (baseline ?? 0) * value / 100,
            "kb" => value * 1000,
            "mb" => value * 1000 * 1000,
            "gb" => value * 1000 * 1000 * 1000,
            _ => value,
        };
        return baseline is { } b && b != 0 ? b + (value * factor) : value;
    }

    private static double? Bytes(string text) => Limit(text, null);

    [GeneratedRegex(@"^(?<value>\d+(?:\.\d+)?)[ \t]*(?<unit>%|[kmg]?b)?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SizePattern();

    private static JsonProperty? Property(JsonObjectNode node, string name) => node.Properties.FirstOrDefault(p => p.Name == name);

    private static JsonNode? Path(JsonNode node, params string[] names)
    {
        foreach (var name in names)
        {
            if (node is not JsonObjectNode objectNode || Property(objectNode, name) is not { } property)
            {
                return null;
            }

            node = property.Value;
        }

        return node;
    }
}
