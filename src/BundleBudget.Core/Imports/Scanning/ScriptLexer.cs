using System.Globalization;
using System.Text;

namespace BundleBudget.Core.Imports.Scanning;

internal enum TokenKind
{
    Identifier,
    String,
    Template,
    Punctuator,
    Number,
    RegularExpression,
    PrivateName,

    /// <summary>A whole JSX element: an operand, like a string.</summary>
    JsxElement,
}

/// <param name="Value">The decoded value of a string, or of a template without substitutions; else null.</param>
internal readonly record struct ScriptToken(TokenKind Kind, string Text, int Offset, string? Value = null)
{
    public bool Is(TokenKind kind, string text) => Kind == kind && Text == text;

    public bool IsPunctuator(string text) => Is(TokenKind.Punctuator, text);

    public bool IsIdentifier(string text) => Is(TokenKind.Identifier, text);

    /// <summary>A string literal, or a template literal without substitutions: a module specifier.</summary>
    public bool IsStaticString => Value is not null && Kind is TokenKind.String or TokenKind.Template;
}

internal sealed class ScanException(string message, int offset) : Exception(message)
{
    public int Offset { get; } = offset;
}

/// <summary>
/// Splits TypeScript, TSX, JSX and JavaScript into tokens, exactly enough to find module references: it gets strings,
/// comments, template literals with nested <c>${}</c>, regular expressions versus division, and JSX (whose text and
/// attribute strings are no JavaScript strings) right, and skips everything else. It does not check syntax beyond
/// what it needs: unterminated strings, comments, templates, regular expressions and JSX are errors.
/// </summary>
internal sealed class ScriptLexer
{
    private const int MaxNesting = 500;

    private static readonly string[] Punctuators =
    [
        ">>>=", "...", "===", "!==", "**=", "<<=", ">>=", ">>>", "&&=", "||=", "??=",
        "=>", "==", "!=", "<=", ">=", "&&", "||", "??", "?.", "++", "--", "+=", "-=", "*=", "/=", "%=", "&=", "|=", "^=", "<<", ">>", "**",
    ];

    /// <summary>Keywords after which an expression starts, so a '/' begins a regular expression and a '&lt;' may begin JSX.</summary>
    private static readonly HashSet<string> ExpressionKeywords = new(StringComparer.Ordinal)
    {
        "return", "typeof", "instanceof", "in", "of", "new", "delete", "void", "throw", "case", "do", "else", "yield", "await", "extends",
    };

    private readonly string _text;
    private readonly bool _jsx;
    private readonly bool _typeScript;
    private readonly List<ScriptToken> _tokens = [];
    private int _position;
    private int _nesting;
    private ScriptToken? _last;

    /// <summary>Why the first element that looked like JSX was not; the likelier cause if the file fails later.</summary>
    private ScanException? _jsxFailure;

    /// <summary>Where a '&lt;' was tried as JSX and was not: never tried again, so that failed tries cannot multiply.</summary>
    private readonly HashSet<int> _notJsx = [];

    private ScriptLexer(string text, bool jsx, bool typeScript)
    {
        _text = text;
        _jsx = jsx;
        _typeScript = typeScript;
    }

    /// <exception cref="ScanException">The text cannot be tokenized (unterminated literal, nesting too deep).</exception>
    public static IReadOnlyList<ScriptToken> Tokenize(string text, bool jsx, bool typeScript)
    {
        var lexer = new ScriptLexer(text, jsx, typeScript);
        lexer.SkipHashbang();
        try
        {
            while (lexer._position < text.Length)
            {
                lexer.LexCode(nested: false);
            }
        }
        catch (ScanException) when (lexer._jsxFailure is not null)
        {
            throw lexer._jsxFailure;
        }

        return lexer._tokens;
    }

    private void SkipHashbang()
    {
        if (_text.StartsWith("#!", StringComparison.Ordinal))
        {
            SkipLine();
        }
    }

