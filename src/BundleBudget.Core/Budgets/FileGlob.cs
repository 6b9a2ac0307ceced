namespace BundleBudget.Core.Budgets;

/// <summary>
/// A glob over '/'-separated paths relative to the output folder: <c>**</c> any number of folders, <c>*</c> any characters
/// but '/', <c>?</c> one character but '/', <c>{a,b}</c> either, <c>[abc]</c> or <c>[a-z]</c> one of (<c>[!...]</c> none of).
/// Matching is case-sensitive, as URLs are. A pattern compiles to a small automaton that is simulated over the path:
/// building one costs microseconds, and matching takes time linear in the path whatever the pattern
/// (<c>*a*a*a*a*b</c> included).
/// </summary>
public sealed class FileGlob
{
    private static readonly char[] Wildcards = ['*', '?', '[', '{'];

    /// <summary>
    /// A pattern split before its first segment with a wildcard: the folders all its files are in, and the rest. A
    /// pattern without a wildcard is one file: its folder, then its name.
    /// </summary>
    public static (string[] Folder, string[] Remainder) SplitAtWildcard(string pattern)
    {
        var segments = pattern.Replace('\\', '/').Split('/');
        var literal = segments.TakeWhile(s => s.IndexOfAny(Wildcards) < 0).Count();
        if (literal == segments.Length)
        {
            literal--;
        }

        return (segments[..literal], segments[literal..]);
    }

    /// <summary>Brace alternatives multiply; beyond this many a pattern is refused rather than slow.</summary>
    private const int MaxAlternatives = 256;

    private readonly IReadOnlyList<Atom[]> _alternatives;

    private FileGlob(string pattern, IReadOnlyList<Atom[]> alternatives)
    {
        Pattern = pattern;
        _alternatives = alternatives;
    }

    public string Pattern { get; }

    private enum AtomKind
    {
        Literal,
        AnyCharacter,
        AnySegmentText,
        AnyFolders,
        AnyRest,
        CharacterSet,
    }

