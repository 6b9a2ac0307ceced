namespace BundleBudget.Core.Pages;

/// <summary>
/// Vite loads a lazy chunk's CSS (and its other dependencies) with its preload helper when the dynamic import runs; it
/// lists them, relative to the site root, in the chunk's <c>__vite__mapDeps</c> array: <c>__vite__mapDeps=(i,m=__vite__mapDeps,
/// d=(m.f||(m.f=["assets/a.js","assets/a.css"])))=&gt;i.map(i=&gt;d[i])</c>. Read without a regular expression, in time
/// linear in the chunk.
/// </summary>
internal static class VitePreloads
{
    private const string Marker = "__vite__mapDeps";

    public static IReadOnlyList<string> Dependencies(string code)
    {
        var at = code.IndexOf(Marker, StringComparison.Ordinal);
        if (at < 0)
        {
            return [];
        }

        // The array follows the assignment within a short distance.
        var equals = code.IndexOf('=', at + Marker.Length);
        var open = equals < 0 ? -1 : code.IndexOf('[', equals, Math.Min(200, code.Length - equals));
        if (open < 0)
        {
            return [];
        }

        var dependencies = new List<string>();
        for (var i = open + 1; i < code.Length; i++)
        {
            var c = code[i];
            if (c == ']')
            {
                return dependencies;
            }

            if (c is '"' or '\'' or '`')
            {
                var close = code.IndexOf(c, i + 1);
                if (close < 0)
                {
                    break;
                }

                dependencies.Add(code[(i + 1)..close]);
                i = close;
            }
            else if (!(char.IsWhiteSpace(c) || c == ','))
            {
                break; // not a plain list of strings
            }
        }

        return dependencies;
    }
}
