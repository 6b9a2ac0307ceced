using System.Globalization;

namespace BundleBudget.Core.Pages;

/// <summary>
/// Which image of a srcset, a &lt;picture&gt;'s sources or an image preload's imagesrcset a browser downloads. The
/// device is Lighthouse's emulated phone (the one its mobile scores use): a 412 CSS px wide viewport at a device pixel
/// ratio of 1.75. As browsers do, the smallest candidate whose density covers the device's is taken, else the largest.
/// </summary>
internal static class ResponsiveImages
{
    public const double ViewportWidth = 412;
    public const double DevicePixelRatio = 1.75;
    private const double FontSize = 16;

    private static readonly HashSet<string> SupportedTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        "image/webp", "image/avif", "image/png", "image/apng", "image/jpeg", "image/jpg", "image/gif", "image/svg+xml", "image/bmp", "image/x-icon", "image/vnd.microsoft.icon",
    };

    /// <summary>The URL a browser fetches for an image with these attributes, or null when it names none.</summary>
    public static string? Choose(string? srcset, string? sizes, string? src)
    {
        var candidates = Candidates(srcset);
        if (candidates.Count == 0)
        {
            return string.IsNullOrWhiteSpace(src) ? null : src;
        }

        var slot = SlotWidth(sizes);
        var densities = candidates.Select(c => (c.Url, Density: c.Width is { } w ? w / slot : c.Density)).ToList();
        if (!string.IsNullOrWhiteSpace(src) && candidates.All(c => c.Width is null) && !densities.Any(d => d.Density == 1))
        {
            densities.Add((src, 1)); // src is the 1x candidate of an x-descriptor srcset
        }

        var covering = densities.Where(d => d.Density >= DevicePixelRatio).OrderBy(d => d.Density).FirstOrDefault();
        return covering.Url ?? densities.OrderByDescending(d => d.Density).First().Url;
    }

    /// <summary>Whether a &lt;source&gt; applies on that device: a type the browser decodes (or none), and a media query that matches (or none).</summary>
    public static bool Applies(string? type, string? media) =>
        (string.IsNullOrWhiteSpace(type) || SupportedTypes.Contains(type.Split(';')[0].Trim()))
        && (string.IsNullOrWhiteSpace(media) || MediaQuery.Matches(media, ViewportWidth));

    private static List<(string Url, double? Width, double Density)> Candidates(string? srcset)
    {
        var candidates = new List<(string, double?, double)>();
        if (string.IsNullOrWhiteSpace(srcset))
        {
            return candidates;
        }

        var position = 0;
        while (position < srcset.Length)
        {
            while (position < srcset.Length && (char.IsWhiteSpace(srcset[position]) || srcset[position] == ','))
            {
                position++;
            }

            var start = position;
            while (position < srcset.Length && !char.IsWhiteSpace(srcset[position]))
            {
                position++;
            }

            var url = srcset[start..position];
            var trailingComma = url.EndsWith(',');
            url = url.TrimEnd(',');
            var descriptor = string.Empty;
            if (!trailingComma)
            {
                var end = srcset.IndexOf(',', position);
                descriptor = (end < 0 ? srcset[position..] : srcset[position..end]).Trim();
                position = end < 0 ? srcset.Length : end + 1;
            }

            if (url.Length == 0)
            {
                continue;
            }

            if (descriptor.EndsWith('w') && double.TryParse(descriptor[..^1], NumberStyles.Float, CultureInfo.InvariantCulture, out var width) && width > 0)
            {
                candidates.Add((url, width, 0));
            }
            else if (descriptor.EndsWith('x') && double.TryParse(descriptor[..^1], NumberStyles.Float, CultureInfo.InvariantCulture, out var density) && density > 0)
            {
                candidates.Add((url, null, density));
            }
            else if (descriptor.Length == 0)
            {
                candidates.Add((url, null, 1));
            }
        }

        return candidates;
    }

    /// <summary>The image's slot width in CSS px from sizes (the first entry whose media matches; 100vw without any).</summary>
    private static double SlotWidth(string? sizes)
    {
        foreach (var entry in (sizes ?? string.Empty).Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var close = entry.LastIndexOf(')');
            var media = close >= 0 ? entry[..(close + 1)] : null;
            var length = (close >= 0 ? entry[(close + 1)..] : entry).Trim();
            if ((media is null || MediaQuery.Matches(media, ViewportWidth)) && Length(length) is { } width)
            {
                return Math.Max(1, width);
            }
        }

        return ViewportWidth;
    }

    /// <summary>A CSS length in px: px, vw, em, rem; null for anything else (calc() and the like).</summary>
    public static double? Length(string text)
    {
        text = text.Trim().ToLowerInvariant();
        foreach (var (unit, factor) in new[] { ("px", 1.0), ("vw", ViewportWidth / 100), ("rem", FontSize), ("em", FontSize) })
        {
            if (text.EndsWith(unit, StringComparison.Ordinal) && double.TryParse(text[..^unit.Length], NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
            {
                return value * factor;
            }
        }

        return null;
    }
}

/// <summary>
/// A media query evaluated for the emulated phone: width conditions (min-width, max-width, width ranges), orientation
/// (portrait), and screen; a query with a feature it cannot evaluate does not match.
/// </summary>
internal static class MediaQuery
{
    public static bool Matches(string query, double viewportWidth) =>
        query.Split(',').Any(q => MatchesOne(q.Trim().ToLowerInvariant(), viewportWidth));

    private static bool MatchesOne(string query, double width)
    {
        var negate = query.StartsWith("not ", StringComparison.Ordinal);
        if (negate)
        {
            query = query[4..];
        }

        var result = true;
        foreach (var part in query.Replace("only ", string.Empty, StringComparison.Ordinal).Split(" and ", StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            result &= part switch
            {
                "screen" or "all" => true,
                "print" => false,
                _ when part.StartsWith('(') && part.EndsWith(')') => Feature(part[1..^1].Trim(), width),
                _ => false,
            };
        }

        return negate ? !result : result;
    }

    private static bool Feature(string feature, double width)
    {
        var colon = feature.IndexOf(':');
        if (colon > 0)
        {
            var name = feature[..colon].Trim();
            var value = feature[(colon + 1)..].Trim();
            return name switch
            {
                "min-width" => ResponsiveImages.Length(value) is { } min && width >= min,
                "max-width" => ResponsiveImages.Length(value) is { } max && width <= max,
                "orientation" => value == "portrait",
                _ => false,
            };
        }

        // Range syntax: (width >= 600px), (width < 40em), (400px <= width <= 700px)
        foreach (var op in new[] { ">=", "<=", ">", "<" })
        {
            var at = feature.IndexOf(op, StringComparison.Ordinal);
            if (at <= 0)
            {
                continue;
            }

            var left = feature[..at].Trim();
            var right = feature[(at + op.Length)..].Trim();
            if (left == "width" && ResponsiveImages.Length(right) is { } r)
            {
                return Compare(width, op, r);
            }

            if (right.StartsWith("width", StringComparison.Ordinal) && ResponsiveImages.Length(left) is { } l)
            {
                var rest = right["width".Length..].Trim();
                var inner = Compare(l, op, width);
                return rest.Length == 0 ? inner : inner && Feature("width " + rest, width);
            }
        }

        return false;
    }

    private static bool Compare(double a, string op, double b) => op switch
    {
        ">=" => a >= b,
        "<=" => a <= b,
        ">" => a > b,
        _ => a < b,
    };
}
