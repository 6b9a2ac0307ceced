using System.Globalization;
using BundleBudget.Core.Budgets;
using BundleBudget.Core.Diagnostics;
using BundleBudget.Core.Json;

namespace BundleBudget.Core.Timings;

/// <summary>
/// Reads a budget with <c>"type": "timing"</c>: a <c>metric</c>, an optional <c>entry</c>, and limits in the metric's
/// unit: durations (<c>"2.5s"</c>, <c>"200ms"</c>) for fcp, lcp, tbt, tti and load; a number for cls (<c>0.1</c>); a
/// minimum for the score (<c>minimumError: 90</c>).
/// </summary>
internal static class TimingBudgetReader
{
    private static readonly string[] Keys = ["name", "type", "metric", "entry", "path", "excludePaths", "maximumWarning", "maximumError", "minimumWarning", "minimumError", "maximumRegression"];

    public static bool IsTiming(JsonObjectNode budget) =>
        budget.Properties.Any(p => p.Name == "type" && (p.Value is JsonStringNode { Value: "timing" } || (p.Value is JsonArrayNode types && types.Items.Any(t => t is JsonStringNode { Value: "timing" }))));

    public static Budget? Read(JsonObjectNode budget, ReadContext context)
    {
        var valid = true;
        string? name = null, entry = null;
        UrlPathPattern? urlPath = null;
        IReadOnlyList<UrlPathPattern>? excludePaths = null;
        BudgetMetric? metric = null;
        var limits = new Dictionary<string, JsonProperty>(StringComparer.Ordinal);
        foreach (var property in context.UniqueProperties(budget, StringComparer.Ordinal))
        {
            switch (property.Name)
            {
                case "name":
                    name = context.RequireString(property);
                    break;
                case "type" when property.Value is JsonArrayNode types && types.Items is not [JsonStringNode]:
                    context.Error(DiagnosticCodes.InvalidValue, "\"timing\" measures a page in a browser: it cannot share a budget with another type. Give it a budget of its own.", property.Value);
                    valid = false;
                    break;
                case "type":
                    break;
                case "metric":
                    var text = context.RequireString(property);
                    if (text is not null && BudgetMetrics.TryParse(text, out var parsed))
                    {
                        metric = parsed;
                    }
                    else
                    {
                        valid = false;
                        if (text is not null)
                        {
                            var names = Enum.GetValues<BudgetMetric>().Select(m => m.WireName()).ToArray();
                            var nearest = Text.NearestName.Find(text, names);
                            context.Error(DiagnosticCodes.InvalidValue, $"Unknown metric \"{text}\".{(nearest is null ? string.Empty : $" Did you mean \"{nearest}\"?")} Metrics: {string.Join(", ", names)} (inp and fid have no lab measure: tbt is their proxy).", property.Value);
                        }
                    }

                    break;
                case "entry":
                    entry = context.RequireString(property)?.Replace('\\', '/').TrimStart('/');
                    valid &= entry is not null;
                    break;
                case "path" or "excludePaths":
                    valid &= context.ReadPagePaths(property, ref urlPath, ref excludePaths);
                    break;
                case "maximumWarning" or "maximumError" or "minimumWarning" or "minimumError" or "maximumRegression":
                    limits[property.Name] = property;
                    break;
                default:
                    context.UnknownKey(property, Keys, "in a timing budget");
                    valid = false;
                    break;
            }
        }

