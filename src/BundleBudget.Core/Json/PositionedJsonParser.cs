using System.Text;
using System.Text.Json;

namespace BundleBudget.Core.Json;

/// <summary>Parses JSON (comments and trailing commas allowed, as people write config files) into a tree with line and column numbers.</summary>
internal static class PositionedJsonParser
{
    private const int MaxDepth = 64;

    /// <exception cref="JsonSyntaxException">The text is not valid JSON.</exception>
    public static JsonNode Parse(ReadOnlySpan<byte> utf8)
    {
        if (utf8.StartsWith("\uFEFF"u8))
        {
            utf8 = utf8[3..];
        }

        if (utf8.Trim(" \t\r\n"u8).IsEmpty)
        {
            throw new JsonSyntaxException("the file is empty", 1, 1);
        }

        var lines = new LineMap(utf8);
        var reader = new Utf8JsonReader(utf8, new JsonReaderOptions
        {
            CommentHandling = JsonCommentHandling.Skip,
            AllowTrailingCommas = true,
            MaxDepth = MaxDepth,
        });
        try
        {
            reader.Read();
            var root = ReadValue(ref reader, lines);
            if (reader.Read())
            {
                var (line, column) = lines.Locate(reader.TokenStartIndex);
                throw new JsonSyntaxException("unexpected content after the end of the JSON value", line, column);
            }

            return root;
        }
        catch (JsonException e)
        {
            var (line, column) = lines.Locate((int)(e.LineNumber ?? 0), (int)(e.BytePositionInLine ?? 0));
            throw new JsonSyntaxException(CleanMessage(e.Message), line, column);
        }
        catch (InvalidOperationException e)
        {
            // Reading a string that is not valid UTF-8, or holds a lone surrogate escape such as "\uD800".
            var (line, column) = lines.Locate(reader.TokenStartIndex);
            throw new JsonSyntaxException($"a string is not valid text ({CleanMessage(e.Message)})", line, column);
        }
    }

    private static JsonNode ReadValue(ref Utf8JsonReader reader, LineMap lines)
    {
        var (line, column) = lines.Locate(reader.TokenStartIndex);
        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject:
                var properties = new List<JsonProperty>();
                while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
                {
                    var (nameLine, nameColumn) = lines.Locate(reader.TokenStartIndex);
                    var name = reader.GetString()!;
                    reader.Read();
                    properties.Add(new JsonProperty(name, nameLine, nameColumn, ReadValue(ref reader, lines)));
                }

                return new JsonObjectNode(line, column, properties);
            case JsonTokenType.StartArray:
                var items = new List<JsonNode>();
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    items.Add(ReadValue(ref reader, lines));
                }

                return new JsonArrayNode(line, column, items);
            case JsonTokenType.String:
                return new JsonStringNode(line, column, reader.GetString()!);
            case JsonTokenType.Number:
                var text = Encoding.UTF8.GetString(reader.ValueSpan);
                return new JsonNumberNode(line, column, reader.TryGetDecimal(out var value) ? value : null, text);
            case JsonTokenType.True:
                return new JsonBooleanNode(line, column, true);
            case JsonTokenType.False:
                return new JsonBooleanNode(line, column, false);
            default:
                return new JsonNullNode(line, column);
        }
    }

    // System.Text.Json appends "LineNumber: 3 | BytePositionInLine: 7." which we report in our own form.
    private static string CleanMessage(string message)
    {
        var cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        var text = cut >= 0 ? message[..cut] : message;
        return text.TrimEnd(' ', '.');
    }

    /// <summary>
    /// Turns byte offsets into 1-based line and column (columns count characters, not bytes). Offsets come in increasing
    /// order while parsing, so the column is counted on from the last one: linear even when the whole file is one line.
    /// </summary>
    private sealed class LineMap
    {
        private readonly byte[] _text;
        private readonly List<int> _lineStarts = [0];
        private int _lastLine = -1;
        private long _lastOffset;
        private int _lastColumn;

        public LineMap(ReadOnlySpan<byte> utf8)
        {
            _text = utf8.ToArray();
            for (var i = 0; i < _text.Length; i++)
            {
                if (_text[i] == (byte)'\n')
                {
                    _lineStarts.Add(i + 1);
                }
            }
        }

        /// <summary>Locates a 0-based line and a 0-based byte position in that line, as System.Text.Json reports errors.</summary>
        public (int Line, int Column) Locate(int line, int bytePosition)
        {
            var clampedLine = Math.Clamp(line, 0, _lineStarts.Count - 1);
            return Locate(Math.Min((long)_lineStarts[clampedLine] + bytePosition, _text.Length));
        }

        public (int Line, int Column) Locate(long offset)
        {
            var index = _lineStarts.BinarySearch((int)offset);
            var line = index >= 0 ? index : ~index - 1;
            var (from, column) = line == _lastLine && offset >= _lastOffset ? (_lastOffset, _lastColumn) : (_lineStarts[line], 1);
            for (var i = from; i < offset; i++)
            {
                if ((_text[i] & 0xC0) != 0x80)
                {
                    column++;
                }
            }

            (_lastLine, _lastOffset, _lastColumn) = (line, offset, column);
            return (line + 1, column);
        }
    }
}

internal sealed class JsonSyntaxException(string message, int line, int column) : Exception(message)
{
    public int Line { get; } = line;

    public int Column { get; } = column;
}
