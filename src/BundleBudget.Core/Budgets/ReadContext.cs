using BundleBudget.Core.Diagnostics;
using BundleBudget.Core.Json;
using BundleBudget.Core.Text;

namespace BundleBudget.Core.Budgets;

/// <summary>Collects the diagnostics of one budget.json and reads its common values (sizes, compressions, globs).</summary>
internal sealed class ReadContext(string path)
{
    private readonly List<Diagnostic> _diagnostics = [];

    public string Path { get; } = path;

    public IReadOnlyList<Diagnostic> Diagnostics => _diagnostics;

    public SourceLocation At(JsonNode node) => new(Path, node.Line, node.Column);

    /// <summary>Takes over the diagnostics of another file read for this one (a config it extends).</summary>
    public void Add(IEnumerable<Diagnostic> diagnostics) => _diagnostics.AddRange(diagnostics);

    public void Error(string code, string message, int line, int column) =>
        _diagnostics.Add(Diagnostic.Error(code, message, Path, line, column));

    public void Error(string code, string message, JsonNode node) => Error(code, message, node.Line, node.Column);

    /// <summary>An error at a property's key.</summary>
    public void Error(string code, string message, JsonProperty property) => Error(code, message, property.Line, property.Column);

    public void Warning(string code, string message, JsonNode node) =>
        _diagnostics.Add(Diagnostic.Warning(code, message, Path, node.Line, node.Column));

    public void Warning(string code, string message, JsonProperty property) =>
        _diagnostics.Add(Diagnostic.Warning(code, message, Path, property.Line, property.Column));

    public void UnknownKey(JsonProperty property, IEnumerable<string> validKeys, string where)
    {
        var nearest = NearestName.Find(property.Name, validKeys);
        var hint = nearest is null ? $" Valid keys: {string.Join(", ", validKeys)}." : $" Did you mean \"{nearest}\"?";
        Error(DiagnosticCodes.UnknownKey, $"Unknown key \"{property.Name}\" {where}.{hint}", property.Line, property.Column);
    }

    /// <summary>Reports an unknown key of a section read as a <c>switch</c> expression, which keeps what it had read.</summary>
    public T UnknownKey<T>(JsonProperty property, IEnumerable<string> validKeys, string where, T unchanged)
    {
        UnknownKey(property, validKeys, where);
        return unchanged;
    }

    /// <summary>The properties of an object, the first of each key only; every repeated key is reported.</summary>
    public IReadOnlyList<JsonProperty> UniqueProperties(JsonObjectNode node, StringComparer comparer)
    {
        var seen = new HashSet<string>(comparer);
        var unique = new List<JsonProperty>();
        foreach (var property in node.Properties)
        {
            if (seen.Add(property.Name))
            {
                unique.Add(property);
            }
            else
            {
                Error(DiagnosticCodes.DuplicateKey, $"Duplicate key \"{property.Name}\": only one of them would count. Remove or merge one.", property.Line, property.Column);
            }
        }

        return unique;
    }

    public string? RequireString(JsonProperty property)
    {
        if (property.Value is JsonStringNode text)
        {
            return text.Value;
        }

        Error(DiagnosticCodes.InvalidValue, $"\"{property.Name}\" must be a string, found {property.Value.KindName}.", property.Value);
        return null;
    }

    public bool? ReadBoolean(JsonProperty property)
    {
        if (property.Value is JsonBooleanNode flag)
        {
            return flag.Value;
        }

        Error(DiagnosticCodes.InvalidValue, $"\"{property.Name}\" must be true or false, found {property.Value.KindName}.", property.Value);
        return null;
    }

    public Compression? ReadCompression(JsonProperty property)
    {
        var text = RequireString(property);
        switch (text)
        {
            case null:
                return null;
            case "raw" or "none":
                return Compression.Raw;
            case "gzip":
                return Compression.Gzip;
            case "brotli" or "br":
                return Compression.Brotli;
            default:
                var nearest = NearestName.Find(text, ["raw", "gzip", "brotli"]);
                var hint = nearest is null ? string.Empty : $" Did you mean \"{nearest}\"?";
                Error(DiagnosticCodes.InvalidValue, $"Unknown compression \"{text}\".{hint} Use \"raw\", \"gzip\" or \"brotli\".", property.Value);
                return null;
        }
    }

    /// <summary>"warning" or "error", the severity a section's findings take.</summary>
    public Severity? ReadSeverity(JsonProperty property)
    {
        var text = RequireString(property);
        if (text is "warning" or "error")
        {
            return text == "error" ? Severity.Error : Severity.Warning;
        }

        if (text is not null)
        {
            Error(DiagnosticCodes.InvalidValue, $"Unknown severity \"{text}\": use \"warning\" (the default) or \"error\".", property.Value);
        }

        return null;
    }

    public ByteSize? ReadSize(JsonProperty property) => ReadSize(property.Name, property.Value);

