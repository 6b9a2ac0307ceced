using System.Text.RegularExpressions;
using BundleBudget.Core.Reports;

namespace BundleBudget.Core.Compare;

/// <summary>
/// Pairs the assets of two builds: by path, else by name with the content hash taken out, so that
/// <c>main-3f2a1b.js</c> and <c>main-9c8d7e.js</c> are one asset that changed, not one removed and one added.
/// </summary>
public static partial class AssetMatcher
{
    /// <param name="normalize">What else to take out of names (bundlewatch's <c>normalizeFilenames</c>): every match of it.</param>
    public static (IReadOnlyList<(ReportAsset Base, ReportAsset Head)> Pairs, IReadOnlyList<ReportAsset> Removed, IReadOnlyList<ReportAsset> Added) Match(
        IReadOnlyList<ReportAsset> baseAssets, IReadOnlyList<ReportAsset> headAssets, Regex? normalize = null)
    {
        var pairs = new List<(ReportAsset, ReportAsset)>();

        // A path twice in one report (an edited or merged report) counts once.
        var headByPath = headAssets.GroupBy(a => a.Path, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        baseAssets = baseAssets.DistinctBy(a => a.Path, StringComparer.Ordinal).ToList();
        var baseLeft = new List<ReportAsset>();
        foreach (var asset in baseAssets)
        {
            if (headByPath.Remove(asset.Path, out var head))
            {
                pairs.Add((asset, head));
            }
            else
            {
                baseLeft.Add(asset);
            }
        }

        var headLeft = headByPath.Values.ToList();
        var baseByKey = baseLeft.GroupBy(a => Key(a.Path, normalize)).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        var headByKey = headLeft.GroupBy(a => Key(a.Path, normalize)).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        var removed = new List<ReportAsset>();
        foreach (var (key, bases) in baseByKey)
        {
            // Only a one-to-one match is trusted: two base chunks named "vendor-*" cannot be told apart.
            if (bases.Count == 1 && headByKey.TryGetValue(key, out var heads) && heads.Count == 1)
            {
                pairs.Add((bases[0], heads[0]));
                headByKey.Remove(key);
            }
            else
            {
                removed.AddRange(bases);
            }
        }

        var added = headByKey.Values.SelectMany(h => h).ToList();
        return (
            pairs.OrderBy(p => p.Item2.Path, StringComparer.Ordinal).ToList(),
            removed.OrderBy(a => a.Path, StringComparer.Ordinal).ToList(),
            added.OrderBy(a => a.Path, StringComparer.Ordinal).ToList());
    }

    private static string Key(string path, Regex? normalize) =>
        normalize is null ? WithoutHash(path) : WithoutHash(Normalized(path, normalize));

    /// <summary>The path with every match of the user's pattern taken out; a pattern that runs too long leaves it as it is.</summary>
    private static string Normalized(string path, Regex normalize)
    {
        try
        {
            return normalize.Replace(path, string.Empty);
        }
        catch (RegexMatchTimeoutException)
        {
            return path;
        }
    }

    /// <summary>
    /// The path with a content hash removed: "assets/main-C17BpASX.js" gives "assets/main-*.js", "main.3f2a1b9c.js"
    /// gives "main.*.js", ASP.NET Core's "dotnet.k5y3w03gkz.js" gives "dotnet.*.js".
    /// </summary>
    public static string WithoutHash(string path)
    {
        var slash = path.LastIndexOf('/');
        var folder = path[..(slash + 1)];
        var name = path[(slash + 1)..];
        var match = HashedName().Match(name);
        return match.Success && (LooksLikeHash(match.Groups["hash"].Value) || IsFingerprint(match))
            ? $"{folder}{match.Groups["name"].Value}{match.Groups["separator"].Value}*{match.Groups["extension"].Value}"
            : path;
    }

    /// <summary>
    /// ASP.NET Core's fingerprint: 10 lowercase letters and digits after a '.', which may be all letters (one in 25 is):
    /// taken as one whatever it spells. A name such as <c>site.navigation.css</c> then pairs only with a name that
    /// differs from it in that part alone, and only when each is the one such file of its build.
    /// </summary>
    private static bool IsFingerprint(Match match) => match.Groups["fingerprint"].Success && match.Groups["separator"].Value == ".";

    /// <summary>Hex of 8 or more, or 8 or more mixed characters with a digit or an inner capital (not a word like "Settings").</summary>
    private static bool LooksLikeHash(string candidate) =>
        HexHash().IsMatch(candidate)
        || (candidate.Length >= 8 && (candidate.Any(char.IsAsciiDigit) || candidate.Skip(1).Any(char.IsAsciiLetterUpper) || candidate.Contains('_') || candidate.Contains('-')));

    /// <summary>
    /// Vite and Rollup put 8 base64url characters after a '-'; webpack and Angular 8 to 32 hex digits after a '.' or
    /// '-'; ASP.NET Core's static web assets 10 lowercase letters and digits after a '.' (<c>name.{fingerprint}.ext</c>).
    /// </summary>
    [GeneratedRegex(@"^(?<name>.+)(?<separator>[.-])(?<hash>[A-Za-z0-9_-]{8}|[0-9a-f]{8,32}|(?<fingerprint>[a-z0-9]{10}))(?<extension>(\.[A-Za-z0-9]+)+)$", RegexOptions.CultureInvariant)]
    private static partial Regex HashedName();

    [GeneratedRegex(@"^[0-9a-f]{8,32}$", RegexOptions.CultureInvariant)]
    private static partial Regex HexHash();
}
