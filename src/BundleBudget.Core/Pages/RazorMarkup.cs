using System.Text;
using System.Text.RegularExpressions;

namespace BundleBudget.Core.Pages;

/// <summary>
/// The HTML of a server-rendered layout (<c>_Layout.cshtml</c>, Blazor's <c>App.razor</c>) as far as it can be known
/// without running it: what its tags load. Razor code is skipped, never executed: comments (<c>@* *@</c>) and code
/// blocks go, expressions between tags go, <c>@Assets["x"]</c> (.NET 9+) is the path it names, <c>~/</c> is the app's
/// root, and a URL computed by any other expression is marked (<see cref="DynamicMarker"/>) so that the page says it
/// was not followed. <c>&lt;environment include="Development"&gt;</c> blocks are left out: what ships is production's.
/// </summary>
internal static partial class RazorMarkup
{
    /// <summary>Stands for a Razor expression inside a URL: such a URL is known only when the server renders the page.</summary>
    public const string DynamicMarker = "{razor-expression}";

    public static bool IsRazor(string path) =>
        path.EndsWith(".cshtml", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".razor", StringComparison.OrdinalIgnoreCase);

    public static string ToHtml(string razor)
    {
        var text = CommentPattern().Replace(razor, string.Empty);
        text = DevelopmentOnlyPattern().Replace(text, string.Empty);
        text = AssetsPattern().Replace(text, m => m.Groups["path"].Value);
        text = AppRootPattern().Replace(text, "${open}/");
        var html = new StringBuilder(text.Length);
        var startsWebAssembly = false;
        var inTag = false;
        char quote = '\0';
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            // A directive attribute of a component (@rendermode="...", @key, @bind-Value): gone, with its value; a
            // render mode of WebAssembly on the whole app starts the .NET runtime with every page.
            if (c == '@' && inTag && quote == '\0' && i + 1 < text.Length && char.IsLetter(text[i + 1]))
            {
                var (name, value, end) = DirectiveAttribute(text, i + 1);
                startsWebAssembly |= name == "rendermode" && value.Contains("InteractiveWebAssembly", StringComparison.Ordinal);
                i = end - 1;
                continue;
            }

            // After a letter or digit '@' is text (an e-mail address, pkg@latest), as Razor reads it.
            if (c == '@' && (i == 0 || !char.IsLetterOrDigit(text[i - 1])))
            {
                if (i + 1 < text.Length && text[i + 1] == '@')
                {
                    html.Append('@');
                    i++;
                    continue;
                }

                var end = ExpressionEnd(text, i + 1);
                if (end > i + 1)
                {
                    // Inside an attribute value the expression is (part of) the value: marked; elsewhere it is gone.
                    if (inTag && quote != '\0')
                    {
                        html.Append(DynamicMarker);
                    }

                    i = end - 1;
                    continue;
                }
            }

            if (!inTag && c == '<' && i + 1 < text.Length && (char.IsLetter(text[i + 1]) || text[i + 1] == '/'))
            {
                inTag = true;
            }
            else if (inTag && quote == '\0' && c == '>')
            {
                inTag = false;
            }
            else if (inTag && (c == '"' || c == '\''))
            {
                quote = quote == '\0' ? c : quote == c ? '\0' : quote;
            }

            html.Append(c);
        }

        // blazor.web.js imports the runtime's loader (dotnet.js beside it) when a component renders interactively on
        // WebAssembly: with the whole app so rendered, at the start of every page, as this module says.
        if (startsWebAssembly)
        {
            html.Append("<script type=\"module\">import \"").Append(WebAssemblyLoader).Append("\";</script>");
        }

