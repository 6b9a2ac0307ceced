namespace BundleBudget.Core.BundleContents;

/// <summary>The URL of a bundle's source map, from its last <c>//# sourceMappingURL=</c> (or legacy <c>//@</c>) comment.</summary>
internal static class SourceMapComment
{
    private const string Prefix = "//# sourceMappingURL=";
    private const string LegacyPrefix = "//@ sourceMappingURL=";

    /// <summary>What a script's facts keep of an inline (data: URL) map: the map is part of the script's content.</summary>
    public const string Inline = "data:";

    /// <summary>The map's URL as a script's facts keep it: an inline (data: URL) map as <see cref="Inline"/>, since it is part of the script's own content.</summary>
    public static string? Location(string generated)
    {
        var url = Url(generated);
        return url is not null && url.StartsWith(Inline, StringComparison.Ordinal) ? Inline : url;
    }

    public static string? Url(string generated)
    {
        var comment = Math.Max(generated.LastIndexOf(Prefix, StringComparison.Ordinal), generated.LastIndexOf(LegacyPrefix, StringComparison.Ordinal));
        if (comment < 0)
        {
            return null;
        }

        var start = comment + Prefix.Length;
        var end = start;
        while (end < generated.Length && !char.IsWhiteSpace(generated[end]) && !(generated[end] == '*' && end + 1 < generated.Length && generated[end + 1] == '/'))
        {
            end++;
        }

        return end > start ? generated[start..end] : null;
    }
}
