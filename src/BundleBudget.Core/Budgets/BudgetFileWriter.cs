using System.Text;
using System.Text.Json;

namespace BundleBudget.Core.Budgets;

/// <summary>
/// Writes budgets as a budget.json (<c>bundle-budget import</c>): the output folder relative to the file written, and
/// each budget with the keys that give it its meaning, limits in bytes so that no unit is read another way.
/// </summary>
public static class BudgetFileWriter
{
    public static string Write(BudgetFile file, string targetPath)
    {
        var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            if (file.OutputPath is { } output)
            {
                var folder = Path.GetDirectoryName(Path.GetFullPath(targetPath))!;
                json.WriteString("outputPath", Path.GetRelativePath(folder, output).Replace('\\', '/'));
            }

            json.WriteStartArray("budgets");
            foreach (var budget in file.Budgets)
            {
                WriteBudget(json, budget, file.Compression);
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }

    private static void WriteBudget(Utf8JsonWriter json, Budget budget, Compression fileCompression)
    {
        json.WriteStartObject();
        if (budget.Name is { } name)
        {
            json.WriteString("name", name);
        }

        if (budget.Types.Count == 1)
        {
            json.WriteString("type", budget.TypeName);
        }
        else if (budget.Types.Count > 1)
        {
            json.WriteStartArray("type");
            foreach (var type in budget.Types)
            {
                json.WriteStringValue(type.ToString().ToLowerInvariant());
            }

            json.WriteEndArray();
        }

        if (budget.Metric is { } metric)
        {
            json.WriteString("metric", Timings.BudgetMetrics.WireName(metric));
        }

        if (budget.Entry is { } entry)
        {
            json.WriteString("entry", entry);
        }

        if (budget.Path is { } path)
        {
            json.WriteString("path", path.Pattern);
        }

        WriteList(json, "excludePaths", budget.ExcludePaths.Select(p => p.Pattern));

        if (budget.Files is { } files)
        {
            json.WriteString("files", files.Pattern);
        }

        WriteList(json, "exclude", budget.Exclude.Select(g => g.Pattern));

        if (budget.Scope == BudgetScope.Each)
        {
            json.WriteString("scope", "each");
        }

        if (budget.Compression != fileCompression && !budget.IsTiming)
        {
            json.WriteString("compression", budget.Compression.ToString().ToLowerInvariant());
        }

        if (budget.MustMatch)
        {
            json.WriteBoolean("mustMatch", true);
        }

        if (budget.CountsRenderLoads)
        {
            json.WriteBoolean("renderLoads", true);
        }

        if (budget.CompressesEveryFile)
        {
            json.WriteBoolean("compressEveryFile", true);
        }

        WriteLimit(json, "maximumWarning", budget.MaximumWarning);
        WriteLimit(json, "maximumError", budget.MaximumError);
        WriteLimit(json, "minimumWarning", budget.MinimumWarning);
        WriteLimit(json, "minimumError", budget.MinimumError);
        if (budget.MaximumCountWarning is { } countWarning)
        {
            json.WriteNumber("maximumCountWarning", countWarning);
        }

        if (budget.MaximumCount is { } count)
        {
            json.WriteNumber("maximumCount", count);
        }

        json.WriteEndObject();
    }

    /// <summary>A list of patterns, when there is any.</summary>
    private static void WriteList(Utf8JsonWriter json, string key, IEnumerable<string> patterns)
    {
        var list = patterns.ToList();
        if (list.Count == 0)
        {
            return;
        }

        json.WriteStartArray(key);
        foreach (var pattern in list)
        {
            json.WriteStringValue(pattern);
        }

        json.WriteEndArray();
    }

    private static void WriteLimit(Utf8JsonWriter json, string key, Limit? limit)
    {
        if (limit is null)
        {
            return;
        }

        switch (limit.Unit)
        {
            case LimitUnit.Bytes:
                json.WriteNumber(key, limit.Value);
                break;
            case LimitUnit.Milliseconds:
                json.WriteString(key, string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{limit.Value}ms"));
                break;
            case LimitUnit.Shift:
                json.WriteNumber(key, limit.Value / 1000.0);
                break;
            default:
                json.WriteString(key, limit.Text);
                break;
        }
    }
}
