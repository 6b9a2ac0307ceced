namespace BundleBudget.Core.Pages;

/// <summary>A module a built chunk loads: a static <c>import</c>/<c>export ... from</c>, or a dynamic <c>import()</c>.</summary>
internal sealed record ChunkImport(string Specifier, bool Dynamic);

/// <summary>
/// Finds the module references of a built JavaScript chunk in one pass over its text, without building a syntax tree:
/// bundlers' output is valid JavaScript, and what a page loads only needs the static <c>import</c> and
/// <c>export ... from</c> declarations and the <c>import()</c> calls with a literal specifier. Strings, template
/// literals (with nested <c>${}</c>), comments and regular expressions are skipped exactly, so nothing inside them
/// is taken for an import; a regular expression is told from a division by the token before it, as JavaScript's
/// grammar does (a <c>)</c> closing <c>if (...)</c>, <c>while (...)</c>, <c>for (...)</c> or <c>with (...)</c> may
/// be followed by one). Time is linear in the length of the text and memory constant but for the references found.
/// </summary>
internal sealed class ChunkImportScanner
{
    private readonly string _text;
    private readonly List<ChunkImport> _found = [];
    private readonly Stack<bool> _parens = new();
    private readonly Stack<int> _templates = new();
    private int _position;
    private int _braces;
    private Previous _previous = Previous.Start;

    /// <summary>Whether the last name was if, while, for or with: the ')' closing the parenthesis after it may precede a regular expression.</summary>
    private bool _lastWasControlKeyword;

    /// <summary>Whether the last name was the keyword new.</summary>
    private bool _lastWasNew;

    private ChunkImportScanner(string text) => _text = text;

    private enum Previous
    {
        /// <summary>Nothing yet, or a punctuator or keyword after which an expression starts: a '/' begins a regular expression.</summary>
        Start,

        /// <summary>The end of an operand (a name, literal, ')' or ']'): a '/' divides.</summary>
        Operand,

        /// <summary>A '.' or '?.': the next name is a property, never the keyword import or export.</summary>
        Dot,
    }

    /// <summary>The references in source order, and why the text could not be read to its end (null when it could).</summary>
    public static (IReadOnlyList<ChunkImport> References, string? Problem) Scan(string text)
    {
        var scanner = new ChunkImportScanner(text);
        var problem = scanner.Run();
        return (scanner._found, problem);
    }

    private string? Run()
    {
        if (_text.StartsWith("#!", StringComparison.Ordinal))
        {
            SkipLineComment();
        }

        while (_position < _text.Length)
        {
            var c = _text[_position];
            if (c != '(' && !IsIdentifierStart(c) && !char.IsWhiteSpace(c) && c != '/')
            {
                _lastWasControlKeyword = false;
            }

            switch (c)
            {
                case ' ' or '\t' or '\n' or '\r' or '\v' or '\f' or '\u00A0' or '\uFEFF' or '\u2028' or '\u2029':
                    _position++;
                    break;
                case '/' when Peek(1) == '/':
                    SkipLineComment();
                    break;
                case '/' when Peek(1) == '*':
                    if (!SkipBlockComment())
                    {
                        return Unterminated("comment");
                    }

                    break;
                case '/' when _previous == Previous.Start:
                    if (!SkipRegularExpression())
                    {
                        return Unterminated("regular expression");
                    }

                    _previous = Previous.Operand;
                    break;
                case '\'' or '"':
                    if (ReadString(_position, out _, out var end) is null)
                    {
                        return Unterminated("string");
                    }

                    _position = end;
                    _previous = Previous.Operand;
                    break;
                case '`':
                    _position++;
                    if (!ContinueTemplate())
                    {
                        return Unterminated("template literal");
                    }

                    break;
                case '(':
                    _parens.Push(_lastWasControlKeyword);
                    _lastWasControlKeyword = false;
                    _position++;
                    _previous = Previous.Start;
                    break;
                case ')':
                    var control = _parens.Count > 0 && _parens.Pop();
                    _position++;
                    _previous = control ? Previous.Start : Previous.Operand;
                    break;
                case ']':
                    _position++;
                    _previous = Previous.Operand;
                    break;
                case '{':
                    _braces++;
                    _position++;
                    _previous = Previous.Start;
                    break;
                case '}':
                    if (_templates.Count > 0 && _templates.Peek() == _braces)
                    {
                        _templates.Pop();
                        _position++;
                        if (!ContinueTemplate())
                        {
                            return Unterminated("template literal");
                        }

                        break;
                    }

                    _braces = Math.Max(0, _braces - 1);
                    _position++;
                    _previous = Previous.Start; // the end of a block: a statement, maybe a regular expression, may follow
                    break;
                case '.' when !IsDigit(Peek(1)):
                    _position++;
                    _previous = Previous.Dot;
                    break;
                case '?' when Peek(1) == '.' && !IsDigit(Peek(2)):
                    _position += 2;
                    _previous = Previous.Dot;
                    break;
                case '+' when Peek(1) == '+':
                case '-' when Peek(1) == '-':
                    _position += 2;
                    _previous = Previous.Operand; // x++ / 2 divides (and ++ before an operand leaves no '/' to decide)
                    break;
                case '#':
                    _position++;
                    SkipIdentifierPart();
                    _previous = Previous.Operand;
                    break;
                default:
                    if (IsDigit(c) || (c == '.' && IsDigit(Peek(1))))
                    {
                        SkipNumber();
                        _previous = Previous.Operand;
                    }
                    else if (IsIdentifierStart(c))
                    {
                        ReadWord();
                    }
                    else
                    {
                        _position++;
                        _previous = Previous.Start;
                    }

                    break;
            }
        }

        return _templates.Count > 0 ? Unterminated("template literal") : null;
    }

