namespace BundleBudget.Core.Json;

/// <summary>
/// A JSON value that remembers where it stood in its file, so that every complaint about budget.json
/// can name the line and column. System.Text.Json's DOM forgets positions; this tree keeps them.
/// </summary>
internal abstract record JsonNode(int Line, int Column)
{
    public abstract string KindName { get; }
}

internal sealed record JsonProperty(string Name, int Line, int Column, JsonNode Value);

internal sealed record JsonObjectNode(int Line, int Column, IReadOnlyList<JsonProperty> Properties) : JsonNode(Line, Column)
{
    public override string KindName => "an object";
}

internal sealed record JsonArrayNode(int Line, int Column, IReadOnlyList<JsonNode> Items) : JsonNode(Line, Column)
{
    public override string KindName => "an array";
}

internal sealed record JsonStringNode(int Line, int Column, string Value) : JsonNode(Line, Column)
{
    public override string KindName => "a string";
}

internal sealed record JsonNumberNode(int Line, int Column, decimal? Value, string Text) : JsonNode(Line, Column)
{
    public override string KindName => "a number";
}

internal sealed record JsonBooleanNode(int Line, int Column, bool Value) : JsonNode(Line, Column)
{
    public override string KindName => Value ? "true" : "false";
}

internal sealed record JsonNullNode(int Line, int Column) : JsonNode(Line, Column)
{
    public override string KindName => "null";
}
