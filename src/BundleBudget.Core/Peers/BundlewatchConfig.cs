using System.Globalization;
using BundleBudget.Core.Budgets;
using BundleBudget.Core.Diagnostics;
using BundleBudget.Core.Json;

namespace BundleBudget.Core.Peers;

/// <summary>
/// bundlewatch's config (<c>bundlewatch.config.json</c>, <c>"bundlewatch"</c> in package.json) and bundlesize's
/// (<c>bundlesize.config.json</c>, <c>"bundlesize"</c> in package.json): each file a <c>path</c> glob matches is
/// limited on its own to <c>maxSize</c> (the <c>bytes</c> package's kB, 1024 bytes) in its <c>compression</c>, and a
/// path that matches nothing fails, as in those tools.
/// </summary>
internal static class BundlewatchConfig
{
    private static readonly string[] Keys = ["files", "defaultCompression", "normalizeFilenames", "ci", "bundlewatchServiceHost"];
    private static readonly string[] FileKeys = ["path", "maxSize", "compression"];

    /// <summary>bundlewatch's object: <c>files</c> and its settings.</summary>
    public static IEnumerable<PeerCheck> ReadObject(JsonObjectNode config, string tool, ReadContext context)
    {
        JsonArrayNode? files = null;
        var compression = Compression.Gzip;
        foreach (var property in context.UniqueProperties(config, StringComparer.Ordinal))
        {
            switch (property.Name)
            {
                case "files" when property.Value is JsonArrayNode array:
                    files = array;
                    break;
                case "defaultCompression":
                    compression = ReadCompression(property, context) ?? compression;
                    break;
                case "normalizeFilenames":
                    context.Warning(PeerDiagnostics.OptionNotImported, $"{tool}'s \"normalizeFilenames\" pairs files with the base branch's: pass it to bundle-budget compare --normalize-filenames (MSBuild: BundleBudgetNormalizeFilenames); a check does not use it.", property);
                    break;
                case "ci" or "bundlewatchServiceHost":
                    break; // Where bundlewatch posts its results: nothing to check.
                default:
                    context.Warning(PeerDiagnostics.OptionNotImported, $"\"{property.Name}\" is not an option of {tool}'s that BundleBudget knows ({string.Join(", ", Keys)}): it is left out.", property);
                    break;
            }
        }

        if (files is null)
        {
            context.Error(PeerDiagnostics.NotRead, $"The {tool} config has no \"files\" array: there is nothing to check.", config);
            return [];
        }

        return ReadFiles(files, compression, tool, context);
    }

    /// <summary>
    /// bundlesize's array of files in package.json, or bundlewatch's <c>files</c>. bundlewatch keeps one result per
    /// file, the last entry's: a file a later entry matches too is left out of the earlier ones.
    /// </summary>
    public static IEnumerable<PeerCheck> ReadFiles(JsonArrayNode files, Compression defaultCompression, string tool, ReadContext context)
    {
        var checks = ReadEach(files, defaultCompression, tool, context).ToList();
        return tool != "bundlewatch" ? checks
            : checks.Select((check, i) => check with { Exclude = checks.Skip(i + 1).SelectMany(later => later.Patterns).ToList() });
    }

    private static IEnumerable<PeerCheck> ReadEach(JsonArrayNode files, Compression defaultCompression, string tool, ReadContext context)
    {
        foreach (var item in files.Items)
        {
            if (item is not JsonObjectNode file)
            {
                context.Error(PeerDiagnostics.NotRead, $"Each of {tool}'s files must be an object with \"path\" and \"maxSize\", found {item.KindName}.", item);
                continue;
            }

            string? path = null;
            long? maxSize = null;
            string? written = null;
            var compression = defaultCompression;
            foreach (var property in context.UniqueProperties(file, StringComparer.Ordinal))
            {
                switch (property.Name)
                {
                    case "path":
                        path = context.RequireString(property);
                        break;
                    case "maxSize" when property.Value is JsonStringNode text:
                        written = text.Value;
                        maxSize = PeerSizes.Binary(text.Value);
                        if (maxSize is null)
                        {
                            context.Error(PeerDiagnostics.NotRead, $"\"maxSize\": \"{text.Value}\" is no size {tool} reads (such as \"100kB\", 1024 bytes a kB).", property.Value);
                        }

                        break;
                    case "maxSize" when property.Value is JsonNumberNode { Value: { } number } && number >= 0 && decimal.Truncate(number) == number:
                        written = number.ToString(CultureInfo.InvariantCulture);
                        maxSize = (long)number;
                        context.Warning(PeerDiagnostics.OptionNotImported, $"\"maxSize\": {written} is a number: {tool} compares it as text and never fails it; BundleBudget reads it as {written} bytes. Write \"{written}B\" to mean the same in both.", property.Value);
                        break;
                    case "maxSize":
                        context.Error(PeerDiagnostics.NotRead, $"\"maxSize\" must be a size such as \"100kB\", found {property.Value.KindName}.", property.Value);
                        break;
                    case "compression":
                        compression = ReadCompression(property, context) ?? compression;
                        break;
                    default:
                        context.Warning(PeerDiagnostics.OptionNotImported, $"\"{property.Name}\" is not an option of a {tool} file ({string.Join(", ", FileKeys)}): it is left out.", property);
                        break;
                }
            }

            if (path is null)
            {
                context.Error(PeerDiagnostics.NotRead, $"A {tool} file needs \"path\", a glob of the files it limits.", file);
                continue;
            }

            if (maxSize is null)
            {
                if (written is null)
                {
                    context.Warning(PeerDiagnostics.OptionNotImported, $"\"{path}\" has no \"maxSize\": {tool} reports its size and never fails it, so it is not a budget here.", file);
                }

                continue;
            }

            var limit = new Limit(maxSize.Value, LimitUnit.Bytes, $"{written} ({maxSize.Value.ToString("N0", CultureInfo.InvariantCulture)} B; {tool}'s kB is 1024 B)");
            yield return new PeerCheck($"{tool}: {path}", [path], limit, compression, BudgetScope.Each, file) { MustMatch = true };
        }
    }

    private static Compression? ReadCompression(JsonProperty property, ReadContext context)
    {
        switch ((property.Value as JsonStringNode)?.Value)
        {
            case "gzip":
                return Compression.Gzip;
            case "brotli":
                return Compression.Brotli;
            case "none":
                return Compression.Raw;
            default:
                context.Error(PeerDiagnostics.NotRead, $"\"{property.Name}\" must be \"gzip\", \"brotli\" or \"none\".", property.Value);
                return null;
        }
    }
}
