using BundleBudget.Core.Budgets;
using BundleBudget.Core.Json;
using BundleBudget.Core.Text;

namespace BundleBudget.Core.Peers;

/// <summary>
/// Reads the budgets other tools' configs already hold (Angular, Lighthouse CI, bundlewatch, bundlesize, size-limit), with the meaning they
/// have there: their globs from the config's folder, their units, compressions and scopes. A budget.json takes them with
/// <c>"extends"</c>, a check with <c>--from</c>, and <c>bundle-budget import</c> writes them out as a budget.json.
/// </summary>
internal static class PeerConfigs
{
    public const string Formats = "Angular (angular.json), Lighthouse CI (its budget.json: an array of budgets with resourceSizes, resourceCounts or timings), bundlewatch (bundlewatch.config.json, \"bundlewatch\" in package.json), bundlesize (bundlesize.config.json, \"bundlesize\" in package.json) and size-limit (.size-limit.json, .size-limit.js holding JSON, \"size-limit\" in package.json)";

    /// <summary>The largest config read.</summary>
    private const long MaxBytes = 4L * 1024 * 1024;

    /// <summary>
    /// The budgets of the config at <paramref name="path"/> (diagnostics in <paramref name="context"/>, which reads that
    /// file), with globs relative to <paramref name="outputFolder"/>; without one, the folder the config's paths share,
    /// returned so that the check looks there.
    /// </summary>
    public static (IReadOnlyList<Budget> Budgets, string? OutputFolder) Read(string path, string? outputFolder, ReadContext context)
    {
        try
        {
            return ReadBudgets(path, outputFolder, context);
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException)
        {
            // A path no file system takes (a NUL character, say) is the config's problem, said where it is.
            context.Error(PeerDiagnostics.NotRead, $"A path in {Path.GetFileName(path)} is not valid here: {e.Message}", 1, 1);
            return ([], outputFolder ?? Path.GetDirectoryName(Path.GetFullPath(context.Path))!);
        }
    }

    private static (IReadOnlyList<Budget> Budgets, string? OutputFolder) ReadBudgets(string path, string? outputFolder, ReadContext context)
    {
        var fullPath = Path.GetFullPath(path);
        var checks = ReadChecks(fullPath, context);
        var configFolder = Path.GetDirectoryName(fullPath)!;

        // A config whose every check is on the site served (Lighthouse's) names no folder: the check's own is used.
        var output = outputFolder ?? (checks.Count > 0 && checks.All(c => c.SiteRelative) ? null
            : PeerGlob.CommonFolder(configFolder, checks.Where(c => !c.SiteRelative).SelectMany(c => c.Patterns)));
        var budgets = new List<Budget>();
        foreach (var check in checks)
        {
            var budget = check.SiteRelative ? SiteBudget(check, context) : FolderBudget(check, configFolder, output!, context);
            if (budget is not null)
            {
                budgets.Add(budget with
                {
                    Path = check.UrlPath, ExcludePaths = check.ExcludeUrlPaths, Metric = check.Metric, MaximumCount = check.MaximumCount,
                    CountsRenderLoads = check.CountsRenderLoads, MinimumWarning = check.MinimumWarning, MinimumError = check.MinimumError,
                    CompressesEveryFile = check.CompressesEveryFile,
                });
            }
        }

        return (budgets, output);
    }

    /// <summary>A check whose globs are relative to the config's folder, rebased onto the output folder.</summary>
    private static Budget? FolderBudget(PeerCheck check, string configFolder, string output, ReadContext context)
    {
        var globs = check.Patterns.Select(p => (Pattern: p, Rebased: PeerGlob.Rebase(configFolder, p, output))).ToList();
        foreach (var (pattern, (_, problem)) in globs.Where(g => g.Rebased.Problem is not null))
        {
            context.Error(PeerDiagnostics.NotRead, $"{problem}: '{check.Name}' is not checked. Name the folder they are in as the output folder (\"outputPath\").", check.At);
        }

        if (globs.Any(g => g.Rebased.Problem is not null))
        {
            return null;
        }

        var files = globs.Count == 1 ? globs[0].Rebased.Glob : Union(globs.Select(g => g.Rebased.Glob!.Pattern), check, context);
        if (files is null)
        {
            return null;
        }

        // An excluded pattern outside the output folder excludes nothing of it.
        var exclude = check.Exclude.Select(p => PeerGlob.Rebase(configFolder, p, output).Glob).OfType<FileGlob>().ToList();
        var entry = check.Entry is null ? null : PeerGlob.Rebase(configFolder, check.Entry, output).Glob?.Pattern;
        return new Budget(check.Name, check.Types, files, check.Scope, check.Compression, check.Warning, check.Limit, context.At(check.At))
        {
            Entry = entry,
            UnmatchedIsUnknown = check.UnmatchedIsUnknown,
            MustMatch = check.MustMatch, Exclude = exclude, GlobsRelativeTo = output,
        };
    }

