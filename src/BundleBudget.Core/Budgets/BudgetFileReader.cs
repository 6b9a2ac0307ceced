using BundleBudget.Core.Analyses;
using BundleBudget.Core.Diagnostics;
using BundleBudget.Core.Fonts;
using BundleBudget.Core.Images;
using BundleBudget.Core.Imports;
using BundleBudget.Core.Json;
using BundleBudget.Core.Pages;
using BundleBudget.Core.Text;

namespace BundleBudget.Core.Budgets;

/// <summary>The outcome of reading budget.json: the budgets that are valid, and a diagnostic for each problem.</summary>
/// <param name="File">Null when the file could not be read or parsed at all.</param>
public sealed record BudgetFileReadResult(BudgetFile? File, IReadOnlyList<Diagnostic> Diagnostics)
{
    public bool HasErrors => Diagnostics.Any(d => d.Severity == Severity.Error);
}

/// <summary>
/// Reads budget.json (schema version 1), in its full form (<c>budgets</c>) and its simple form (<c>budget</c>).
/// Every problem becomes a BB9xxx diagnostic naming the file, line and column; a bad budget never hides the good ones.
/// </summary>
public static class BudgetFileReader
{
    public const int SchemaVersion = 1;

    private static readonly string[] TopLevelKeys = ["$schema", "schemaVersion", "outputPath", "staticWebAssets", "siteRoot", "compression", "strict", "entries", "budgets", "budget", "extends", .. AnalysisRegistry.Sections.Select(s => s.Key)];
    private static readonly string[] EntryKeys = ["path", "siteRoot"];
    private static readonly string[] BudgetKeys = ["name", "type", "files", "scope", "entry", "network", "loaded", "compression", "maximumWarning", "maximumError", "maximumCountWarning", "maximumCount", "maximumGrowth", "exclude", "mustMatch", "path", "excludePaths", "renderLoads", "minimumWarning", "minimumError", "compressEveryFile"];

    /// <summary>The largest budget.json read: 20,000 budgets take about 2 MB.</summary>
    public const long MaxFileBytes = 16L * 1024 * 1024;

    public static BudgetFileReadResult Read(string path)
    {
        var fullPath = System.IO.Path.GetFullPath(path);
        byte[] bytes;
        try
        {
            var length = IO.FileLength.Of(fullPath);
            if (length < 0)
            {
                throw new FileNotFoundException($"{fullPath} not found", fullPath);
            }

            if (length > MaxFileBytes)
            {
                return new BudgetFileReadResult(null, [Diagnostic.Error(DiagnosticCodes.BudgetFileNotFound, $"Budget file is {ByteSize.Format(length)}, larger than any budget file ({ByteSize.Format(MaxFileBytes)} at most): is it the right file?", fullPath)]);
            }

            // An empty file, or a FIFO or device (which report no length and could block), is never opened.
            bytes = length == 0 ? [] : File.ReadAllBytes(fullPath);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            var message = e is FileNotFoundException or DirectoryNotFoundException
                ? $"Budget file not found: {fullPath}."
                : $"Budget file cannot be read: {e.Message}";
            return new BudgetFileReadResult(null, [Diagnostic.Error(DiagnosticCodes.BudgetFileNotFound, message, fullPath)]);
        }

        return Parse(fullPath, bytes);
    }

