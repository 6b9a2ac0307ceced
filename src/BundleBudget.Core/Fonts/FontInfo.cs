namespace BundleBudget.Core.Fonts;

/// <summary>What a font file is, from its own bytes.</summary>
/// <param name="Format">woff2, woff, ttf, otf, eot, ttc; or null when the bytes are no font.</param>
/// <param name="Glyphs">The number of glyphs ('maxp' table), where the file gives it cheaply.</param>
/// <param name="Family">The family name ('name' table, or the EOT header).</param>
/// <param name="Problem">Why the file could not be read, else null.</param>
public sealed record FontInfo(string Path, string? Format, long Bytes, int? Glyphs, string? Family, string? Problem);
