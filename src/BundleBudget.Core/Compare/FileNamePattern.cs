using System.Text.RegularExpressions;

namespace BundleBudget.Core.Compare;

/// <summary>
/// A user's pattern of what to take out of file names before pairing two reports' files (bundlewatch's
/// <c>normalizeFilenames</c>): for hashes BundleBudget does not recognise, such as <c>app.v2-abc.js</c>.
/// </summary>
public static class FileNamePattern
{
    /// <summary>The pattern, matched with a time limit (a pattern that backtracks without end gives up on that name only).</summary>
    /// <exception cref="ArgumentException">Not a valid .NET regular expression; the message says why.</exception>
    public static Regex Parse(string pattern) => new(pattern, RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(200));

    /// <summary>The pattern, or null with why it is not one.</summary>
    public static Regex? TryParse(string? pattern, out string? problem)
    {
        problem = null;
        if (string.IsNullOrEmpty(pattern))
        {
            return null;
        }

        try
        {
            return Parse(pattern);
        }
        catch (ArgumentException e)
        {
            problem = $"\"{pattern}\" is not a regular expression: {e.Message}";
            return null;
        }
    }
}