    /// <summary>Reads budget.json from its bytes: UTF-8 (with or without a byte-order mark) or UTF-16 (little or big endian).</summary>
    public static BudgetFileReadResult Parse(string fullPath, ReadOnlySpan<byte> bytes)
    {
        var context = new ReadContext(fullPath);
        var (utf8, problem) = TextEncodings.ToUtf8(bytes);
        if (problem is not null)
        {
            context.Error(DiagnosticCodes.UnsupportedEncoding, $"{problem.Value.Message} Save budget.json as UTF-8.", problem.Value.Line, problem.Value.Column);
            return new BudgetFileReadResult(null, context.Diagnostics);
        }

        JsonNode root;
        try
        {
            root = PositionedJsonParser.Parse(utf8);
        }
        catch (JsonSyntaxException e)
        {
            context.Error(DiagnosticCodes.InvalidJson, $"budget.json is not valid JSON: {e.Message}.", e.Line, e.Column);
            return new BudgetFileReadResult(null, context.Diagnostics);
        }

        if (root is JsonArrayNode lighthouse && Peers.LighthouseBudgetConfig.IsLighthouseBudgets(lighthouse))
        {
            context.Error(DiagnosticCodes.InvalidValue, $"This is Lighthouse's budget.json (an array of budgets with resourceSizes, resourceCounts or timings), not BundleBudget's: check it with --from {System.IO.Path.GetFileName(fullPath)}, name it in a budget.json's \"extends\", or convert it with bundle-budget import {System.IO.Path.GetFileName(fullPath)} -o bundle-budget.json.", root);
            return new BudgetFileReadResult(null, context.Diagnostics);
        }

        if (root is not JsonObjectNode document)
        {
            context.Error(DiagnosticCodes.InvalidValue, $"budget.json must hold an object with \"budgets\", found {root.KindName}.", root);
            return new BudgetFileReadResult(null, context.Diagnostics);
        }

        string? outputPath = null;
        var compression = Compression.Gzip;
        JsonProperty? budgetsProperty = null;
        JsonProperty? simpleProperty = null;
        JsonProperty? extendsProperty = null;
        IReadOnlyList<EntrySpec>? entries = null;
        string? siteRoot = null;
        string? staticWebAssets = null;
        var strict = false;
        var sections = new Dictionary<string, object>(StringComparer.Ordinal);
        foreach (var property in context.UniqueProperties(document, StringComparer.Ordinal))
        {
            switch (property.Name)
            {
                case "$schema":
                    break;
                case "schemaVersion":
                    if (property.Value is not JsonNumberNode { Value: SchemaVersion })
                    {
                        context.Error(DiagnosticCodes.UnsupportedSchemaVersion, $"schemaVersion must be {SchemaVersion}; this version of BundleBudget reads schema version {SchemaVersion} only.", property.Value);
                    }

                    break;
                case "outputPath":
                    outputPath = ReadOutputPath(property, fullPath, context) ?? outputPath;
                    break;
                case "staticWebAssets":
                    staticWebAssets = ReadOutputPath(property, fullPath, context) ?? staticWebAssets;
                    break;
                case "compression":
                    compression = context.ReadCompression(property) ?? compression;
                    break;
                case "siteRoot":
                    siteRoot = ReadRelativeFolder(property.Value, "siteRoot", context) ?? siteRoot;
                    break;
                case "strict":
                    strict = context.ReadBoolean(property) ?? strict;
                    break;
                case "budgets":
                    budgetsProperty = property;
                    break;
                case "budget":
                    simpleProperty = property;
                    break;
                case "extends":
                    extendsProperty = property;
                    break;
                case "entries":
                    entries = ReadEntries(property, context);
                    break;
                default:
                    if (AnalysisRegistry.Sections.FirstOrDefault(s => s.Key == property.Name) is { } section)
                    {
                        sections[section.Key] = section.ReadValue(property, context);
                    }
                    else
                    {
                        context.UnknownKey(property, TopLevelKeys, "at the top level of budget.json");
                    }

                    break;
            }
        }

        var budgets = new List<Budget>();
        if (budgetsProperty is not null)
        {
            if (budgetsProperty.Value is JsonArrayNode array)
            {
                foreach (var item in array.Items)
                {
                    if (ReadBudget(item, compression, context) is { } budget)
                    {
                        budgets.Add(budget);
                    }
                }
            }
            else
            {
                context.Error(DiagnosticCodes.InvalidValue, $"\"budgets\" must be an array of budgets, found {budgetsProperty.Value.KindName}.", budgetsProperty.Value);
            }
        }

        if (simpleProperty is not null)
        {
            budgets.AddRange(SimpleBudgetForm.Read(simpleProperty, compression, context));
        }

        var extended = new List<string>();
        if (extendsProperty is not null)
        {
            outputPath = Extend(extendsProperty, fullPath, outputPath, budgets, extended, context);
        }

        // A file that only configures the import rules asks for a check too; image or font settings alone do not.
        if (budgets.Count == 0 && !AnalysisRegistry.Sections.Any(s => s.IsACheckAlone && sections.ContainsKey(s.Key)) && !context.Diagnostics.Any(d => d.Severity == Severity.Error))
        {
            context.Error(DiagnosticCodes.IncompleteBudget, "budget.json defines no budget: add one to \"budgets\", such as { \"type\": \"script\", \"maximumError\": \"500KB\" } (or use the simple form \"budget\").", document);
        }

        return new BudgetFileReadResult(new BudgetFile(fullPath, outputPath, compression, budgets) { Entries = entries, SiteRoot = siteRoot, StaticWebAssets = staticWebAssets, Strict = strict, Sections = sections, Extends = extended }, context.Diagnostics);
    }