        if (metric is not { } m)
        {
            if (valid)
            {
                context.Error(DiagnosticCodes.IncompleteBudget, $"A timing budget needs a \"metric\": {string.Join(", ", Enum.GetValues<BudgetMetric>().Select(x => $"\"{x.WireName()}\""))}.", budget);
            }

            return null;
        }

        var (warningKey, errorKey, wrongKeys) = m == BudgetMetric.Score
            ? ("minimumWarning", "minimumError", new[] { "maximumWarning", "maximumError" })
            : ("maximumWarning", "maximumError", new[] { "minimumWarning", "minimumError" });
        foreach (var wrong in wrongKeys.Where(limits.ContainsKey))
        {
            context.Error(DiagnosticCodes.InvalidValue, m == BudgetMetric.Score
                ? $"A score is a minimum: use \"{wrong.Replace("maximum", "minimum", StringComparison.Ordinal)}\" (such as 90), not \"{wrong}\"."
                : $"\"{wrong}\" is for the score; a limit on {m.WireName()} is a maximum: \"{wrong.Replace("minimum", "maximum", StringComparison.Ordinal)}\".", limits[wrong].Value);
            valid = false;
        }

        var warning = limits.TryGetValue(warningKey, out var w) ? ReadLimit(m, w, context) : null;
        var error = limits.TryGetValue(errorKey, out var e) ? ReadLimit(m, e, context) : null;
        var regression = limits.TryGetValue("maximumRegression", out var r) ? ReadRegression(m, r, context) : null;
        valid &= (!limits.ContainsKey(warningKey) || warning is not null) && (!limits.ContainsKey(errorKey) || error is not null) && (r is null || regression is not null);
        if (valid && warning is null && error is null && regression is null)
        {
            context.Error(DiagnosticCodes.IncompleteBudget, $"This timing budget has no limit: add \"{errorKey}\" and/or \"{warningKey}\", such as {Example(m)}, or \"maximumRegression\" against the base branch (compare --measure).", budget);
            valid = false;
        }

        if (warning is not null && error is not null && (m == BudgetMetric.Score ? warning.Value <= error.Value : warning.Value >= error.Value))
        {
            context.Warning(DiagnosticCodes.WarningNotBelowError, $"{warningKey} ({warning.Text}) is not {(m == BudgetMetric.Score ? "above" : "below")} {errorKey} ({error.Text}), so the warning can never be seen before the error.", budget);
        }

        if (valid && entry is not null && (urlPath is not null || excludePaths is not null))
        {
            context.Error(DiagnosticCodes.InvalidValue, "A timing budget limits one \"entry\", or the pages \"path\" and \"excludePaths\" choose by their URL: not both.", budget);
            valid = false;
        }

        return valid
            ? new Budget(name, [BudgetType.Timing], null, BudgetScope.Total, Compression.Raw, warning, error, context.At(budget))
            {
                Entry = entry, Metric = m, MaximumRegression = regression, Path = urlPath, ExcludePaths = excludePaths ?? [],
            }
            : null;
    }

    private static string Example(BudgetMetric metric) => metric switch
    {
        BudgetMetric.Cls => "0.1",
        BudgetMetric.Score => "90",
        BudgetMetric.Tbt => "\"200ms\"",
        _ => "\"2.5s\"",
    };

    /// <summary>"10%" of the base's median, or an amount in the metric's unit: "200ms", 0.05 of CLS, 5 score points.</summary>
    private static RegressionLimit? ReadRegression(BudgetMetric metric, JsonProperty property, ReadContext context)
    {
        if (property.Value is JsonStringNode percentText && percentText.Value.Trim() is { } trimmed && trimmed.EndsWith('%')
            && double.TryParse(trimmed[..^1], NumberStyles.Float, CultureInfo.InvariantCulture, out var percent) && percent is >= 0 and <= 1000)
        {
            return new RegressionLimit(percent, IsPercent: true);
        }

        switch (metric.Unit())
        {
            case LimitUnit.Milliseconds when property.Value is JsonStringNode text && Duration.TryParseMilliseconds(text.Value, out var milliseconds):
                return new RegressionLimit(milliseconds, IsPercent: false);
            case LimitUnit.Shift or LimitUnit.Score when property.Value is JsonNumberNode { Value: { } amount } && amount >= 0 && amount <= 100:
                return new RegressionLimit((double)amount, IsPercent: false);
        }

        var example = metric switch { BudgetMetric.Cls => "0.05", BudgetMetric.Score => "5 (points)", _ => "\"200ms\"" };
        context.Error(DiagnosticCodes.InvalidSize, $"\"maximumRegression\" of a {metric.WireName()} budget is a percentage of the base's median such as \"10%\", or {example}.", property.Value);
        return null;
    }

    private static Limit? ReadLimit(BudgetMetric metric, JsonProperty property, ReadContext context)
    {
        switch (metric.Unit())
        {
            case LimitUnit.Milliseconds:
                if (property.Value is JsonStringNode text && Duration.TryParseMilliseconds(text.Value, out var milliseconds))
                {
                    return Limit.Milliseconds(milliseconds);
                }

                context.Error(DiagnosticCodes.InvalidSize, $"\"{property.Name}\" of a {metric.WireName()} budget is a time such as {Example(metric)} or \"2500ms\".", property.Value);
                return null;
            case LimitUnit.Shift:
                if (property.Value is JsonNumberNode { Value: { } shift } && shift >= 0 && shift < 100)
                {
                    return new Limit(metric.ToLimitValue((double)shift), LimitUnit.Shift, ((double)shift).ToString("0.###", CultureInfo.InvariantCulture));
                }

                context.Error(DiagnosticCodes.InvalidSize, $"\"{property.Name}\" of a cls budget is a number such as 0.1 (layout shift has no unit).", property.Value);
                return null;
            default:
                if (property.Value is JsonNumberNode { Value: { } score } && score >= 0 && score <= 100)
                {
                    return new Limit(metric.ToLimitValue((double)score), LimitUnit.Score, $"below {((double)score).ToString("0.#", CultureInfo.InvariantCulture)}");
                }

                context.Error(DiagnosticCodes.InvalidSize, $"\"{property.Name}\" of a score budget is a number from 0 to 100, such as 90.", property.Value);
                return null;
        }
    }
}