    /// <summary>Lexes code until the end, or, when <paramref name="nested"/>, until the '}' that closes the enclosing '${' or JSX '{'.</summary>
    private void LexCode(bool nested)
    {
        Enter();
        var braces = 0;
        while (_position < _text.Length)
        {
            var c = _text[_position];
            if (char.IsWhiteSpace(c) || c == '\uFEFF')
            {
                _position++;
            }
            else if (c == '/' && Peek(1) == '/')
            {
                SkipLine();
            }
            else if (c == '/' && Peek(1) == '*')
            {
                SkipBlockComment();
            }
            else if (c == '/' && ExpressionMayStart())
            {
                ScanRegularExpression();
            }
            else if (c is '\'' or '"')
            {
                ScanString();
            }
            else if (c == '`')
            {
                ScanTemplate();
            }
            else if (char.IsAsciiDigit(c) || (c == '.' && char.IsAsciiDigit(Peek(1))))
            {
                ScanNumber();
            }
            else if (IsIdentifierStart(c) || c == '\\')
            {
                Emit(TokenKind.Identifier, _position, ReadIdentifier());
            }
            else if (c == '#')
            {
                var start = _position++;
                Emit(TokenKind.PrivateName, start, "#" + ReadIdentifier());
            }
            else if (c == '{')
            {
                braces++;
                Emit(TokenKind.Punctuator, _position++, "{");
            }
            else if (c == '}')
            {
                if (braces == 0 && nested)
                {
                    _position++;
                    Exit();
                    return;
                }

                braces = Math.Max(0, braces - 1);
                Emit(TokenKind.Punctuator, _position++, "}");
            }
            else if (c == '<' && _jsx && ExpressionMayStart() && !_notJsx.Contains(_position) && LooksLikeJsx() && TryScanJsxElement())
            {
                continue;
            }
            else
            {
                ScanPunctuator();
            }
        }

        if (nested)
        {
            throw new ScanException("a '${' or JSX '{' is never closed", _text.Length);
        }

        Exit();
    }

    private bool ExpressionMayStart() => _last switch
    {
        null => true,
        { Kind: TokenKind.Punctuator } last => last.Text is not (")" or "]" or "++" or "--"),
        { Kind: TokenKind.Identifier } last => ExpressionKeywords.Contains(last.Text),
        _ => false,
    };

    private void ScanString()
    {
        var start = _position;
        var quote = _text[_position++];
        var value = new StringBuilder();
        while (true)
        {
            if (_position >= _text.Length || _text[_position] is '\n' or '\r')
            {
                throw new ScanException("unterminated string", start);
            }

            var c = _text[_position++];
            if (c == quote)
            {
                break;
            }

            if (c == '\\')
            {
                ReadEscape(value);
            }
            else
            {
                value.Append(c);
            }
        }

        Emit(TokenKind.String, start, _text[start.._position], value.ToString());
    }

    private void ReadEscape(StringBuilder value)
    {
        if (_position >= _text.Length)
        {
            return;
        }

        var c = _text[_position++];
        switch (c)
        {
            case '\r':
                if (Peek(0) == '\n')
                {
                    _position++;
                }

                break;
            case '\n' or '\u2028' or '\u2029':
                break;
            case 'n':
                value.Append('\n');
                break;
            case 't':
                value.Append('\t');
                break;
            case 'r':
                value.Append('\r');
                break;
            case 'x' when TryReadHex(2, out var code):
                value.Append((char)code);
                break;
            case 'u' when Peek(0) == '{':
                var close = _text.IndexOf('}', _position);
                if (close > 0 && int.TryParse(_text.AsSpan(_position + 1, close - _position - 1), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var point) && point is >= 0 and <= 0x10FFFF)
                {
                    // A lone surrogate ("\u{D800}") is valid JavaScript but no Unicode scalar: keep it as the code unit it is.
                    value.Append(point is >= 0xD800 and <= 0xDFFF ? ((char)point).ToString() : char.ConvertFromUtf32(point));
                    _position = close + 1;
                }

                break;
            case 'u' when TryReadHex(4, out var unit):
                value.Append((char)unit);
                break;
            default:
                value.Append(c);
                break;
        }
    }

    private bool TryReadHex(int digits, out int code)
    {
        code = 0;
        if (_position + digits > _text.Length
            || !int.TryParse(_text.AsSpan(_position, digits), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out code))
        {
            return false;
        }

        _position += digits;
        return true;
    }

    private void ScanTemplate()
    {
        Enter();
        var start = _position++;
        var value = new StringBuilder();
        var substituted = false;
        while (true)
        {
            if (_position >= _text.Length)
            {
                throw new ScanException("unterminated template literal", start);
            }

            var c = _text[_position++];
            if (c == '`')
            {
                break;
            }

            if (c == '\\')
            {
                ReadEscape(value);
            }
            else if (c == '$' && Peek(0) == '{')
            {
                _position++;
                substituted = true;
                _last = null;
                LexCode(nested: true);
            }
            else
            {
                value.Append(c);
            }
        }

        Emit(TokenKind.Template, start, "`", substituted ? null : value.ToString());
        Exit();
    }

    private void ScanRegularExpression()
    {
        var start = _position++;
        var inClass = false;
        while (true)
        {
            if (_position >= _text.Length || _text[_position] is '\n' or '\r')
            {
                throw new ScanException("unterminated regular expression", start);
            }

            var c = _text[_position++];
            if (c == '\\')
            {
                _position++;
            }
            else if (c == '[')
            {
                inClass = true;
            }
            else if (c == ']')
            {
                inClass = false;
            }
            else if (c == '/' && !inClass)
            {
                break;
            }
        }

        while (_position < _text.Length && IsIdentifierPart(_text[_position]))
        {
            _position++;
        }

        Emit(TokenKind.RegularExpression, start, _text[start.._position]);
    }