    /// <summary>
    /// Reads another tool's budget config as a budget file of its own (<c>--from</c>): its budgets with their meaning
    /// there, its output folder the one its paths share.
    /// </summary>
    public static BudgetFileReadResult ReadFrom(string path)
    {
        var fullPath = System.IO.Path.GetFullPath(path);
        var context = new ReadContext(fullPath);
        var (budgets, output) = Peers.PeerConfigs.Read(fullPath, null, context);
        if (budgets.Count == 0 && !context.Diagnostics.Any(d => d.Severity == Severity.Error))
        {
            context.Error(Peers.PeerDiagnostics.NotRead, $"{System.IO.Path.GetFileName(fullPath)} holds no limit BundleBudget can check.", 1, 1);
        }

        return new BudgetFileReadResult(budgets.Count == 0 ? null : new BudgetFile(fullPath, output, Compression.Gzip, budgets), context.Diagnostics);
    }

    /// <summary>
    /// "extends": another tool's config (or a list of them), relative to budget.json: its budgets join these, with its
    /// paths relative to the output folder; without an outputPath, the folder its paths share is checked.
    /// </summary>
    private static string? Extend(JsonProperty property, string budgetPath, string? outputPath, List<Budget> budgets, List<string> extended, ReadContext context)
    {
        IEnumerable<JsonNode> values = property.Value is JsonArrayNode array ? array.Items : [property.Value];
        foreach (var value in values)
        {
            if (value is not JsonStringNode { Value: var name } || name.Length == 0)
            {
                context.Error(DiagnosticCodes.InvalidValue, $"\"extends\" names another tool's budget config, or a list of them, relative to budget.json, such as \"bundlewatch.config.json\" or \".size-limit.json\"; found {value.KindName}.", value);
                continue;
            }

            string peerPath;
            try
            {
                peerPath = System.IO.Path.GetFullPath(System.IO.Path.Combine(System.IO.Path.GetDirectoryName(budgetPath)!, name));
            }
            catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException)
            {
                context.Error(Peers.PeerDiagnostics.NotRead, $"\"extends\": \"{name}\" is not a valid path: {e.Message}", value);
                continue;
            }

            if (!File.Exists(peerPath))
            {
                context.Error(Peers.PeerDiagnostics.NotRead, $"\"extends\": {peerPath} not found.", value);
                continue;
            }

            extended.Add(peerPath);
            var peer = new ReadContext(peerPath);
            var (read, output) = Peers.PeerConfigs.Read(peerPath, outputPath, peer);
            context.Add(peer.Diagnostics);
            budgets.AddRange(read);
            outputPath ??= output;
        }

