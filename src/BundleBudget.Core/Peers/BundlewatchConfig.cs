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
        if (tool != "bundlewatch")
        {
            return checks.Where(c => c.Limit is not null);
        }

        // bundlewatch keys a result by the path its glob gives, which starts as the pattern is written: a later entry
        // takes a file over only from an earlier one whose pattern is written from the same folder.
        return checks.Select((check, i) =>
        {
            var later = checks.Skip(i + 1).SelectMany(c => c.Patterns).Where(p => Start(p) == Start(check.Patterns[0])).ToList();
            return check with { Exclude = later };
        });
    }

    /// <summary>How a pattern starts, which the paths its glob gives keep: "./", "../../", "/" or nothing.</summary>
    private static string Start(string pattern) =>
        (pattern.StartsWith('/') ? "/" : string.Empty) + string.Join('/', pattern.TrimStart('/').Split('/').TakeWhile(segment => segment is "." or ".."));

    /// <summary>
    /// The <c>bytes</c> package as bundlewatch calls it: a size with a unit, else <c>parseInt</c> of the text (leading
    /// spaces skipped, the digits up to anything else), and 0 or nothing is no limit.
    /// </summary>
    private static long? MaxSize(string text)
    {
        if (PeerSizes.Binary(text) is { } parsed && text == text.Trim())
        {
            return parsed == 0 ? null : parsed;
        }

        var digits = new string(text.TrimStart().TakeWhile(char.IsAsciiDigit).ToArray());
        return digits.Length > 0 && long.TryParse(digits, System.Globalization.NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0 ? value : null;
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
                        maxSize = MaxSize(text.Value);
                        if (maxSize is null)
                        {
                            context.Warning(PeerDiagnostics.OptionNotImported, $"\"maxSize\": \"{text.Value}\" is no size {tool} reads, so it never fails on size there (no limit); write one such as \"100kB\" (1024 bytes a kB).", property.Value);
                        }
                        else if (PeerSizes.Binary(text.Value) is null || text.Value != text.Value.Trim())
                        {
                            context.Warning(PeerDiagnostics.OptionNotImported, $"\"maxSize\": \"{text.Value}\" is read as {maxSize} bytes, as {tool} reads it (the digits it starts with); write \"{maxSize}B\" or a size such as \"100kB\".", property.Value);
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

            // Without a size limit the entry still fails on a path with no file, and (bundlewatch) takes its files over.
            var limit = maxSize is { } bytes ? new Limit(bytes, LimitUnit.Bytes, $"{written} ({bytes.ToString("N0", CultureInfo.InvariantCulture)} B; {tool}'s kB is 1024 B)") : null;
            if (limit is null && written is null)
            {
                context.Warning(PeerDiagnostics.OptionNotImported, $"\"{path}\" has no \"maxSize\": {tool} never fails its files on size, only when the path matches no file; so it is checked here.", file);
            }

            // bundlewatch compresses every file's bytes; bundlesize decodes a binary file as UTF-8 first, a size no server sends (README).
            yield return new PeerCheck($"{tool}: {path}", [path], limit, compression, BudgetScope.Each, file) { MustMatch = true, CompressesEveryFile = tool == "bundlewatch" && compression != Compression.Raw };
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