    /// <summary>A check on the site served, whichever folder is checked: its globs as they are.</summary>
    private static Budget? SiteBudget(PeerCheck check, ReadContext context)
    {
        FileGlob? Parse(string pattern) => FileGlob.TryParse(pattern, out var glob, out _) ? glob : null;
        var files = check.Patterns.Count == 0 ? null : Parse(check.Patterns.Single());
        if (check.Patterns.Count > 0 && files is null)
        {
            context.Error(PeerDiagnostics.NotRead, $"'{check.Name}' is not checked: its files cannot be read as a glob.", check.At);
            return null;
        }

        return new Budget(check.Name, check.Types, files, check.Scope, check.Compression, check.Warning, check.Limit, context.At(check.At))
        {
            Exclude = check.Exclude.Select(Parse).OfType<FileGlob>().ToList(),
        };
    }

    /// <summary>Whether a file is one of the configs this reads, by its name (package.json only when it holds one).</summary>
    public static bool IsPeerConfigName(string path)
    {
        var name = Path.GetFileName(path);
        return name.StartsWith(".size-limit", StringComparison.Ordinal)
            || name.Contains("bundlewatch", StringComparison.OrdinalIgnoreCase)
            || name.Contains("bundlesize", StringComparison.OrdinalIgnoreCase)
            || name is "package.json" or "angular.json";
    }

    private static List<PeerCheck> ReadChecks(string fullPath, ReadContext context)
    {
        if (Parse(fullPath, context) is not { } root)
        {
            return [];
        }

        var name = Path.GetFileName(fullPath);
        if (name == "package.json")
        {
            return FromPackageJson(root, context);
        }

        if (name == "angular.json")
        {
            return AngularConfig.Read(root, context);
        }

        if (root is JsonArrayNode lighthouse && !name.StartsWith(".size-limit", StringComparison.Ordinal) && LighthouseBudgetConfig.IsLighthouseBudgets(lighthouse))
        {
            return LighthouseBudgetConfig.Read(lighthouse, context);
        }

        if (name.StartsWith(".size-limit", StringComparison.Ordinal) || (root is JsonArrayNode && !name.Contains("bundlesize", StringComparison.OrdinalIgnoreCase)))
        {
            if (root is JsonArrayNode checks)
            {
                return SizeLimitConfig.Read(checks, context).ToList();
            }

            context.Error(PeerDiagnostics.NotRead, $"A size-limit config is an array of checks, found {root.KindName}.", root);
            return [];
        }

        var named = name.Contains("bundlesize", StringComparison.OrdinalIgnoreCase) || name.Contains("bundlewatch", StringComparison.OrdinalIgnoreCase);
        if (!named && !(root is JsonObjectNode { Properties: var properties } && properties.Any(p => p.Name == "files")))
        {
            return Unknown(root, context);
        }

        var tool = name.Contains("bundlesize", StringComparison.OrdinalIgnoreCase) ? "bundlesize" : "bundlewatch";
        return root switch
        {
            JsonObjectNode config => BundlewatchConfig.ReadObject(config, tool, context).ToList(),
            JsonArrayNode files => BundlewatchConfig.ReadFiles(files, Compression.Gzip, tool, context).ToList(),
            _ => Unknown(root, context),
        };
    }

    private static List<PeerCheck> FromPackageJson(JsonNode root, ReadContext context)
    {
        var checks = new List<PeerCheck>();
        var found = false;
        foreach (var property in root is JsonObjectNode package ? package.Properties : [])
        {
            switch (property.Name, property.Value)
            {
                case ("size-limit", JsonArrayNode sizeLimit):
                    found = true;
                    checks.AddRange(SizeLimitConfig.Read(sizeLimit, context));
                    break;
                case ("bundlewatch", JsonObjectNode bundlewatch):
                    found = true;
                    checks.AddRange(BundlewatchConfig.ReadObject(bundlewatch, "bundlewatch", context));
                    break;
                case ("bundlesize", JsonArrayNode bundlesize):
                    found = true;
                    checks.AddRange(BundlewatchConfig.ReadFiles(bundlesize, Compression.Gzip, "bundlesize", context));
                    break;
            }
        }

        if (!found)
        {
            context.Error(PeerDiagnostics.NotRead, "package.json holds no budgets: no \"size-limit\" array, \"bundlewatch\" object or \"bundlesize\" array.", root);
        }

        return checks;
    }

