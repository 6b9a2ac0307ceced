using System.Text.Json;

namespace BundleBudget.Core.Pages;

/// <summary>
/// A page's import map, as the HTML standard resolves module specifiers with it: its "imports", and its "scopes" for
/// the modules whose URL a scope prefixes; a key is a bare specifier ("lodash", "lit/") or a URL ("./small.js",
/// "/v1/") resolved against the page's base URL; a key ending in '/' maps every specifier it prefixes. Lookups walk
/// the specifier's own prefixes, so a map with many keys costs no more per import.
/// </summary>
internal sealed class ImportMap
{
    private readonly Dictionary<string, string> _imports;
    private readonly List<(string Prefix, Dictionary<string, string> Imports)> _scopes;

    private ImportMap(Dictionary<string, string> imports, List<(string, Dictionary<string, string>)> scopes)
    {
        _imports = imports;
        _scopes = scopes;
    }

    public static ImportMap Empty { get; } = new([], []);

    public bool IsEmpty => _imports.Count == 0 && _scopes.Count == 0;

    /// <summary>Reads the map's JSON; keys and addresses that are URLs are resolved against <paramref name="baseUrl"/>. A broken map maps nothing, as in the browser.</summary>
    public static ImportMap Parse(string json, Uri baseUrl)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return Empty;
            }

            var imports = root.TryGetProperty("imports", out var top) ? Entries(top, baseUrl) : [];
            var scopes = new List<(string, Dictionary<string, string>)>();
            if (root.TryGetProperty("scopes", out var scopeMap) && scopeMap.ValueKind == JsonValueKind.Object)
            {
                foreach (var scope in scopeMap.EnumerateObject())
                {
                    if (Uri.TryCreate(baseUrl, scope.Name, out var prefix))
                    {
                        scopes.Add((prefix.AbsoluteUri, Entries(scope.Value, baseUrl)));
                    }
                }
            }

            // The most specific scope first, as the standard orders them.
            scopes.Sort((a, b) => string.CompareOrdinal(b.Item1, a.Item1));
            return new ImportMap(imports, scopes);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            return Empty; // InvalidOperationException: a lone surrogate escape
        }
    }

    /// <summary>
    /// The URL a specifier names for a module at <paramref name="importer"/>, or null when the map says nothing of it.
    /// <paramref name="asUrl"/> is the specifier resolved as a URL (null for a bare specifier).
    /// </summary>
    public Uri? Resolve(string specifier, Uri? asUrl, Uri importer)
    {
        var key = asUrl?.AbsoluteUri ?? specifier;
        foreach (var (prefix, imports) in _scopes)
        {
            if (importer.AbsoluteUri.StartsWith(prefix, StringComparison.Ordinal) && Match(key, imports) is { } scoped)
            {
                return scoped;
            }
        }

        return Match(key, _imports);
    }

    private static Uri? Match(string key, Dictionary<string, string> imports)
    {
        if (imports.TryGetValue(key, out var exact))
        {
            return Uri.TryCreate(exact, UriKind.Absolute, out var address) ? address : null;
        }

        for (var slash = key.LastIndexOf('/'); slash >= 0; slash = slash == 0 ? -1 : key.LastIndexOf('/', slash - 1))
        {
            if (imports.TryGetValue(key[..(slash + 1)], out var prefix) && prefix.EndsWith('/'))
            {
                return Uri.TryCreate(prefix + key[(slash + 1)..], UriKind.Absolute, out var address) ? address : null;
            }
        }

        return null;
    }

    /// <summary>Normalized entries: URL-like keys and every address resolved to absolute URLs.</summary>
    private static Dictionary<string, string> Entries(JsonElement map, Uri baseUrl)
    {
        var entries = new Dictionary<string, string>(StringComparer.Ordinal);
        if (map.ValueKind != JsonValueKind.Object)
        {
            return entries;
        }

        foreach (var entry in map.EnumerateObject())
        {
            if (entry.Value.ValueKind != JsonValueKind.String || !Uri.TryCreate(baseUrl, entry.Value.GetString(), out var address))
            {
                continue;
            }

            var key = IsUrlLike(entry.Name) && Uri.TryCreate(baseUrl, entry.Name, out var keyUrl) ? keyUrl.AbsoluteUri : entry.Name;
            entries[key] = address.AbsoluteUri;
        }

        return entries;
    }

    public static bool IsUrlLike(string specifier) =>
        specifier.StartsWith('/') || specifier.StartsWith("./", StringComparison.Ordinal) || specifier.StartsWith("../", StringComparison.Ordinal) || Uri.TryCreate(specifier, UriKind.Absolute, out _);
}