    private void ScanNumber()
    {
        var start = _position;
        var hex = _text[_position] == '0' && Peek(1) is 'x' or 'X';
        while (_position < _text.Length)
        {
            var c = _text[_position];
            if (char.IsAsciiLetterOrDigit(c) || c is '_' or '.')
            {
                _position++;
                if (!hex && c is 'e' or 'E' && Peek(0) is '+' or '-')
                {
                    _position++;
                }
            }
            else
            {
                break;
            }
        }

        Emit(TokenKind.Number, start, _text[start.._position]);
    }

    private void ScanPunctuator()
    {
        var start = _position;
        foreach (var punctuator in Punctuators)
        {
            if (string.CompareOrdinal(_text, _position, punctuator, 0, punctuator.Length) == 0)
            {
                // "?." followed by a digit is a conditional and a number: a?.5:0
                if (punctuator == "?." && char.IsAsciiDigit(Peek(2)))
                {
                    break;
                }

                _position += punctuator.Length;
                Emit(TokenKind.Punctuator, start, punctuator);
                return;
            }
        }

        _position++;
        Emit(TokenKind.Punctuator, start, _text[start].ToString());

        // TypeScript's non-null assertion ("width!") ends an operand: a '/' after it divides ("width! / 2").
        if (_text[start] == '!' && _typeScript && start > 0 && (IsIdentifierPart(_text[start - 1]) || _text[start - 1] is ')' or ']'))
        {
            _last = new ScriptToken(TokenKind.Identifier, "!", start);
        }
    }

    /// <summary>At a '&lt;' where an expression may start: JSX, unless TSX's generic arrow function <c>&lt;T,&gt;</c> or <c>&lt;T extends U&gt;</c>.</summary>
    private bool LooksLikeJsx()
    {
        var next = Peek(1);
        if (next == '>')
        {
            return true;
        }

        if (!IsIdentifierStart(next))
        {
            return false;
        }

        if (!_typeScript)
        {
            return true;
        }

        var position = _position + 1;
        while (position < _text.Length && IsIdentifierPart(_text[position]))
        {
            position++;
        }

        while (position < _text.Length && char.IsWhiteSpace(_text[position]))
        {
            position++;
        }

        if (position < _text.Length && _text[position] == ',')
        {
            return false;
        }

        return !(string.CompareOrdinal(_text, position, "extends", 0, 7) == 0
                 && position + 7 < _text.Length && char.IsWhiteSpace(_text[position + 7]));
    }

    /// <summary>
    /// Scans a JSX element, or, when what looked like one is not (a generic function type such as
    /// <c>const f: &lt;T&gt;(x: T) =&gt; T</c> in a .tsx file), puts everything back so that '&lt;' is read as an operator.
    /// </summary>
    private bool TryScanJsxElement()
    {
        var (position, tokens, last, nesting) = (_position, _tokens.Count, _last, _nesting);
        try
        {
            ScanJsxElement();
            Emit(TokenKind.JsxElement, position, "<jsx>");
            return true;
        }
        catch (ScanException e)
        {
            _notJsx.Add(position);
            _jsxFailure ??= e;
            (_position, _last, _nesting) = (position, last, nesting);
            _tokens.RemoveRange(tokens, _tokens.Count - tokens);
            return false;
        }
    }

    private void ScanJsxElement()
    {
        Enter();
        var start = _position++;
        SkipJsxSpace();
        if (Peek(0) == '>')
        {
            _position++;
            ScanJsxChildren(string.Empty, start);
            Exit();
            return;
        }

        var name = ReadJsxName();
        while (true)
        {
            SkipJsxSpace();
            if (_position >= _text.Length)
            {
                throw new ScanException($"JSX element <{name}> is never closed", start);
            }

            var c = _text[_position];
            if (c == '/' && Peek(1) == '>')
            {
                _position += 2;
                break;
            }

            if (c == '>')
            {
                _position++;
                ScanJsxChildren(name, start);
                break;
            }

            if (c == '{')
            {
                _position++;
                _last = null;
                LexCode(nested: true);
            }
            else if (IsIdentifierStart(c))
            {
                ReadJsxName();
                SkipJsxSpace();
                if (Peek(0) == '=')
                {
                    _position++;
                    SkipJsxSpace();
                    ScanJsxAttributeValue(start);
                }
            }
            else if (_typeScript && c == '<')
            {
                SkipTypeArguments();
            }
            else
            {
                throw new ScanException($"unexpected '{c}' in JSX element <{name}>", _position);
            }
        }

        Exit();
    }