    public bool IsMatch(string relativePath)
    {
        foreach (var atoms in _alternatives)
        {
            if (Matches(atoms, relativePath))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether some path inside <paramref name="folder"/> (relative, no trailing '/') could match: false only when the pattern's fixed folders rule it out.</summary>
    public bool CouldMatchUnder(string folder)
    {
        if (folder.Length == 0)
        {
            return true;
        }

        var folderSegments = folder.Split('/');
        foreach (var atoms in _alternatives)
        {
            // A path inside the folder has more segments than the folder: a pattern without '**' has as many as its '/'s say.
            var unbounded = atoms.Any(a => a.Kind is AtomKind.AnyFolders or AtomKind.AnyRest);
            var segments = atoms.Count(a => a.Kind == AtomKind.Literal && a.Character == '/') + 1;
            if (!unbounded && segments <= folderSegments.Length)
            {
                continue;
            }

            var fixedSegments = FixedSegments(atoms);
            var shared = Math.Min(fixedSegments.Count, folderSegments.Length);
            if (Enumerable.Range(0, shared).All(i => fixedSegments[i] == folderSegments[i]))
            {
                return true;
            }
        }

        return false;
    }

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

        if (!TryExpandBraces(normalized, out var expanded, out error))
        {
            return false;
        }

        var alternatives = new List<Atom[]>(expanded.Count);
        foreach (var alternative in expanded)
        {
            if (!TryCompile(alternative, out var atoms, out error))
            {
                return false;
            }

            alternatives.Add(atoms);
        }

        glob = new FileGlob(pattern, alternatives);
        error = null;
        return true;
    }

    public override string ToString() => Pattern;

    /// <summary>Simulates the automaton: the set of atoms the path so far can have reached, advanced one character at a time.</summary>
    private static bool Matches(Atom[] atoms, string path)
    {
        // States 0..n: before atom i (n = the end). For AnyFolders, InSegment[i] means inside a folder name it consumes.
        var count = atoms.Length + 1;
        Span<bool> current = count <= 128 ? stackalloc bool[count] : new bool[count];
        Span<bool> inSegment = count <= 128 ? stackalloc bool[count] : new bool[count];
        Span<bool> next = count <= 128 ? stackalloc bool[count] : new bool[count];
        Span<bool> nextInSegment = count <= 128 ? stackalloc bool[count] : new bool[count];
        current[0] = true;
        Close(atoms, current);
        foreach (var c in path)
        {
            next.Clear();
            nextInSegment.Clear();
            var any = false;
            for (var i = 0; i < atoms.Length; i++)
            {
                var atom = atoms[i];
                if (inSegment[i])
                {
                    if (c == '/')
                    {
                        next[i] = any = true;
                    }
                    else
                    {
                        nextInSegment[i] = any = true;
                    }
                }

                if (!current[i])
                {
                    continue;
                }

                switch (atom.Kind)
                {
                    case AtomKind.Literal when atom.Character == c:
                    case AtomKind.AnyCharacter when c != '/':
                    case AtomKind.CharacterSet when atom.Set!.Contains(c):
                        next[i + 1] = any = true;
                        break;
                    case AtomKind.AnySegmentText when c != '/':
                    case AtomKind.AnyRest:
                        next[i] = any = true;
                        break;
                    case AtomKind.AnyFolders when c != '/':
                        nextInSegment[i] = any = true;
                        break;
                }
            }

            if (!any)
            {
                return false;
            }

            var swap = current;
            current = next;
            next = swap;
            swap = inSegment;
            inSegment = nextInSegment;
            nextInSegment = swap;
            Close(atoms, current);
        }

        return current[atoms.Length];
    }

    /// <summary>Adds the states reachable without a character: past '*', '**/' and '**', which may match nothing.</summary>
    private static void Close(Atom[] atoms, Span<bool> states)
    {
        for (var i = 0; i < atoms.Length; i++)
        {
            if (states[i] && atoms[i].Kind is AtomKind.AnySegmentText or AtomKind.AnyFolders or AtomKind.AnyRest)
            {
                states[i + 1] = true;
            }
        }
    }

    private static List<string> FixedSegments(Atom[] atoms)
    {
        var segments = new List<string>();
        var segment = new System.Text.StringBuilder();
        foreach (var atom in atoms)
        {
            if (atom.Kind != AtomKind.Literal)
            {
                break;
            }

            if (atom.Character == '/')
            {
                segments.Add(segment.ToString());
                segment.Clear();
            }
            else
            {
                segment.Append(atom.Character);
            }
        }

        return segments;
    }

    private static bool TryCompile(string pattern, out Atom[] atoms, out string? error)
    {
        var list = new List<Atom>();
        atoms = [];
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            switch (c)
            {
                case '*' when i + 1 < pattern.Length && pattern[i + 1] == '*':
                    var atSegmentStart = i == 0 || pattern[i - 1] == '/';
                    if (atSegmentStart && i + 2 < pattern.Length && pattern[i + 2] == '/')
                    {
                        list.Add(new Atom(AtomKind.AnyFolders));
                        i += 2;
                    }
                    else if (atSegmentStart && i + 2 == pattern.Length)
                    {
                        list.Add(new Atom(AtomKind.AnyRest));
                        i += 1;
                    }
                    else
                    {
                        error = "'**' must be a whole path segment, as in 'assets/**/*.js'";
                        return false;
                    }

                    break;
                case '*':
                    list.Add(new Atom(AtomKind.AnySegmentText));
                    break;
                case '?':
                    list.Add(new Atom(AtomKind.AnyCharacter));
                    break;
                case '[':
                    var close = pattern.IndexOf(']', i + 1);
                    if (close < 0)
                    {
                        error = "'[' has no closing ']'";
                        return false;
                    }

                    var set = pattern[(i + 1)..close];
                    if (set.Length == 0 || set is "!" or "^")
                    {
                        error = "'[]' matches no character";
                        return false;
                    }

                    if (!CharacterSet.TryParse(set, out var parsed, out error))
                    {
                        return false;
                    }

                    list.Add(new Atom(AtomKind.CharacterSet) { Set = parsed });
                    i = close;
                    break;
                default:
                    list.Add(new Atom(AtomKind.Literal, c));
                    break;
            }
        }

        atoms = [.. list];
        error = null;
        return true;
    }

