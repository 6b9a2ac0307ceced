using System.Text;
using System.Text.RegularExpressions;

namespace BundleBudget.Core.Budgets;

/// <summary>
/// A glob over '/'-separated paths relative to the output folder: <c>**</c> any number of folders, <c>*</c> any characters
/// but '/', <c>?</c> one character but '/', <c>{a,b}</c> either, <c>[abc]</c> one of. Matching is case-sensitive, as URLs are.
/// </summary>
public sealed class FileGlob
{
    private readonly Regex _regex;

    private FileGlob(string pattern, Regex regex)
    {
        Pattern = pattern;
        _regex = regex;
    }

    public string Pattern { get; }

    public bool IsMatch(string relativePath) => _regex.IsMatch(relativePath);

    public static bool TryParse(string pattern, out FileGlob? glob, out string? error)
    {
        glob = null;
        var normalized = pattern.Replace('\\', '/');
        if (normalized.StartsWith("./", StringComparison.Ordinal))
        {
            normalized = normalized[2..];
        }

        if (normalized.Length == 0)
        {
            error = "the pattern is empty";
            return false;
        }

        if (normalized.StartsWith('/'))
        {
            error = "the pattern must be relative to the output folder (remove the leading '/')";
            return false;
        }

        var regex = new StringBuilder("^");
        var braceDepth = 0;
        for (var i = 0; i < normalized.Length; i++)
        {
            var c = normalized[i];
            switch (c)
            {
                case '*' when i + 1 < normalized.Length && normalized[i + 1] == '*':
                    var atSegmentStart = i == 0 || normalized[i - 1] == '/';
                    var followedBySlash = i + 2 < normalized.Length && normalized[i + 2] == '/';
                    if (atSegmentStart && followedBySlash)
                    {
                        regex.Append("(?:[^/]+/)*");
                        i += 2;
                    }
                    else if (atSegmentStart && i + 2 == normalized.Length)
                    {
                        regex.Append(".*");
                        i += 1;
                    }
                    else
                    {
                        error = "'**' must be a whole path segment, as in 'assets/**/*.js'";
                        return false;
                    }

                    break;
                case '*':
                    regex.Append("[^/]*");
                    break;
                case '?':
                    regex.Append("[^/]");
                    break;
                case '{':
                    braceDepth++;
                    regex.Append("(?:");
                    break;
                case '}' when braceDepth > 0:
                    braceDepth--;
                    regex.Append(')');
                    break;
                case ',' when braceDepth > 0:
                    regex.Append('|');
                    break;
                case '[':
                    var close = normalized.IndexOf(']', i + 1);
                    if (close < 0)
                    {
                        error = "'[' has no closing ']'";
                        return false;
                    }

                    var set = normalized[(i + 1)..close];
                    if (set.Length == 0 || set is "!" or "^")
                    {
                        error = "'[]' matches no character";
                        return false;
                    }

                    var negate = set.StartsWith('!') || set.StartsWith('^');
                    if (negate)
                    {
                        set = set[1..];
                    }

                    regex.Append('[').Append(negate ? "^" : string.Empty).Append(EscapeCharacterClass(set)).Append(']');
                    i = close;
                    break;
                default:
                    regex.Append(Regex.Escape(c.ToString()));
                    break;
            }
        }

        if (braceDepth != 0)
        {
            error = "'{' has no closing '}'";
            return false;
        }

        regex.Append('$');
        try
        {
            // Non-backtracking: matching time is linear in the path, whatever the pattern ("*a*a*a*a*b" included).
            glob = new FileGlob(pattern, new Regex(regex.ToString(), RegexOptions.CultureInvariant | RegexOptions.NonBacktracking));
        }
        catch (ArgumentException e)
        {
            error = $"the character class is not valid ({e.Message.TrimEnd('.')})";
            return false;
        }

        error = null;
        return true;
    }

    private static string EscapeCharacterClass(string set)
    {
        var escaped = new StringBuilder();
        foreach (var c in set)
        {
            if (c is '\\' or ']' or '[' or '^')
            {
                escaped.Append('\\');
            }

            escaped.Append(c);
        }

        return escaped.ToString();
    }

    public override string ToString() => Pattern;
}