    public ByteSize? ReadSize(string name, JsonNode value)
    {
        switch (value)
        {
            case JsonNumberNode { Value: { } number } when number >= 0 && decimal.Truncate(number) == number && number <= long.MaxValue / 2:
                return ByteSize.FromBytes((long)number);
            case JsonStringNode text when ByteSize.TryParse(text.Value, out var size):
                return size;
            case JsonStringNode text:
                Error(DiagnosticCodes.InvalidSize, $"\"{name}\": \"{text.Value}\" is not a size. Write a number of bytes or a number and a unit: \"500KB\" (kB = 1000 B), \"2MB\", \"488KiB\" (KiB = 1024 B).", value);
                return null;
            default:
                Error(DiagnosticCodes.InvalidSize, $"\"{name}\" must be a size such as \"500KB\" or a whole number of bytes, found {DescribeNonSize(value)}.", value);
                return null;
        }
    }

    public FileGlob? ReadGlob(JsonProperty property)
    {
        var text = RequireString(property);
        if (text is null)
        {
            return null;
        }

        if (FileGlob.TryParse(text, out var glob, out var error))
        {
            return glob;
        }

        Error(DiagnosticCodes.InvalidGlob, $"\"files\": \"{text}\" is not a valid glob: {error}.", property.Value);
        return null;
    }

    /// <summary>A glob or a list of globs (budgets' "exclude"); null when any is not one.</summary>
    /// <summary>A budget's "path" (one URL path pattern) or "excludePaths" (one or a list): the pages it limits by URL, for an initial or timing budget.</summary>
    public bool ReadPagePaths(JsonProperty property, ref UrlPathPattern? path, ref IReadOnlyList<UrlPathPattern>? excludePaths)
    {
        if (property.Name == "path" && property.Value is not JsonStringNode)
        {
            Error(DiagnosticCodes.InvalidValue, $"\"path\" must be one URL path such as \"/blog/*\", found {property.Value.KindName}.", property.Value);
            return false;
        }

        var read = ReadUrlPaths(property);
        if (property.Name == "path")
        {
            path = read?.Single();
        }
        else
        {
            excludePaths = read;
        }

        return read is not null;
    }

    /// <summary>URL path patterns as Lighthouse's budget.json writes them (one, or a list).</summary>
    public IReadOnlyList<UrlPathPattern>? ReadUrlPaths(JsonProperty property) => ReadOneOrList(property, "a URL path such as \"/blog/*\"", (text, value) =>
    {
        var path = UrlPathPattern.TryParse(text, out var problem);
        if (path is null)
        {
            Error(DiagnosticCodes.InvalidValue, $"\"{property.Name}\": {problem}", value);
        }

        return path;
    });

    /// <summary>A string or a list of strings, each read by <paramref name="parse"/> (which says what is wrong); null at the first that is not.</summary>
    private List<T>? ReadOneOrList<T>(JsonProperty property, string expected, Func<string, JsonNode, T?> parse)
        where T : class
    {
        IEnumerable<JsonNode> values = property.Value is JsonArrayNode array ? array.Items : [property.Value];
        var read = new List<T>();
        foreach (var value in values)
        {
            if (value is not JsonStringNode { Value: var text })
            {
                Error(DiagnosticCodes.InvalidValue, $"\"{property.Name}\" must be {expected}, found {value.KindName}.", value);
                return null;
            }

            if (parse(text, value) is not { } item)
            {
                return null;
            }

            read.Add(item);
        }

        return read;
    }

    public IReadOnlyList<FileGlob>? ReadGlobs(JsonProperty property) => ReadOneOrList(property, "a glob or a list of globs", (text, value) =>
    {
        if (!FileGlob.TryParse(text, out var glob, out var error))
        {
            Error(DiagnosticCodes.InvalidGlob, $"\"{property.Name}\": \"{text}\" is not a valid glob: {error}.", value);
        }

        return glob;
    });

    /// <summary>The properties of a section that must be an object; anything else is BB9003 and reads as empty.</summary>
    public IReadOnlyList<JsonProperty> SectionProperties(JsonProperty section)
    {
        if (section.Value is JsonObjectNode node)
        {
            return UniqueProperties(node, StringComparer.Ordinal);
        }

        Error(DiagnosticCodes.InvalidValue, $"\"{section.Name}\" must be an object, found {section.Value.KindName}.", section.Value);
        return [];
    }

    /// <summary>A whole number from 0 to <see cref="int.MaxValue"/>.</summary>
    public int? ReadCount(JsonProperty property)
    {
        if (property.Value is JsonNumberNode { Value: { } value } && value >= 0 && value <= int.MaxValue && decimal.Truncate(value) == value)
        {
            return (int)value;
        }

        Error(DiagnosticCodes.InvalidValue, $"\"{property.Name}\" must be a whole number, found {property.Value.KindName}.", property.Value);
        return null;
    }

    /// <summary>A positive number below 1000, such as 0.5.</summary>
    public double? ReadRatio(JsonProperty property)
    {
        if (property.Value is JsonNumberNode { Value: { } value } && value > 0 && value < 1000)
        {
            return (double)value;
        }

        Error(DiagnosticCodes.InvalidValue, $"\"{property.Name}\" must be a positive number such as 0.5, found {property.Value.KindName}.", property.Value);
        return null;
    }

    private static string DescribeNonSize(JsonNode value) => value is JsonNumberNode number ? number.Text : value.KindName;
}
