using AngleSharp.Css.Dom;
using AngleSharp.Css.Parser;
using System.Text.RegularExpressions;
using BundleBudget.Core.Assets;
using BundleBudget.Core.Pages;

namespace BundleBudget.Core.Fonts;

/// <summary>A font file named by an @font-face rule of a stylesheet.</summary>
/// <param name="Before">The files listed before it in the same src list, in order: a browser takes the first it supports.</param>
public sealed record FontFaceUse(string Font, string Stylesheet, string? Family, IReadOnlyList<string> Before);

/// <summary>Reads the @font-face rules of every stylesheet of the output (nested @media and @supports included).</summary>
public static partial class FontFaceReader
{
    public static IReadOnlyList<FontFaceUse> Read(IReadOnlyList<Asset> assets)
    {
        var resolver = new UrlResolver(assets.Select(a => a.Path).ToHashSet(StringComparer.Ordinal));
        var uses = new List<FontFaceUse>();
        foreach (var stylesheet in assets.Where(a => a.Type == AssetType.Stylesheet))
        {
            string css;
            try
            {
                css = File.ReadAllText(stylesheet.FullPath);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                continue; // the measurer reports unreadable files
            }

            foreach (var rule in FontFaces(new CssParser().ParseStyleSheet(css).Rules))
            {
                var files = CssUrl().Matches(rule.Source ?? string.Empty)
                    .Select(m => resolver.Resolve(stylesheet.Path, m.Groups["url"].Value))
                    .Where(r => !r.External && r.Path is not null)
                    .Select(r => r.Path!)
                    .Distinct(StringComparer.Ordinal)
                    .ToList();
                for (var i = 0; i < files.Count; i++)
                {
                    uses.Add(new FontFaceUse(files[i], stylesheet.Path, rule.Family?.Trim('"', '\''), files.Take(i).ToList()));
                }
            }
        }

        return uses;
    }

    private static IEnumerable<ICssFontFaceRule> FontFaces(ICssRuleList rules)
    {
        foreach (var rule in rules)
        {
            if (rule is ICssFontFaceRule fontFace)
            {
                yield return fontFace;
            }
            else if (rule is ICssGroupingRule group)
            {
                foreach (var nested in FontFaces(group.Rules))
                {
                    yield return nested;
                }
            }
        }
    }

    [GeneratedRegex(@"url\(\s*[""']?(?<url>[^""')]+)[""']?\s*\)", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex CssUrl();
}
