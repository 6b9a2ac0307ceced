using System.Globalization;
using System.Text.RegularExpressions;

namespace BundleBudget.Core.Budgets;

/// <summary>A time limit: "3s", "2.5 s", "800ms".</summary>
public static partial class Duration
{
    public static bool TryParseMilliseconds(string text, out double milliseconds)
    {
        milliseconds = 0;
        var match = Pattern().Match(text);
        if (!match.Success || !double.TryParse(match.Groups["number"].Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
        {
            return false;
        }

        milliseconds = match.Groups["unit"].Value.ToLowerInvariant() is "ms" ? number : number * 1000;
        return milliseconds is > 0 and < 3_600_000;
    }

    [GeneratedRegex(@"^\s*(?<number>\d+(?:\.\d+)?)\s*(?<unit>ms|s|sec|secs|seconds?)\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