    private static List<PeerCheck> Unknown(JsonNode root, ReadContext context)
    {
        context.Error(PeerDiagnostics.NotRead, $"This is no budget config BundleBudget reads. It reads {Formats}.", root);
        return [];
    }

    /// <summary>Several globs of one check (size-limit's path list) as one: {a,b}.</summary>
    private static FileGlob? Union(IEnumerable<string> patterns, PeerCheck check, ReadContext context)
    {
        var union = "{" + string.Join(',', patterns) + "}";
        if (FileGlob.TryParse(union, out var glob, out var error))
        {
            return glob;
        }

        context.Error(PeerDiagnostics.NotRead, $"The paths of '{check.Name}' cannot be read as one glob ({error}): it is not checked.", check.At);
        return null;
    }

    /// <summary>The config's JSON: a .js file only when it holds JSON after module.exports = or export default.</summary>
    private static JsonNode? Parse(string fullPath, ReadContext context)
    {
        byte[] bytes;
        try
        {
            var length = IO.FileLength.Of(fullPath);
            if (length < 0)
            {
                context.Error(PeerDiagnostics.NotRead, $"{fullPath} not found.", 0, 0);
                return null;
            }

            if (length > MaxBytes)
            {
                context.Error(PeerDiagnostics.NotRead, $"{fullPath} is {ByteSize.Format(length)}, larger than any budget config ({ByteSize.Format(MaxBytes)} at most).", 0, 0);
                return null;
            }

            bytes = length == 0 ? [] : File.ReadAllBytes(fullPath);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            context.Error(PeerDiagnostics.NotRead, $"{fullPath} cannot be read: {e.Message}", 0, 0);
            return null;
        }

        var (utf8, problem) = TextEncodings.ToUtf8(bytes);
        if (problem is not null)
        {
            context.Error(PeerDiagnostics.NotRead, problem.Value.Message, problem.Value.Line, problem.Value.Column);
            return null;
        }

        var isScript = fullPath.EndsWith(".js", StringComparison.OrdinalIgnoreCase) || fullPath.EndsWith(".cjs", StringComparison.OrdinalIgnoreCase) || fullPath.EndsWith(".mjs", StringComparison.OrdinalIgnoreCase);
        if (isScript)
        {
            utf8 = JsonOfScript(utf8);
        }

        try
        {
            return PositionedJsonParser.Parse(utf8);
        }
        catch (JsonSyntaxException e)
        {
            var what = isScript ? "only a config that is JSON after \"module.exports =\" or \"export default\" is read from a script (it is never run)" : "it is not valid JSON";
            context.Error(PeerDiagnostics.NotRead, $"{Path.GetFileName(fullPath)} cannot be read: {what}: {e.Message}.", e.Line, e.Column);
            return null;
        }
    }

    /// <summary>A script's text with its "module.exports =" or "export default" and a final ";" blanked out, lines and columns kept.</summary>
    private static byte[] JsonOfScript(byte[] utf8)
    {
        var text = System.Text.Encoding.UTF8.GetString(utf8);
        foreach (var prefix in new[] { "module.exports", "export default" })
        {
            var at = text.IndexOf(prefix, StringComparison.Ordinal);
            if (at < 0)
            {
                continue;
            }

            var end = at + prefix.Length;
            if (prefix == "module.exports")
            {
                var equals = text.IndexOf('=', end);
                end = equals < 0 ? end : equals + 1;
            }

            // Everything before the value (comments, "use strict") becomes spaces: positions stay those of the file.
            text = string.Concat(System.Text.RegularExpressions.Regex.Replace(text[..end], "[^\r\n]", " "), text[end..]);
            break;
        }

        var last = text.TrimEnd().Length - 1;
        if (last >= 0 && text[last] == ';')
        {
            text = string.Concat(text.AsSpan(0, last), " ", text.AsSpan(last + 1));
        }

        return System.Text.Encoding.UTF8.GetBytes(text);
    }
}