    /// <summary>Expands {a,b} alternatives (nested ones too) into plain patterns.</summary>
    private static bool TryExpandBraces(string pattern, out List<string> expanded, out string? error)
    {
        expanded = [];
        var open = IndexOfBrace(pattern);
        if (open < 0)
        {
            expanded.Add(pattern);
            error = null;
            return true;
        }

        var depth = 0;
        var close = -1;
        var options = new List<string>();
        var start = open + 1;
        for (var i = open; i < pattern.Length && close < 0; i++)
        {
            switch (pattern[i])
            {
                case '[':
                    var end = pattern.IndexOf(']', i + 1);
                    i = end < 0 ? i : end;
                    break;
                case '{':
                    depth++;
                    break;
                case '}':
                    if (--depth == 0)
                    {
                        options.Add(pattern[start..i]);
                        close = i;
                    }

                    break;
                case ',' when depth == 1:
                    options.Add(pattern[start..i]);
                    start = i + 1;
                    break;
            }
        }

        if (close < 0)
        {
            error = "'{' has no closing '}'";
            return false;
        }

        foreach (var option in options)
        {
            if (!TryExpandBraces(pattern[..open] + option + pattern[(close + 1)..], out var more, out error))
            {
                return false;
            }

            expanded.AddRange(more);
            if (expanded.Count > MaxAlternatives)
            {
                error = $"its braces expand to more than {MaxAlternatives} alternatives";
                return false;
            }
        }

        error = null;
        return true;
    }

    /// <summary>The first '{' outside a character class, or -1.</summary>
    private static int IndexOfBrace(string pattern)
    {
        for (var i = 0; i < pattern.Length; i++)
        {
            if (pattern[i] == '[')
            {
                var end = pattern.IndexOf(']', i + 1);
                if (end < 0)
                {
                    return -1;
                }

                i = end;
            }
            else if (pattern[i] == '{')
            {
                return i;
            }
        }

        return -1;
    }

    private sealed record Atom(AtomKind Kind, char Character = '\0')
    {
        public CharacterSet? Set { get; init; }
    }

    /// <summary>The characters of a [...] class: single characters and ranges, possibly negated. Never '/' unless named.</summary>
    private sealed class CharacterSet
    {
        private readonly List<(char From, char To)> _ranges;
        private readonly bool _negated;

        private CharacterSet(List<(char, char)> ranges, bool negated)
        {
            _ranges = ranges;
            _negated = negated;
        }

        public bool Contains(char c)
        {
            var inRanges = _ranges.Any(r => c >= r.From && c <= r.To);
            return _negated ? !inRanges && c != '/' : inRanges;
        }

        public static bool TryParse(string set, out CharacterSet? parsed, out string? error)
        {
            parsed = null;
            var negated = set[0] is '!' or '^';
            var body = negated ? set[1..] : set;
            var ranges = new List<(char, char)>();
            for (var i = 0; i < body.Length; i++)
            {
                if (i + 2 < body.Length && body[i + 1] == '-')
                {
                    if (body[i + 2] < body[i])
                    {
                        error = $"the character class is not valid (the range {body[i]}-{body[i + 2]} is reversed)";
                        return false;
                    }

                    ranges.Add((body[i], body[i + 2]));
                    i += 2;
                }
                else
                {
                    ranges.Add((body[i], body[i]));
                }
            }

            parsed = new CharacterSet(ranges, negated);
            error = null;
            return true;
        }
    }
}