        return html.ToString();
    }

    /// <summary>The .NET WebAssembly runtime's loader, as blazor.web.js imports it.</summary>
    public const string WebAssemblyLoader = "/_framework/dotnet.js";

    /// <summary>A component's directive attribute from its name: the name, its value (quotes taken off), and where it ends.</summary>
    private static (string Name, string Value, int End) DirectiveAttribute(string text, int start)
    {
        var i = start;
        while (i < text.Length && (char.IsLetterOrDigit(text[i]) || text[i] is '_' or ':' or '-' or '.'))
        {
            i++;
        }

        var name = text[start..i];
        var afterName = i;
        i = SkipSpace(text, i);
        if (i >= text.Length || text[i] != '=')
        {
            return (name, string.Empty, afterName);
        }

        i = SkipSpace(text, i + 1);
        if (i < text.Length && text[i] is '"' or '\'')
        {
            var close = text.IndexOf(text[i], i + 1);
            var end = close < 0 ? text.Length : close + 1;
            return (name, text[(i + 1)..Math.Max(i + 1, end - 1)], end);
        }

        var valueStart = i;
        while (i < text.Length && !char.IsWhiteSpace(text[i]) && text[i] != '>' && !(text[i] == '/' && i + 1 < text.Length && text[i + 1] == '>'))
        {
            i++;
        }

        return (name, text[valueStart..i], i);
    }

    /// <summary>
    /// Where a Razor transition's code ends: a block (<c>@{ }</c>, <c>@code { }</c>, <c>@functions { }</c>), an
    /// explicit expression (<c>@( )</c>), or an implicit one (<c>@Model.Name</c>, <c>@Html.Raw(x)</c>,
    /// <c>@ViewData["Title"]</c>); for <c>@if (x) {</c> and the like only the keyword and its condition, so that the
    /// markup inside stays. Returns <paramref name="start"/> when no code follows (an e-mail address, a stray '@').
    /// </summary>
    private static int ExpressionEnd(string text, int start)
    {
        if (start >= text.Length)
        {
            return start;
        }

        if (text[start] is '{' or '(')
        {
            return Balanced(text, start);
        }

        var i = start;
        while (i < text.Length && (char.IsLetterOrDigit(text[i]) || text[i] == '_'))
        {
            i++;
        }

        if (i == start || char.IsDigit(text[start]))
        {
            return start;
        }

        var word = text[start..i];
        if (word is "code" or "functions")
        {
            var brace = SkipSpace(text, i);
            return brace < text.Length && text[brace] == '{' ? Balanced(text, brace) : i;
        }

        if (word is "if" or "foreach" or "for" or "while" or "switch" or "using" or "lock")
        {
            var paren = SkipSpace(text, i);
            return paren < text.Length && text[paren] == '(' ? Balanced(text, paren) : i;
        }

        if (word is "page" or "model" or "inject" or "layout" or "inherits" or "implements" or "namespace" or "attribute" or "rendermode" or "typeparam" or "addTagHelper" or "removeTagHelper" or "tagHelperPrefix" or "preservewhitespace")
        {
            var lineEnd = text.IndexOf('\n', i);
            return lineEnd < 0 ? text.Length : lineEnd;
        }

        // "await " goes with what it awaits (however many times it is written: a loop, never a recursion).
        while (word == "await")
        {
            var next = SkipSpace(text, i);
            var end = next;
            while (end < text.Length && (char.IsLetterOrDigit(text[end]) || text[end] == '_'))
            {
                end++;
            }

            if (end == next)
            {
                return i;
            }

            (i, word) = (end, text[next..end]);
        }

        // Member access, calls and indexers: @a.b(c)[d].e.

        while (i < text.Length)
        {
            if (text[i] is '(' or '[')
            {
                i = Balanced(text, i);
            }
            else if (text[i] == '.' && i + 1 < text.Length && (char.IsLetter(text[i + 1]) || text[i + 1] == '_'))
            {
                i++;
                while (i < text.Length && (char.IsLetterOrDigit(text[i]) || text[i] == '_'))
                {
                    i++;
                }
            }
            else
            {
                break;
            }
        }

        return i;
    }

    private static int SkipSpace(string text, int i)
    {
        while (i < text.Length && char.IsWhiteSpace(text[i]))
        {
            i++;
        }

        return i;
    }

    /// <summary>The index after the bracket that closes the one at <paramref name="open"/>, skipping C# strings and characters; the end of the text when it never closes.</summary>
    private static int Balanced(string text, int open)
    {
        var depth = 0;
        for (var i = open; i < text.Length; i++)
        {
            switch (text[i])
            {
                case '(' or '[' or '{':
                    depth++;
                    break;
                case ')' or ']' or '}':
                    if (--depth == 0)
                    {
                        return i + 1;
                    }

                    break;
                case '"' or '\'':
                    var quote = text[i];
                    for (i++; i < text.Length && text[i] != quote && text[i] != '\n'; i++)
                    {
                        if (text[i] == '\\')
                        {
                            i++;
                        }
                    }

                    break;
            }
        }

        return text.Length;
    }

    [GeneratedRegex(@"@\*.*?\*@", RegexOptions.Singleline | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 2000)]
    private static partial Regex CommentPattern();

    [GeneratedRegex(@"<environment\s+(?:include|names)\s*=\s*[""']\s*Development\s*[""']\s*>.*?</environment\s*>", RegexOptions.Singleline | RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 2000)]
    private static partial Regex DevelopmentOnlyPattern();

    [GeneratedRegex(@"@Assets\[\s*""(?<path>[^""]*)""\s*\]", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 2000)]
    private static partial Regex AssetsPattern();

    [GeneratedRegex(@"(?<open>=\s*[""']?)~/", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 2000)]
    private static partial Regex AppRootPattern();
}
