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

            // A height descriptor beside a width one ("800w 600h") is allowed and changes nothing here.
            descriptor = string.Join(' ', descriptor.Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(d => !d.EndsWith('h')));
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
        foreach (var entry in SplitTopLevel(sizes ?? string.Empty))
        {
            var (media, length) = SplitSizesEntry(entry);
            if ((media.Length == 0 || MediaQuery.Matches(media, ViewportWidth)) && CssLength.Evaluate(length) is { } width)
            {
                return Math.Max(1, width);
            }
        }

        return ViewportWidth;
    }

    /// <summary>A sizes entry's media condition and length: the length is its last value, a function such as calc() included.</summary>
    private static (string Media, string Length) SplitSizesEntry(string entry)
    {
        entry = entry.Trim();
        if (entry.EndsWith(')'))
        {
            var depth = 0;
            for (var i = entry.Length - 1; i >= 0; i--)
            {
                depth += entry[i] == ')' ? 1 : entry[i] == '(' ? -1 : 0;
                if (depth == 0)
                {
                    var start = i;
                    while (start > 0 && (char.IsLetter(entry[start - 1]) || entry[start - 1] == '-'))
                    {
                        start--;
                    }

                    // A bare parenthesis is the media condition itself: then there is no length.
                    return start == i ? (entry, string.Empty) : (entry[..start].Trim(), entry[start..]);
                }
            }
        }

        var space = entry.LastIndexOf(' ');
        return space < 0 ? (string.Empty, entry) : (entry[..space].Trim(), entry[(space + 1)..]);
    }

    /// <summary>Splits at commas outside parentheses.</summary>
    public static IEnumerable<string> SplitTopLevel(string text)
    {
        var depth = 0;
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            depth += text[i] == '(' ? 1 : text[i] == ')' && depth > 0 ? -1 : 0;
            if (text[i] == ',' && depth == 0)
            {
                yield return text[start..i];
                start = i + 1;
            }
        }

        if (start < text.Length)
        {
            yield return text[start..];
        }
    }

    /// <summary>A CSS length in px: px, vw, vh, em, rem, a unitless 0, and calc(), min(), max(), clamp() of them.</summary>
    public static double? Length(string text) => CssLength.Evaluate(text);
}

/// <summary>Evaluates a CSS length on the emulated phone: units px, vw, vh, em, rem; calc(), min(), max(), clamp().</summary>
internal static class CssLength
{
    private const double ViewportHeight = 823;
    private const double FontSize = 16;

    public static double? Evaluate(string text)
    {
        var position = 0;
        var value = Sum(text.Trim().ToLowerInvariant(), ref position);
        return value is not null && position == text.Trim().Length ? value : null;
    }

    private static double? Sum(string text, ref int position)
    {
        var value = Product(text, ref position);
        while (value is not null)
        {
            SkipSpaces(text, ref position);
            if (position >= text.Length || text[position] is not ('+' or '-'))
            {
                return value;
            }

            var minus = text[position++] == '-';
            var next = Product(text, ref position);
            value = next is null ? null : minus ? value - next : value + next;
        }

        return null;
    }

    private static double? Product(string text, ref int position)
    {
        var value = Term(text, ref position);
        while (value is not null)
        {
            SkipSpaces(text, ref position);
            if (position >= text.Length || text[position] is not ('*' or '/'))
            {
                return value;
            }

            var divide = text[position++] == '/';
            var next = Term(text, ref position);
            value = next is null || (divide && next == 0) ? null : divide ? value / next : value * next;
        }

        return null;
    }

