using System.Text.Json;

namespace BundleBudget.Core.BundleContents;

/// <summary>
/// One mapped stretch of a generated line, from its column (UTF-16 units) to the next segment, packed in a long (column
/// in the high half, so that sorting the longs sorts by column): lists of a primitive need no code compiled at start-up.
/// </summary>
internal static class MappingSegment
{
    public static long Pack(int column, int source) => ((long)column << 32) | (uint)source;

    public static int Column(long segment) => (int)(segment >> 32);

    /// <summary>Index into <see cref="SourceMap.Sources"/>, or -1 for a segment that maps to no source.</summary>
    public static int Source(long segment) => (int)(uint)segment;
}

/// <summary>
/// A source map (revision 3): its sources and, per generated line, which source each stretch of the line came from.
/// Index maps (<c>sections</c>) are flattened. Names and original positions are not needed and not kept.
/// </summary>
internal sealed class SourceMap
{
    private SourceMap(IReadOnlyList<string> sources, IReadOnlyList<List<long>> lines)
    {
        Sources = sources;
        Lines = lines;
    }

    public IReadOnlyList<string> Sources { get; }

    /// <summary>The segments of each generated line, in column order.</summary>
    public IReadOnlyList<List<long>> Lines { get; }

    /// <param name="generatedLines">How many lines the generated file has: mappings of lines beyond it (a section's offset can claim any) are ignored, so a tiny map cannot claim billions of lines.</param>
    /// <exception cref="InvalidDataException">The map is not a revision 3 source map.</exception>
    public static SourceMap Parse(ReadOnlySpan<byte> json, int generatedLines = int.MaxValue)
    {
        try
        {
            var sources = new List<string>();
            var lines = new List<List<long>>();
            ReadTopLevel(json.StartsWith("\uFEFF"u8) ? json[3..] : json, sources, lines, generatedLines);
            foreach (var segments in lines)
            {
                // Mappings are written in column order: then they keep the order they were written in (a segment at
                // the column of the next one is empty, as in source-map-explorer). Only a line out of order is sorted.
                if (!InColumnOrder(segments))
                {
                    segments.Sort();
                }
            }

            return new SourceMap(sources, lines);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"not valid JSON: {e.Message}", e);
        }
        catch (Exception e) when (e is InvalidOperationException or KeyNotFoundException or FormatException)
        {
            throw new InvalidDataException($"not a source map: {e.Message}", e);
        }
    }

    private static bool InColumnOrder(List<long> segments)
    {
        for (var i = 1; i < segments.Count; i++)
        {
            if (MappingSegment.Column(segments[i]) < MappingSegment.Column(segments[i - 1]))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Reads a map in one forward pass without building a document: sourcesContent and names (most of a map's bytes)
    /// are skipped, not materialised. An index map's sections (rare) are read from a document of that part alone.
    /// </summary>
    private static void ReadTopLevel(ReadOnlySpan<byte> json, List<string> sources, List<List<long>> lines, int maxLines)
    {
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { AllowTrailingCommas = true, MaxDepth = 16 });
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            throw new InvalidOperationException("a source map is a JSON object");
        }

        int? version = null;
        string? sourceRoot = null;
        List<string?>? names = null;
        byte[]? escapedMappings = null;
        (int Start, int Length)? mappings = null;
        (int Start, int End)? sections = null;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            var property = reader.GetString();
            reader.Read();
            switch (property)
            {
                case "version":
                    version = reader.TokenType == JsonTokenType.Number ? reader.GetInt32() : throw new InvalidOperationException("\"version\" is not a number");
                    break;
                case "sourceRoot":
                    sourceRoot = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
                    reader.Skip();
                    break;
                case "sources":
                    names = ReadSources(ref reader);
                    break;
                case "mappings":
                    // As UTF-8, straight from the map when it holds no escape: the mappings can be megabytes.
                    if (reader.TokenType != JsonTokenType.String)
                    {
                        throw new InvalidOperationException("\"mappings\" is not a string");
                    }

                    escapedMappings = reader.ValueIsEscaped ? System.Text.Encoding.UTF8.GetBytes(reader.GetString()!) : null;
                    mappings = ((int)reader.TokenStartIndex + 1, reader.ValueSpan.Length);
                    break;
                case "sections":
                    var start = (int)reader.TokenStartIndex;
                    reader.Skip();
                    sections = (start, (int)reader.BytesConsumed);
                    break;
                default:
                    reader.Skip();
                    break;
            }
        }

        if (version != 3)
        {
            throw new InvalidDataException("only revision 3 source maps are read (\"version\": 3)");
        }

        if (sections is { } range)
        {
            using var document = JsonDocument.Parse(json[range.Start..range.End].ToArray(), new JsonDocumentOptions { AllowTrailingCommas = true, MaxDepth = 16 });
            ReadSections(document.RootElement, sources, lines, maxLines);
            return;
        }

        AddSources(names ?? throw new KeyNotFoundException("\"sources\" is missing"), sourceRoot ?? string.Empty, sources, out var firstSource);
        var (mappingsStart, mappingsLength) = mappings ?? throw new KeyNotFoundException("\"mappings\" is missing");
        DecodeMappings(escapedMappings ?? json.Slice(mappingsStart, mappingsLength), 0, 0, firstSource, sources.Count, lines, maxLines);
    }

    private static List<string?> ReadSources(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw new InvalidOperationException("\"sources\" is not an array");
        }

        var names = new List<string?>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            names.Add(reader.TokenType == JsonTokenType.String ? reader.GetString() : null);
            reader.Skip();
        }

        return names;
    }

    private static void AddSources(IEnumerable<string?> names, string root, List<string> sources, out int firstSource)
    {
        firstSource = sources.Count;
        foreach (var name in names.Select(n => n ?? string.Empty))
        {
            sources.Add(root.Length > 0 && !name.Contains("://", StringComparison.Ordinal) ? $"{root.TrimEnd('/')}/{name}" : name);
        }
    }

    private static void ReadSections(JsonElement sections, List<string> sources, List<List<long>> lines, int maxLines)
    {
        foreach (var section in sections.EnumerateArray())
        {
            var offset = section.GetProperty("offset");
            if (offset.GetProperty("line").GetInt32() < 0 || offset.GetProperty("column").GetInt32() < 0)
            {
                throw new InvalidDataException("a section has a negative offset");
            }

            var mapElement = section.TryGetProperty("map", out var inner) ? inner : throw new InvalidDataException("index map sections with \"url\" are not supported");
            Read(mapElement, offset.GetProperty("line").GetInt32(), offset.GetProperty("column").GetInt32(), sources, lines, maxLines);
        }
    }

    private static void Read(JsonElement map, int lineOffset, int columnOffset, List<string> sources, List<List<long>> lines, int maxLines)
    {
        if (!map.TryGetProperty("version", out var version) || version.GetInt32() != 3)
        {
            throw new InvalidDataException("only revision 3 source maps are read (\"version\": 3)");
        }

        if (map.TryGetProperty("sections", out var sections))
        {
            ReadSections(sections, sources, lines, maxLines);
            return;
        }

        var root = map.TryGetProperty("sourceRoot", out var sourceRoot) && sourceRoot.ValueKind == JsonValueKind.String ? sourceRoot.GetString() ?? string.Empty : string.Empty;
        AddSources(map.GetProperty("sources").EnumerateArray().Select(s => s.ValueKind == JsonValueKind.String ? s.GetString() : null), root, sources, out var firstSource);
        DecodeMappings(System.Text.Encoding.UTF8.GetBytes(map.GetProperty("mappings").GetString() ?? string.Empty), lineOffset, columnOffset, firstSource, sources.Count, lines, maxLines);
    }

    /// <summary>Decodes the Base64 VLQ "mappings" into segments, shifting lines, first-line columns and source indexes.</summary>
    private static void DecodeMappings(ReadOnlySpan<byte> mappings, int lineOffset, int columnOffset, int firstSource, int sourceCount, List<List<long>> lines, int maxLines)
    {
        var line = lineOffset;
        var column = 0;
        var source = 0;
        var fields = new int[5];
        var position = 0;
        while (position <= mappings.Length && line < maxLines)
        {
            while (lines.Count <= line)
            {
                lines.Add([]);
            }

            if (position == mappings.Length)
            {
                break;
            }

            var c = mappings[position];
            if (c == (byte)';')
            {
                line++;
                column = 0;
                position++;
                continue;
            }

            if (c == (byte)',')
            {
                position++;
                continue;
            }

            var count = 0;
            while (position < mappings.Length && mappings[position] is not ((byte)',' or (byte)';'))
            {
                if (count == fields.Length)
                {
                    throw new InvalidDataException("a mapping segment has more than 5 fields");
                }

                fields[count++] = ReadVlq(mappings, ref position);
            }

            column += fields[0];
            if (column < 0)
            {
                throw new InvalidDataException("a mapping has a negative column");
            }

            var shifted = column + (line == lineOffset ? columnOffset : 0);
            if (count >= 4)
            {
                source += fields[1];
                var index = source >= 0 && source < sourceCount - firstSource ? firstSource + source : -1;
                lines[line].Add(MappingSegment.Pack(shifted, index));
            }
            else
            {
                lines[line].Add(MappingSegment.Pack(shifted, -1));
            }
        }
    }

    private static int ReadVlq(ReadOnlySpan<byte> text, ref int position)
    {
        var result = 0;
        var shift = 0;
        while (true)
        {
            if (position >= text.Length)
            {
                throw new InvalidDataException("a mapping ends in the middle of a number");
            }

            var digit = Base64Value(text[position++]);
            result |= (digit & 31) << shift;
            shift += 5;
            if ((digit & 32) == 0)
            {
                break;
            }

            if (shift > 30)
            {
                throw new InvalidDataException("a mapping number is too large");
            }
        }

        var negative = (result & 1) == 1;
        result >>= 1;
        return negative ? -result : result;
    }

    private static int Base64Value(byte c) => c switch
    {
        >= (byte)'A' and <= (byte)'Z' => c - 'A',
        >= (byte)'a' and <= (byte)'z' => c - 'a' + 26,
        >= (byte)'0' and <= (byte)'9' => c - '0' + 52,
        (byte)'+' => 62,
        (byte)'/' => 63,
        _ => throw new InvalidDataException(c < 0x80 ? $"'{(char)c}' is not a Base64 VLQ digit" : "a non-ASCII character is not a Base64 VLQ digit"),
    };
}