    private void ReadWord()
    {
        var start = _position;
        SkipIdentifierPart();
        var word = _text.AsSpan(start, _position - start);
        var afterDot = _previous == Previous.Dot;
        _lastWasControlKeyword = !afterDot && word is "if" or "while" or "for" or "with";
        var afterNew = _lastWasNew;
        _lastWasNew = !afterDot && word.SequenceEqual("new");
        if (afterNew && word.SequenceEqual("URL"))
        {
            PeekAssetUrl(_position);
        }
        else if (!afterDot && word.SequenceEqual("import"))
        {
            PeekImport(_position);
        }
        else if (!afterDot && word.SequenceEqual("export"))
        {
            PeekExport(_position);
        }

        _previous = !afterDot && IsExpressionKeyword(word) ? Previous.Start : Previous.Operand;
    }

    /// <summary>After the keyword import: <c>import "m"</c>, <c>import x, { y } from "m"</c>, <c>import * as x from "m"</c> or <c>import("m")</c>.</summary>
    private void PeekImport(int position)
    {
        var at = SkipTrivia(position);
        if (at >= _text.Length)
        {
            return;
        }

        switch (_text[at])
        {
            case '(':
                var argument = SkipTrivia(at + 1);
                if (ReadSpecifier(argument, out var afterArgument) is { } dynamicSpecifier && SkipTrivia(afterArgument) is var close && close < _text.Length && _text[close] is ')' or ',')
                {
                    _found.Add(new ChunkImport(dynamicSpecifier, Dynamic: true));
                }

                return;
            case '\'' or '"':
                if (ReadString(at, out _, out _) is { } sideEffect)
                {
                    _found.Add(new ChunkImport(sideEffect, Dynamic: false));
                }

                return;
            case '.':
                return; // import.meta
            default:
                if (FromClause(at) is { } specifier)
                {
                    _found.Add(new ChunkImport(specifier, Dynamic: false));
                }

                return;
        }
    }

    /// <summary>
    /// After <c>new URL</c>: <c>new URL("./worker.js", import.meta.url)</c> names a file of the output relative to the chunk
    /// (a worker, a WebAssembly module, an asset), fetched when the code runs: a lazy reference, like import().
    /// </summary>
    private void PeekAssetUrl(int position)
    {
        var at = SkipTrivia(position);
        if (at >= _text.Length || _text[at] != '(' || ReadSpecifier(SkipTrivia(at + 1), out var afterSpecifier) is not { } specifier)
        {
            return;
        }

        at = SkipTrivia(afterSpecifier);
        if (at >= _text.Length || _text[at] != ',')
        {
            return;
        }

        at = SkipTrivia(at + 1);
        foreach (var part in new[] { "import", ".", "meta", ".", "url" })
        {
            if (string.CompareOrdinal(_text, at, part, 0, part.Length) != 0)
            {
                return;
            }

            at = SkipTrivia(at + part.Length);
        }

        // A folder ("./", Emscripten's script directory) is a base for other URLs, not a file anything downloads.
        if (at < _text.Length && _text[at] is ')' or ',' && !specifier.EndsWith('/'))
        {
            _found.Add(new ChunkImport(specifier, Dynamic: true));
        }
    }