    private static double? Term(string text, ref int position)
    {
        SkipSpaces(text, ref position);
        foreach (var function in new[] { "calc(", "min(", "max(", "clamp(", "(" })
        {
            if (string.CompareOrdinal(text, position, function, 0, function.Length) != 0)
            {
                continue;
            }

            position += function.Length;
            var arguments = new List<double>();
            while (true)
            {
                var argument = Sum(text, ref position);
                SkipSpaces(text, ref position);
                if (argument is null || position >= text.Length)
                {
                    return null;
                }

                arguments.Add(argument.Value);
                if (text[position++] == ')')
                {
                    break;
                }

                if (text[position - 1] != ',')
                {
                    return null;
                }
            }

            return function switch
            {
                "min(" => arguments.Min(),
                "max(" => arguments.Max(),
                "clamp(" when arguments.Count == 3 => Math.Max(arguments[0], Math.Min(arguments[1], arguments[2])),
                "clamp(" => null,
                _ => arguments.Count == 1 ? arguments[0] : null,
            };
        }

        var start = position;
        while (position < text.Length && (char.IsAsciiDigit(text[position]) || text[position] == '.'))
        {
            position++;
        }

        if (!double.TryParse(text.AsSpan(start, position - start), NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
        {
            return null;
        }

        foreach (var (unit, factor) in new[] { ("px", 1.0), ("vw", ResponsiveImages.ViewportWidth / 100), ("vh", ViewportHeight / 100), ("rem", FontSize), ("em", FontSize) })
        {
            if (string.CompareOrdinal(text, position, unit, 0, unit.Length) == 0)
            {
                position += unit.Length;
                return number * factor;
            }
        }

        return number; // unitless: 0 as a length, or a factor in calc()
    }

    private static void SkipSpaces(string text, ref int position)
    {
        while (position < text.Length && text[position] == ' ')
        {
            position++;
        }
    }
}

/// <summary>
/// A media query evaluated for the emulated phone (412 x 823 CSS px, device pixel ratio 1.75, touch, light, no reduced
/// motion): width, height and device sizes, resolution, orientation, aspect-ratio, hover and pointer, color scheme,
/// reduced motion; "and", "or", "not", "only" and lists; a query with a feature it cannot evaluate does not match.
/// </summary>
internal static class MediaQuery
{
    private const double ViewportHeight = 823;

    public static bool Matches(string query, double viewportWidth) =>
        ResponsiveImages.SplitTopLevel(query).Any(q => MatchesOne(q.Trim().ToLowerInvariant(), viewportWidth));

    private static bool MatchesOne(string query, double width)
    {
        var negate = query.StartsWith("not ", StringComparison.Ordinal);
        if (negate)
        {
            query = query[4..].Trim();
        }

        if (query.StartsWith("only ", StringComparison.Ordinal))
        {
            query = query[5..].Trim();
        }

        var result = Condition(query, width);
        return negate ? !result : result;
    }

    /// <summary>A condition: media types and parenthesized features joined by "and" or "or".</summary>
    private static bool Condition(string condition, double width)
    {
        var orParts = SplitWord(condition, " or ");
        if (orParts.Count > 1)
        {
            return orParts.Any(part => Condition(part, width));
        }

        return SplitWord(condition, " and ").All(part => part switch
        {
            "screen" or "all" => true,
            "print" => false,
            _ when part.StartsWith("not ", StringComparison.Ordinal) => !Condition(part[4..].Trim(), width),
            _ when part.StartsWith('(') && part.EndsWith(')') => Inner(part[1..^1].Trim(), width),
            _ => false,
        });
    }

    /// <summary>The inside of a parenthesis: a nested condition, or one feature.</summary>
    private static bool Inner(string inner, double width) =>
        inner.StartsWith('(') || inner.StartsWith("not ", StringComparison.Ordinal) || SplitWord(inner, " and ").Count > 1 || SplitWord(inner, " or ").Count > 1
            ? Condition(inner, width)
            : Feature(inner, width);

    /// <summary>Splits at a word outside parentheses.</summary>
    private static List<string> SplitWord(string text, string word)
    {
        var parts = new List<string>();
        var depth = 0;
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            depth += text[i] == '(' ? 1 : text[i] == ')' && depth > 0 ? -1 : 0;
            if (depth == 0 && string.CompareOrdinal(text, i, word, 0, word.Length) == 0)
            {
                parts.Add(text[start..i].Trim());
                start = i + word.Length;
                i += word.Length - 1;
            }
        }

        parts.Add(text[start..].Trim());
        return parts;
    }

    private static bool Feature(string feature, double width)
    {
        var colon = feature.IndexOf(':');
        if (colon < 0)
        {
            return feature switch
            {
                "hover" or "any-hover" or "color" or "monochrome" or "inverted-colors" or "prefers-reduced-motion" or "prefers-contrast" or "forced-colors" => feature is "color",
                "pointer" or "any-pointer" or "orientation" => true,
                _ => Range(feature, width),
            };
        }

        var name = feature[..colon].Trim();
        var value = feature[(colon + 1)..].Trim();
        return name switch
        {
            "min-width" or "min-device-width" => CssLength.Evaluate(value) is { } min && width >= min,
            "max-width" or "max-device-width" => CssLength.Evaluate(value) is { } max && width <= max,
            "width" or "device-width" => CssLength.Evaluate(value) is { } exact && width == exact,
            "min-height" or "min-device-height" => CssLength.Evaluate(value) is { } minHeight && ViewportHeight >= minHeight,
            "max-height" or "max-device-height" => CssLength.Evaluate(value) is { } maxHeight && ViewportHeight <= maxHeight,
            "orientation" => value == "portrait",
            "min-resolution" => Resolution(value) is { } minResolution && ResponsiveImages.DevicePixelRatio >= minResolution,
            "max-resolution" => Resolution(value) is { } maxResolution && ResponsiveImages.DevicePixelRatio <= maxResolution,
            "-webkit-min-device-pixel-ratio" or "min--moz-device-pixel-ratio" => double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var minRatio) && ResponsiveImages.DevicePixelRatio >= minRatio,
            "-webkit-max-device-pixel-ratio" => double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var maxRatio) && ResponsiveImages.DevicePixelRatio <= maxRatio,
            "hover" or "any-hover" => value == "none",
            "pointer" or "any-pointer" => value == "coarse",
            "prefers-color-scheme" => value == "light",
            "prefers-reduced-motion" or "prefers-reduced-data" or "prefers-reduced-transparency" => value == "no-preference",
            "prefers-contrast" => value == "no-preference",
            "forced-colors" => value == "none",
            _ => false,
        };
    }

    /// <summary>A resolution in dppx: 1.5dppx, 2x, 144dpi, 56.7dpcm.</summary>
    private static double? Resolution(string value)
    {
        foreach (var (unit, perDppx) in new[] { ("dppx", 1.0), ("dpcm", 96 / 2.54), ("dpi", 96.0), ("x", 1.0) })
        {
            if (value.EndsWith(unit, StringComparison.Ordinal) && double.TryParse(value[..^unit.Length], NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
            {
                return number / perDppx;
            }
        }

        return null;
    }

    /// <summary>Range syntax: (width >= 600px), (width < 40em), (400px <= width <= 700px), and the same for height.</summary>
    private static bool Range(string feature, double width)
    {
        foreach (var op in new[] { ">=", "<=", ">", "<", "=" })
        {
            var at = feature.IndexOf(op, StringComparison.Ordinal);
            if (at <= 0)
            {
                continue;
            }

            var left = feature[..at].Trim();
            var right = feature[(at + op.Length)..].Trim();
            if (left is "width" or "height" && CssLength.Evaluate(right) is { } r)
            {
                return Compare(left == "width" ? width : ViewportHeight, op, r);
            }

            foreach (var dimension in new[] { "width", "height" })
            {
                if (right.StartsWith(dimension, StringComparison.Ordinal) && CssLength.Evaluate(left) is { } l)
                {
                    var actual = dimension == "width" ? width : ViewportHeight;
                    var rest = right[dimension.Length..].Trim();
                    var inner = Compare(l, op, actual);
                    return rest.Length == 0 ? inner : inner && Range(dimension + " " + rest, width);
                }
            }

            return false;
        }

        return false;
    }

    private static bool Compare(double a, string op, double b) => op switch
    {
        ">=" => a >= b,
        "<=" => a <= b,
        ">" => a > b,
        "<" => a < b,
        _ => a == b,
    };
}