        return outputPath;
    }

    private static string? ReadOutputPath(JsonProperty property, string budgetPath, ReadContext context)
    {
        var text = context.RequireString(property);
        if (text is null)
        {
            return null;
        }

        try
        {
            return System.IO.Path.GetFullPath(System.IO.Path.Combine(System.IO.Path.GetDirectoryName(budgetPath)!, text));
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException)
        {
            context.Error(DiagnosticCodes.InvalidValue, $"\"{property.Name}\" is not a valid path: {e.Message}", property.Value);
            return null;
        }
    }

    private static NetworkProfile? ReadNetwork(JsonProperty property, ReadContext context)
    {
        var text = context.RequireString(property);
        if (text is null)
        {
            return null;
        }

        var network = NetworkProfile.Find(text);
        if (network is null)
        {
            context.Error(DiagnosticCodes.InvalidValue, $"Unknown network \"{text}\": use {string.Join(", ", NetworkProfile.Presets.Select(p => $"\"{p.Name}\" ({p.Description})"))}.", property.Value);
        }

        return network;
    }

    private static double? ReadDuration(JsonProperty property, ReadContext context)
    {
        if (property.Value is JsonStringNode text && Duration.TryParseMilliseconds(text.Value, out var milliseconds))
        {
            return milliseconds;
        }

        context.Error(DiagnosticCodes.InvalidSize, $"\"{property.Name}\" of a budget on a network is a load time such as \"3s\" or \"2500ms\".", property.Value);
        return null;
    }

    private static IReadOnlyList<EntrySpec>? ReadEntries(JsonProperty property, ReadContext context)
    {
        const string Expected = "\"entries\" must be an array of HTML files relative to the output folder, such as [\"index.html\"] or [{ \"path\": \"browser/index.html\", \"siteRoot\": \"browser\" }]";
        if (property.Value is not JsonArrayNode array)
        {
            context.Error(DiagnosticCodes.InvalidValue, Expected + ".", property.Value);
            return null;
        }

        var entries = new List<EntrySpec>();
        foreach (var item in array.Items)
        {
            switch (item)
            {
                case JsonStringNode path:
                    entries.Add(new EntrySpec(NormalizeRelative(path.Value)));
                    break;
                case JsonObjectNode entry when ReadEntry(entry, context) is { } spec:
                    entries.Add(spec);
                    break;
                case JsonObjectNode:
                    break;
                default:
                    context.Error(DiagnosticCodes.InvalidValue, $"{Expected}, found {item.KindName}.", item);
                    break;
            }
        }

        return entries;
    }

    private static EntrySpec? ReadEntry(JsonObjectNode entry, ReadContext context)
    {
        string? path = null, siteRoot = null;
        foreach (var property in context.UniqueProperties(entry, StringComparer.Ordinal))
        {
            switch (property.Name)
            {
                case "path":
                    path = context.RequireString(property) is { } text ? NormalizeRelative(text) : null;
                    break;
                case "siteRoot":
                    siteRoot = ReadRelativeFolder(property.Value, "siteRoot", context);
                    break;
                default:
                    context.UnknownKey(property, EntryKeys, "in an entry");
                    break;
            }
        }

        if (path is null)
        {
            context.Error(DiagnosticCodes.IncompleteBudget, "An entry object needs \"path\": the HTML page, relative to the output folder.", entry);
            return null;
        }

        return new EntrySpec(path, siteRoot);
    }

    /// <summary>A folder relative to the output folder, '/'-separated, without leading or trailing '/'; "" for the output folder itself.</summary>
    private static string? ReadRelativeFolder(JsonNode value, string name, ReadContext context)
    {
        if (value is not JsonStringNode text)
        {
            context.Error(DiagnosticCodes.InvalidValue, $"\"{name}\" must be a folder relative to the output folder, such as \"browser\", found {value.KindName}.", value);
            return null;
        }

        var segments = new List<string>();
        var leaves = false;
        foreach (var segment in NormalizeRelative(text.Value).Split('/', StringSplitOptions.RemoveEmptyEntries).Where(s => s != "."))
        {
            if (segment != "..")
            {
                segments.Add(segment);
            }
            else if (segments.Count > 0)
            {
                segments.RemoveAt(segments.Count - 1);
            }
            else
            {
                leaves = true;
            }
        }

        if (leaves)
        {
            context.Error(DiagnosticCodes.InvalidValue, $"\"{name}\": \"{text.Value}\" leaves the output folder; it must be the output folder itself (\".\") or a folder inside it.", value);
            return null;
        }

        return string.Join('/', segments);
    }

    private static string NormalizeRelative(string path) => path.Replace('\\', '/').TrimStart('/');

    private static Budget? ReadBudget(JsonNode node, Compression defaultCompression, ReadContext context)
    {
        if (node is not JsonObjectNode budget)
        {
            context.Error(DiagnosticCodes.InvalidValue, $"Each budget must be an object such as {{ \"type\": \"script\", \"maximumError\": \"500KB\" }}, found {node.KindName}.", node);
            return null;
        }

        if (Timings.TimingBudgetReader.IsTiming(budget))
        {
            return Timings.TimingBudgetReader.Read(budget, context);
        }


        var valid = true;
        string? name = null;
        string? entry = null;
        bool? loaded = null;
        JsonProperty? scopeProperty = null, networkProperty = null, warningProperty = null, errorProperty = null;
        var types = new List<BudgetType>();
        FileGlob? files = null;
        var scope = BudgetScope.Total;
        var compression = defaultCompression;
        ByteSize? warning = null;
        ByteSize? error = null;
        int? countWarning = null, countError = null;
        JsonProperty? countProperty = null, growthProperty = null;
        IReadOnlyList<FileGlob>? exclude = null;
        bool? mustMatch = null;
        UrlPathPattern? urlPath = null;
        IReadOnlyList<UrlPathPattern>? excludePaths = null;
        bool? renderLoads = null, compressEveryFile = null;
        ByteSize? minimumWarning = null, minimumError = null;
        foreach (var property in context.UniqueProperties(budget, StringComparer.Ordinal))
        {
            switch (property.Name)
            {
                case "name":
                    name = context.RequireString(property);
                    break;
                case "type":
                    valid &= ReadTypes(property, types, context);
                    break;
                case "files":
                    files = context.ReadGlob(property);
                    valid &= files is not null;
                    break;
                case "entry":
                    entry = context.RequireString(property)?.Replace('\\', '/').TrimStart('/');
                    valid &= entry is not null;
                    break;
                case "scope":
                    scopeProperty = property;
                    var scopeText = context.RequireString(property);
                    if (scopeText is "total")
                    {
                        scope = BudgetScope.Total;
                    }
                    else if (scopeText is "each")
                    {
                        scope = BudgetScope.Each;
                    }
                    else
                    {
                        valid = false;
                        if (scopeText is not null)
                        {
                            context.Error(DiagnosticCodes.InvalidValue, $"Unknown scope \"{scopeText}\": use \"total\" (the sum of the matching files) or \"each\" (every file on its own).", property.Value);
                        }
                    }

                    break;
                case "compression":
                    var read = context.ReadCompression(property);
                    valid &= read is not null;
                    compression = read ?? compression;
                    break;
                case "network":
                    networkProperty = property;
                    break;
                case "loaded":
                    loaded = context.ReadBoolean(property);
                    valid &= loaded is not null;
                    break;
                case "maximumWarning":
                    warningProperty = property;
                    break;
                case "maximumError":
                    errorProperty = property;
                    break;
                case "minimumWarning" or "minimumError":
                    var floor = context.ReadSize(property);
                    valid &= floor is not null;
                    if (property.Name == "minimumWarning")
                    {
                        minimumWarning = floor;
                    }
                    else
                    {
                        minimumError = floor;
                    }

                    break;
                case "maximumCountWarning":
                    countProperty ??= property;
                    countWarning = context.ReadCount(property);
                    valid &= countWarning is not null;
                    break;
                case "maximumCount":
                    countProperty ??= property;
                    countError = context.ReadCount(property);
                    valid &= countError is not null;
                    break;
                case "maximumGrowth":
                    growthProperty = property;
                    break;
                case "exclude":
                    exclude = context.ReadGlobs(property);
                    valid &= exclude is not null;
                    break;
                case "mustMatch":
                    mustMatch = context.ReadBoolean(property);
                    valid &= mustMatch is not null;
                    break;
                case "path" or "excludePaths":
                    valid &= context.ReadPagePaths(property, ref urlPath, ref excludePaths);
                    break;
                case "renderLoads":
                    renderLoads = context.ReadBoolean(property);
                    valid &= renderLoads is not null;
                    break;
                case "compressEveryFile":
                    compressEveryFile = context.ReadBoolean(property);
                    valid &= compressEveryFile is not null;
                    break;
                default:
                    context.UnknownKey(property, BudgetKeys, "in a budget");
                    valid = false;
                    break;
            }
        }

        // An initial budget on a network limits load time: its limits are durations, not sizes.
        var network = networkProperty is null ? null : ReadNetwork(networkProperty, context);
        valid &= networkProperty is null || network is not null;
        double? warningTime = null, errorTime = null;
        if (network is not null)
        {
            warningTime = warningProperty is null ? null : ReadDuration(warningProperty, context);
            errorTime = errorProperty is null ? null : ReadDuration(errorProperty, context);
            valid &= (warningProperty is null || warningTime is not null) && (errorProperty is null || errorTime is not null);
        }
        else
        {
            warning = warningProperty is null ? null : context.ReadSize(warningProperty);
            error = errorProperty is null ? null : context.ReadSize(errorProperty);
            valid &= (warningProperty is null || warning is not null) && (errorProperty is null || error is not null);
        }

        if (network is not null && !types.SequenceEqual([BudgetType.Initial]) && valid)
        {
            context.Error(DiagnosticCodes.InvalidValue, "\"network\" applies to \"type\": \"initial\" budgets only: it turns their limits into load times.", budget);
            valid = false;
        }

        if (types.Count == 0 && files is null && valid)
        {
            context.Error(DiagnosticCodes.IncompleteBudget, "This budget says neither \"type\" nor \"files\": add \"type\": \"script\" (or stylesheet, image, font, document, media, other, total, initial), or a \"files\" glob.", budget);
            valid = false;
        }

        if (valid && types.Contains(BudgetType.Initial) && (types.Count > 1 || scopeProperty is not null))
        {
            context.Error(DiagnosticCodes.InvalidValue, "An \"initial\" budget limits what an entry page loads first: give it an \"entry\" (an HTML file) or none for every page, and \"files\" to count only some of what it loads, but no other type or \"scope\".", budget);
            valid = false;
        }

        if (valid && mustMatch is not null && types.Contains(BudgetType.Initial))
        {
            context.Error(DiagnosticCodes.InvalidValue, "\"mustMatch\" applies to budgets on files (a type or \"files\"): an \"initial\" budget counts what its pages load.", budget);
            valid = false;
        }

        if (valid && loaded is not null && types.Contains(BudgetType.Initial))
        {
            context.Error(DiagnosticCodes.InvalidValue, "\"loaded\" applies to budgets on files (a type or \"files\"): an \"initial\" budget counts what its page loads already.", budget);
            valid = false;
        }

        if (valid && entry is not null && !types.Contains(BudgetType.Initial))
        {
            context.Error(DiagnosticCodes.InvalidValue, "\"entry\" applies to \"type\": \"initial\" budgets only.", budget);
            valid = false;
        }

        if (valid && renderLoads is not null && !types.Contains(BudgetType.Initial))
        {
            context.Error(DiagnosticCodes.InvalidValue, "\"renderLoads\" applies to \"type\": \"initial\" budgets: it says they count what a page's scripts and styles load while it renders.", budget);
            valid = false;
        }

        if (valid && (urlPath is not null || excludePaths is not null) && (!types.Contains(BudgetType.Initial) || entry is not null))
        {
            context.Error(DiagnosticCodes.InvalidValue, "\"path\" and \"excludePaths\" choose the pages of a \"type\": \"initial\" budget by their URL, instead of one \"entry\".", budget);
            valid = false;
        }

        var growth = growthProperty is null ? null : ReadGrowth(growthProperty, network is not null, context);
        valid &= growthProperty is null || growth is not null;

        if (valid && countProperty is not null && scope == BudgetScope.Each)
        {
            context.Error(DiagnosticCodes.InvalidValue, $"\"{countProperty.Name}\" limits how many files a budget counts, which is one for each file of \"scope\": \"each\": use it on a total (the default scope).", countProperty.Value);
            valid = false;
        }

        if (valid && (minimumWarning ?? minimumError) is not null && network is not null)
        {
            context.Error(DiagnosticCodes.InvalidValue, "\"minimumWarning\" and \"minimumError\" are sizes a budget must reach: a budget with a \"network\" limits load times, which have no minimum.", budget);
            valid = false;
        }

        if (minimumWarning is { } mw && minimumError is { } me && mw.Bytes <= me.Bytes)
        {
            context.Warning(DiagnosticCodes.WarningNotBelowError, $"minimumWarning ({mw.Describe()}) is not above minimumError ({me.Describe()}), so the warning can never be seen before the error.", budget);
        }

        if (warning is null && error is null && warningTime is null && errorTime is null && countWarning is null && countError is null && growth is null && mustMatch != true
            && minimumWarning is null && minimumError is null && valid)
        {
            context.Error(DiagnosticCodes.IncompleteBudget, "This budget has no limit: add \"maximumError\" and/or \"maximumWarning\", such as \"500KB\" (or \"maximumCount\", a number of files, or \"maximumGrowth\" since the base branch).", budget);
            valid = false;
        }

        if (countWarning is { } cw && countError is { } ce && cw >= ce)
        {
            context.Warning(DiagnosticCodes.WarningNotBelowError, $"maximumCountWarning ({cw}) is not below maximumCount ({ce}), so the warning can never be seen before the error.", budget);
        }

        if (warning is { } w && error is { } e && w.Bytes >= e.Bytes)
        {
            context.Warning(DiagnosticCodes.WarningNotBelowError, $"maximumWarning ({w.Describe()}) is not below maximumError ({e.Describe()}), so the warning can never be seen before the error.", budget);
        }

        if (warningTime is { } w2 && errorTime is { } e2 && w2 >= e2)
        {
            context.Warning(DiagnosticCodes.WarningNotBelowError, "maximumWarning is not below maximumError, so the warning can never be seen before the error.", budget);
        }

        return valid
            ? new Budget(
                name,
                types,
                files,
                scope,
                compression,
                warningTime is { } warningMs ? Limit.Milliseconds(warningMs) : warning is { } warningSize ? Limit.Bytes(warningSize) : null,
                errorTime is { } errorMs ? Limit.Milliseconds(errorMs) : error is { } errorSize ? Limit.Bytes(errorSize) : null,
                context.At(budget))
            {
                Entry = entry,
                Network = network,
                LoadedOnly = loaded == true,
                MaximumCountWarning = countWarning,
                MaximumCount = countError,
                MaximumGrowth = growth,
                Exclude = exclude ?? [],
                MustMatch = mustMatch == true,
                Path = urlPath,
                ExcludePaths = excludePaths ?? [],
                CountsRenderLoads = renderLoads == true,
                CompressesEveryFile = compressEveryFile == true,
                MinimumWarning = minimumWarning is { } floorWarning ? Limit.Bytes(floorWarning) : null,
                MinimumError = minimumError is { } floorError ? Limit.Bytes(floorError) : null,
            }
            : null;
    }

    /// <summary>maximumGrowth: "5%" of the base's value, or an amount in the budget's unit (a size; a time for a budget with a network).</summary>
    private static GrowthLimit? ReadGrowth(JsonProperty property, bool isTime, ReadContext context)
    {
        if (property.Value is JsonStringNode text && GrowthLimit.TryPercent(text.Value) is { } percent)
        {
            return percent;
        }

        if (property.Value is JsonStringNode { Value: var written } && written.TrimEnd().EndsWith('%'))
        {
            context.Error(DiagnosticCodes.InvalidValue, $"\"maximumGrowth\": \"{written}\" is not a percentage from 0% to 10000%.", property.Value);
            return null;
        }

        if (isTime)
        {
            return ReadDuration(property, context) is { } milliseconds ? new GrowthLimit(null, (long)milliseconds, Pages.NetworkProfile.FormatMilliseconds(milliseconds)) : null;
        }

        return context.ReadSize(property) is { } size ? new GrowthLimit(null, size.Bytes, size.Describe()) : null;
    }

    private static bool ReadTypes(JsonProperty property, List<BudgetType> types, ReadContext context)
    {
        IEnumerable<JsonNode> values = property.Value is JsonArrayNode array ? array.Items : [property.Value];
        var valid = true;
        foreach (var value in values)
        {
            if (value is not JsonStringNode text)
            {
                context.Error(DiagnosticCodes.InvalidValue, $"\"type\" must be a string such as \"script\", found {value.KindName}.", value);
                valid = false;
                continue;
            }

            if (TryParseWireName(text.Value, out var type))
            {
                types.Add(type);
                continue;
            }

            if (text.Value is "allScript" or "all" or "any" or "anyScript" or "anyComponentStyle" or "bundle")
            {
                context.Error(DiagnosticCodes.InvalidValue, $"\"{text.Value}\" is an Angular budget type: read angular.json's budgets where they are with \"extends\": \"angular.json\" (or write them out with bundle-budget import angular.json), and they keep the meaning Angular gives them (raw sizes of scripts and styles).", value);
                valid = false;
                continue;
            }

            var names = Enum.GetValues<BudgetType>().Select(t => t.ToString().ToLowerInvariant()).ToArray();
            var nearest = NearestName.Find(text.Value, names);
            var hint = nearest is null ? string.Empty : $" Did you mean \"{nearest}\"?";
            context.Error(DiagnosticCodes.InvalidValue, $"Unknown budget type \"{text.Value}\".{hint} Types: {string.Join(", ", names)}.", value);
            valid = false;
        }

        return valid;
    }

    private static bool TryParseWireName(string text, out BudgetType type)
    {
        foreach (var candidate in Enum.GetValues<BudgetType>())
        {
            if (candidate.ToString().ToLowerInvariant() == text)
            {
                type = candidate;
                return true;
            }
        }

        type = default;
        return false;
    }
}