    /// <summary>After the keyword export: <c>export * from "m"</c>, <c>export * as x from "m"</c>, <c>export { x as y } from "m"</c>.</summary>
    private void PeekExport(int position)
    {
        var at = SkipTrivia(position);
        if (at < _text.Length && _text[at] is '*' or '{' && FromClause(at) is { } specifier)
        {
            _found.Add(new ChunkImport(specifier, Dynamic: false));
        }
    }

    /// <summary>
    /// Reads an import or export clause (names, braces, commas, '*', 'as', string names) up to <c>from "m"</c> and gives
    /// the specifier; null when something else comes first (an <c>export { x }</c> of local names, a declaration).
    /// </summary>
    private string? FromClause(int at)
    {
        const int MaxClauseLength = 1 << 20;
        var limit = Math.Min(_text.Length, at + MaxClauseLength);
        while (at < limit)
        {
            at = SkipTrivia(at);
            if (at >= limit)
            {
                return null;
            }

            var c = _text[at];
            if (c is '{' or '}' or ',' or '*')
            {
                at++;
            }
            else if (c is '\'' or '"')
            {
                if (ReadString(at, out _, out var end) is null)
                {
                    return null;
                }

                at = end;
            }
            else if (IsIdentifierStart(c))
            {
                var start = at;
                while (at < _text.Length && IsIdentifierPart(_text[at]))
                {
                    at++;
                }

                if (_text.AsSpan(start, at - start).SequenceEqual("from"))
                {
                    var specifierAt = SkipTrivia(at);
                    if (specifierAt < _text.Length && _text[specifierAt] is '\'' or '"')
                    {
                        return ReadString(specifierAt, out _, out _);
                    }
                }
            }
            else
            {
                return null;
            }
        }

        return null;
    }

    /// <summary>A string literal, or a template literal without substitutions, at <paramref name="at"/>.</summary>
    private string? ReadSpecifier(int at, out int end)
    {
        end = at;
        if (at >= _text.Length)
        {
            return null;
        }

        if (_text[at] is '\'' or '"')
        {
            return ReadString(at, out _, out end);
        }

        if (_text[at] == '`')
        {
            var close = _text.IndexOfAny(['`', '$', '\\'], at + 1);
            if (close > 0 && _text[close] == '`')
            {
                end = close + 1;
                return _text.Substring(at + 1, close - at - 1);
            }
        }

        return null;
    }

    /// <summary>Reads the string literal that starts at <paramref name="at"/> and gives its value (escapes decoded where simple), or null if it never ends.</summary>
    private string? ReadString(int at, out bool escaped, out int end)
    {
        var quote = _text[at];
        escaped = false;
        var i = at + 1;
        while (i < _text.Length)
        {
            var c = _text[i];
            if (c == quote)
            {
                end = i + 1;
                var raw = _text.Substring(at + 1, i - at - 1);
                return escaped ? Unescape(raw) : raw;
            }

            if (c == '\\')
            {
                escaped = true;
                i += 2;
                continue;
            }

            if (c is '\n' or '\r')
            {
                break;
            }

            i++;
        }

        end = _text.Length;
        return null;
    }

    /// <summary>Scans template text from the current position to its closing backtick, or into a <c>${</c> substitution.</summary>
    private bool ContinueTemplate()
    {
        while (_position < _text.Length)
        {
            var c = _text[_position];
            if (c == '\\')
            {
                _position += 2;
            }
            else if (c == '`')
            {
                _position++;
                _previous = Previous.Operand;
                return true;
            }
            else if (c == '$' && Peek(1) == '{')
            {
                _position += 2;
                _templates.Push(_braces);
                _previous = Previous.Start;
                return true;
            }
            else
            {
                _position++;
            }
        }

        return false;
    }

    private bool SkipRegularExpression()
    {
        var inClass = false;
        var i = _position + 1;
        while (i < _text.Length)
        {
            var c = _text[i];
            if (c is '\n' or '\r')
            {
                return false;
            }

            if (c == '\\')
            {
                i += 2;
                continue;
            }

            if (c == '[')
            {
                inClass = true;
            }
            else if (c == ']')
            {
                inClass = false;
            }
            else if (c == '/' && !inClass)
            {
                _position = i + 1;
                SkipIdentifierPart(); // flags
                return true;
            }

            i++;
        }

        return false;
    }

    private void SkipLineComment()
    {
        var end = _text.AsSpan(_position).IndexOfAny('\n', '\r');
        _position = end < 0 ? _text.Length : _position + end;
    }

