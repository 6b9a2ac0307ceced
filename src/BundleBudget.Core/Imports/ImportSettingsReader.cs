using BundleBudget.Core.Diagnostics;
using BundleBudget.Core.Budgets;
using BundleBudget.Core.Json;

namespace BundleBudget.Core.Imports;

/// <summary>Reads the <c>imports</c> section of budget.json into <see cref="ImportSettings"/>.</summary>
internal static class ImportSettingsReader
{
    private static readonly string[] Keys = ["sources", "rules", "extra", "allow", "severity"];
    private static readonly string[] RuleKeys = ["id", "module", "forms", "names", "message", "cost"];

    public static ImportSettings Read(JsonProperty section, ReadContext context)
    {
        var settings = ImportSettings.Default;
        if (section.Value is not JsonObjectNode node)
        {
            context.Error(DiagnosticCodes.InvalidValue, $"\"imports\" must be an object such as {{ \"sources\": [\"src/**/*.ts\"], \"severity\": \"error\" }}, found {section.Value.KindName}.", section.Value);
            return settings;
        }

        var useRecommended = true;
        var extra = new List<ImportRule>();
        foreach (var property in context.UniqueProperties(node, StringComparer.Ordinal))
        {
            switch (property.Name)
            {
                case "sources":
                    settings = settings with { Sources = ReadGlobs(property, context), SourcesGiven = true };
                    break;
                case "allow":
                    settings = settings with { Allow = ReadGlobs(property, context) };
                    break;
                case "rules":
                    var rules = context.RequireString(property);
                    if (rules is "recommended" or "none")
                    {
                        useRecommended = rules == "recommended";
                    }
                    else if (rules is not null)
                    {
                        context.Error(DiagnosticCodes.InvalidValue, $"Unknown rule set \"{rules}\": use \"recommended\" or \"none\".", property.Value);
                    }

                    break;
                case "extra":
                    extra.AddRange(ReadExtraRules(property, context));
                    break;
                case "severity":
                    settings = context.ReadSeverity(property) is { } severity ? settings with { Severity = severity } : settings;
                    break;
                default:
                    context.UnknownKey(property, Keys, "in \"imports\"");
                    break;
            }
        }

        return settings with { Rules = [.. useRecommended ? RecommendedImportRules.All : [], .. extra] };
    }

    private static IReadOnlyList<FileGlob> ReadGlobs(JsonProperty property, ReadContext context)
    {
        IEnumerable<JsonNode> items = property.Value is JsonArrayNode array ? array.Items : [property.Value];
        var globs = new List<FileGlob>();
        foreach (var item in items)
        {
            if (item is not JsonStringNode text)
            {
                context.Error(DiagnosticCodes.InvalidValue, $"\"{property.Name}\" must hold strings, found {item.KindName}.", item);
            }
            else if (FileGlob.TryParse(text.Value, out var glob, out var error))
            {
                globs.Add(glob!);
            }
            else
            {
                context.Error(DiagnosticCodes.InvalidGlob, $"\"{property.Name}\": \"{text.Value}\" is not a valid glob: {error}.", item);
            }
        }

        return globs;
    }

    private static IEnumerable<ImportRule> ReadExtraRules(JsonProperty property, ReadContext context)
    {
        if (property.Value is not JsonArrayNode array)
        {
            context.Error(DiagnosticCodes.InvalidValue, "\"extra\" must be an array of rules such as { \"module\": \"big-lib\", \"message\": \"import from 'big-lib/part' instead\" }.", property.Value);
            yield break;
        }

        foreach (var item in array.Items)
        {
            if (item is not JsonObjectNode rule)
            {
                context.Error(DiagnosticCodes.InvalidValue, $"Each rule in \"extra\" must be an object, found {item.KindName}.", item);
                continue;
            }

            string? id = null, message = null, cost = null;
            IReadOnlyList<FileGlob> modules = [];
            var forms = new HashSet<ImportForm>(Enum.GetValues<ImportForm>().Where(f => f != ImportForm.ImportType));
            HashSet<string>? names = null;
            var valid = true;
            foreach (var field in context.UniqueProperties(rule, StringComparer.Ordinal))
            {
                switch (field.Name)
                {
                    case "id":
                        id = context.RequireString(field);
                        break;
                    case "module":
                        modules = ReadGlobs(field, context);
                        break;
                    case "message":
                        message = context.RequireString(field);
                        break;
                    case "cost":
                        cost = context.RequireString(field);
                        break;
                    case "names":
                        names = ReadStrings(field, context).ToHashSet(StringComparer.Ordinal);
                        break;
                    case "forms":
                        forms.Clear();
                        foreach (var form in ReadStrings(field, context))
                        {
                            if (ImportFormExtensions.TryParseWireName(form, out var parsed))
                            {
                                forms.Add(parsed);
                            }
                            else
                            {
                                valid = false;
                                context.Error(DiagnosticCodes.InvalidValue, $"Unknown import form \"{form}\". Forms: {string.Join(", ", ImportFormExtensions.WireNames)}.", field.Value);
                            }
                        }

                        break;
                    default:
                        context.UnknownKey(field, RuleKeys, "in an \"extra\" rule");
                        valid = false;
                        break;
                }
            }

            if (modules.Count == 0 || message is null)
            {
                context.Error(DiagnosticCodes.IncompleteBudget, "An \"extra\" rule needs \"module\" (the module it flags) and \"message\" (what to write instead).", rule);
                continue;
            }

            if (valid)
            {
                var text = message;
                yield return new ImportRule(id ?? string.Join(",", modules.Select(m => m.Pattern)), modules, forms, names, cost ?? "more than it should", _ => text, []);
            }
        }
    }

    private static IEnumerable<string> ReadStrings(JsonProperty property, ReadContext context)
    {
        IEnumerable<JsonNode> items = property.Value is JsonArrayNode array ? array.Items : [property.Value];
        foreach (var item in items)
        {
            if (item is JsonStringNode text)
            {
                yield return text.Value;
            }
            else
            {
                context.Error(DiagnosticCodes.InvalidValue, $"\"{property.Name}\" must hold strings, found {item.KindName}.", item);
            }
        }
    }
}