    private void ScanJsxAttributeValue(int elementStart)
    {
        var c = Peek(0);
        if (c is '"' or '\'')
        {
            // JSX attribute strings have no escapes: "C:\" is a whole string.
            var close = _text.IndexOf(c, _position + 1);
            if (close < 0)
            {
                throw new ScanException("unterminated JSX attribute string", _position);
            }

            _position = close + 1;
        }
        else if (c == '{')
        {
            _position++;
            _last = null;
            LexCode(nested: true);
        }
        else if (c == '<')
        {
            ScanJsxElement();
        }
        else
        {
            throw new ScanException("a JSX attribute value must be a string, {expression} or element", elementStart);
        }
    }

    private void ScanJsxChildren(string name, int elementStart)
    {
        while (true)
        {
            if (_position >= _text.Length)
            {
                throw new ScanException(name.Length == 0 ? "JSX fragment <> is never closed" : $"JSX element <{name}> is never closed", elementStart);
            }

            var c = _text[_position];
            if (c == '{')
            {
                _position++;
                _last = null;
                LexCode(nested: true);
            }
            else if (c == '<')
            {
                var after = _position + 1;
                while (after < _text.Length && char.IsWhiteSpace(_text[after]))
                {
                    after++;
                }

                if (after < _text.Length && _text[after] == '/')
                {
                    var closingStart = _position;
                    _position = after + 1;
                    SkipJsxSpace();
                    var closing = Peek(0) == '>' ? string.Empty : ReadJsxName();
                    SkipJsxSpace();
                    if (Peek(0) != '>' || closing != name)
                    {
                        throw new ScanException($"expected </{name}>", closingStart);
                    }

                    _position++;
                    return;
                }

                ScanJsxElement();
            }
            else
            {
                _position++;
            }
        }
    }

    /// <summary>Skips TSX type arguments on an element, as in <c>&lt;Select&lt;Option&gt; value={v} /&gt;</c>.</summary>
    private void SkipTypeArguments()
    {
        var depth = 0;
        do
        {
            var c = _text[_position++];
            depth += c == '<' ? 1 : c == '>' ? -1 : 0;
        }
        while (depth > 0 && _position < _text.Length);
    }

    private string ReadJsxName()
    {
        var start = _position;
        while (_position < _text.Length && (IsIdentifierPart(_text[_position]) || _text[_position] is '-' or ':' or '.'))
        {
            _position++;
        }

        if (_position == start)
        {
            throw new ScanException("expected a JSX name", _position);
        }

        return _text[start.._position];
    }

    private void SkipJsxSpace()
    {
        while (_position < _text.Length)
        {
            if (char.IsWhiteSpace(_text[_position]))
            {
                _position++;
            }
            else if (_text[_position] == '/' && Peek(1) == '/')
            {
                SkipLine();
            }
            else if (_text[_position] == '/' && Peek(1) == '*')
            {
                SkipBlockComment();
            }
            else
            {
                return;
            }
        }
    }

    private string ReadIdentifier()
    {
        var start = _position;
        while (_position < _text.Length)
        {
            var c = _text[_position];
            if (c == '\\' && Peek(1) == 'u')
            {
                _position += Peek(2) == '{' ? Math.Max(3, _text.IndexOf('}', _position) + 1 - _position) : 6;
            }
            else if (IsIdentifierPart(c) || char.IsSurrogate(c))
            {
                _position++;
            }
            else
            {
                break;
            }
        }

        if (_position == start)
        {
            _position++;
        }

        return _text[start..Math.Min(_position, _text.Length)];
    }

    private void SkipLine()
    {
        while (_position < _text.Length && _text[_position] is not ('\n' or '\r' or '\u2028' or '\u2029'))
        {
            _position++;
        }
    }

    private void SkipBlockComment()
    {
        var end = _text.IndexOf("*/", _position + 2, StringComparison.Ordinal);
        if (end < 0)
        {
            throw new ScanException("unterminated comment", _position);
        }

        _position = end + 2;
    }

    private void Emit(TokenKind kind, int offset, string text, string? value = null)
    {
        var token = new ScriptToken(kind, text, offset, value);
        _tokens.Add(token);
        _last = token;
    }

    private void Enter()
    {
        if (++_nesting > MaxNesting)
        {
            throw new ScanException($"nesting deeper than {MaxNesting} levels", _position);
        }
    }

    private void Exit() => _nesting--;

    private char Peek(int ahead) => _position + ahead < _text.Length ? _text[_position + ahead] : '\0';

    private static bool IsIdentifierStart(char c) => char.IsLetter(c) || c is '$' or '_' || char.IsSurrogate(c);

    private static bool IsIdentifierPart(char c) =>
        char.IsLetterOrDigit(c) || c is '$' or '_' or '\u200C' or '\u200D'
        || CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.ConnectorPunctuation;
}