    private bool SkipBlockComment()
    {
        var end = _text.IndexOf("*/", _position + 2, StringComparison.Ordinal);
        if (end < 0)
        {
            _position = _text.Length;
            return false;
        }

        _position = end + 2;
        return true;
    }

    /// <summary>The position of the next token after whitespace and comments, without moving the scanner.</summary>
    private int SkipTrivia(int at)
    {
        while (at < _text.Length)
        {
            var c = _text[at];
            if (char.IsWhiteSpace(c) || c == '\uFEFF')
            {
                at++;
            }
            else if (c == '/' && at + 1 < _text.Length && _text[at + 1] == '/')
            {
                var end = _text.AsSpan(at).IndexOfAny('\n', '\r');
                at = end < 0 ? _text.Length : at + end;
            }
            else if (c == '/' && at + 1 < _text.Length && _text[at + 1] == '*')
            {
                var end = _text.IndexOf("*/", at + 2, StringComparison.Ordinal);
                at = end < 0 ? _text.Length : end + 2;
            }
            else
            {
                return at;
            }
        }

        return at;
    }

    private void SkipNumber()
    {
        while (_position < _text.Length && (char.IsAsciiLetterOrDigit(_text[_position]) || _text[_position] is '.' or '_'))
        {
            _position++;
        }
    }

    private void SkipIdentifierPart()
    {
        while (_position < _text.Length && IsIdentifierPart(_text[_position]))
        {
            _position++;
        }
    }

    private char Peek(int offset) => _position + offset < _text.Length ? _text[_position + offset] : '\0';

    private string Unterminated(string what) => $"a {what} that never ends (the chunk is not valid JavaScript)";

    private static bool IsDigit(char c) => c is >= '0' and <= '9';

    private static bool IsIdentifierStart(char c) => char.IsAsciiLetter(c) || c is '_' or '$' or '\\' || (c > 0x7F && (char.IsLetter(c) || char.IsSurrogate(c)));

    private static bool IsIdentifierPart(char c) => char.IsAsciiLetterOrDigit(c) || c is '_' or '$' or '\\' or '\u200C' or '\u200D' || (c > 0x7F && (char.IsLetterOrDigit(c) || char.IsSurrogate(c) || char.GetUnicodeCategory(c) is System.Globalization.UnicodeCategory.NonSpacingMark or System.Globalization.UnicodeCategory.SpacingCombiningMark or System.Globalization.UnicodeCategory.ConnectorPunctuation));

    /// <summary>Keywords after which an expression starts, so that a '/' begins a regular expression.</summary>
    private static bool IsExpressionKeyword(ReadOnlySpan<char> word) => word switch
    {
        "return" or "typeof" or "instanceof" or "in" or "of" or "new" or "delete" or "void" or "throw" or "case" or "do" or "else" or "yield" or "await" or "extends" => true,
        _ => false,
    };

    /// <summary>Decodes the escapes a module specifier may hold: \x, \u, \u{...} and the single-character ones.</summary>
    private static string Unescape(string raw)
    {
        var text = new System.Text.StringBuilder(raw.Length);
        for (var i = 0; i < raw.Length; i++)
        {
            if (raw[i] != '\\' || i + 1 >= raw.Length)
            {
                text.Append(raw[i]);
                continue;
            }

            var next = raw[++i];
            switch (next)
            {
                case 'x' when i + 2 < raw.Length && int.TryParse(raw.AsSpan(i + 1, 2), System.Globalization.NumberStyles.HexNumber, null, out var hex):
                    text.Append((char)hex);
                    i += 2;
                    break;
                case 'u' when i + 1 < raw.Length && raw[i + 1] == '{' && raw.IndexOf('}', i) is var brace and > 0
                    && int.TryParse(raw.AsSpan(i + 2, brace - i - 2), System.Globalization.NumberStyles.HexNumber, null, out var point) && point <= 0x10FFFF:
                    text.Append(char.ConvertFromUtf32(point));
                    i = brace;
                    break;
                case 'u' when i + 4 < raw.Length && int.TryParse(raw.AsSpan(i + 1, 4), System.Globalization.NumberStyles.HexNumber, null, out var unit):
                    text.Append((char)unit);
                    i += 4;
                    break;
                case 'n':
                    text.Append('\n');
                    break;
                case 't':
                    text.Append('\t');
                    break;
                case '\n' or '\r':
                    break;
                default:
                    text.Append(next);
                    break;
            }
        }

        return text.ToString();
    }
}
