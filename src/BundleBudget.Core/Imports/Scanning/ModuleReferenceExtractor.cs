namespace BundleBudget.Core.Imports.Scanning;

/// <summary>Finds the module references in a token stream of TypeScript, TSX, JSX or JavaScript.</summary>
internal sealed class ModuleReferenceExtractor
{
    private static readonly HashSet<string> PromiseMembers = new(StringComparer.Ordinal) { "then", "catch", "finally" };

    private readonly IReadOnlyList<ScriptToken> _tokens;
    private readonly Func<int, (int Line, int Column)> _locate;
    private readonly List<ModuleReference> _references = [];

    private ModuleReferenceExtractor(IReadOnlyList<ScriptToken> tokens, Func<int, (int Line, int Column)> locate)
    {
        _tokens = tokens;
        _locate = locate;
    }

    public static IReadOnlyList<ModuleReference> Extract(IReadOnlyList<ScriptToken> tokens, Func<int, (int Line, int Column)> locate)
    {
        var extractor = new ModuleReferenceExtractor(tokens, locate);
        for (var i = 0; i < tokens.Count; i++)
        {
            var previous = extractor.At(i - 1);
            if (previous.IsPunctuator(".") || previous.IsPunctuator("?."))
            {
                continue;
            }

            var token = tokens[i];
            if (token.IsIdentifier("import") && !previous.IsIdentifier("export"))
            {
                extractor.ReadImport(i);
            }
            else if (token.IsIdentifier("export"))
            {
                extractor.ReadExport(i);
            }
            else if (token.IsIdentifier("require"))
            {
                extractor.ReadRequire(i);
            }
        }

        return extractor.WithUsedMembers();
    }

    private ScriptToken At(int index) => index >= 0 && index < _tokens.Count ? _tokens[index] : default;

    private void ReadImport(int i)
    {
        var next = At(i + 1);
        if (next.IsPunctuator("("))
        {
            ReadDynamicImport(i);
            return;
        }

        if (next.IsStaticString)
        {
            Add(next, ImportForm.SideEffect, [], null, typeOnly: false);
            return;
        }

        var j = i + 1;
        var typeOnly = false;
        if (At(j).IsIdentifier("type") && !(At(j + 1).IsIdentifier("from") && At(j + 2).IsStaticString) && !At(j + 1).IsPunctuator(",") && !At(j + 1).IsPunctuator("="))
        {
            typeOnly = true;
            j++;
        }

        var forms = new List<ImportForm>();
        string? binding = null;
        var names = new List<string>();
        var allNamesTypeOnly = true;
        if (At(j).Kind == TokenKind.Identifier && (At(j + 1).IsPunctuator(",") || At(j + 1).IsPunctuator("=") || (At(j + 1).IsIdentifier("from") && At(j + 2).IsStaticString)))
        {
            binding = At(j).Text;
            if (At(j + 1).IsPunctuator("="))
            {
                ReadImportEquals(j + 2, binding, typeOnly);
                return;
            }

            forms.Add(ImportForm.Default);
            j += At(j + 1).IsPunctuator(",") ? 2 : 1;
        }

        if (At(j).IsPunctuator("*") && At(j + 1).IsIdentifier("as") && At(j + 2).Kind == TokenKind.Identifier)
        {
            binding ??= At(j + 2).Text;
            forms.Add(ImportForm.Namespace);
            j += 3;
        }
        else if (At(j).IsPunctuator("{"))
        {
            j = ReadNamedList(j, names, out allNamesTypeOnly);
            forms.Add(ImportForm.Named);
        }

        if (forms.Count > 0 && At(j).IsIdentifier("from") && At(j + 1).IsStaticString)
        {
            typeOnly |= forms is [ImportForm.Named] && allNamesTypeOnly;
            Add(At(j + 1), forms[0], names, binding, typeOnly);
        }
    }

    private void ReadDynamicImport(int i)
    {
        var specifier = At(i + 2);
        if (!specifier.IsStaticString || !(At(i + 3).IsPunctuator(")") || At(i + 3).IsPunctuator(",")))
        {
            return;
        }

        // typeof import('m'), import('m').Type and import('m') in a type annotation stand in types: TypeScript erases them.
        var inType = At(i - 1).IsIdentifier("typeof")
            || (At(i + 3).IsPunctuator(")") && At(i + 4).IsPunctuator(".") && At(i + 5).Kind == TokenKind.Identifier && !PromiseMembers.Contains(At(i + 5).Text))
            || IsTypePosition(i - 1);
        Add(specifier, inType ? ImportForm.ImportType : ImportForm.DynamicImport, [], null, typeOnly: inType);
    }

    /// <summary>Whether what follows token <paramref name="index"/> is a type: after '|', '&amp;', '&lt;', extends, keyof, a
    /// type annotation's ':' (not a ternary's), or a type alias's '='.</summary>
    private bool IsTypePosition(int index)
    {
        var token = At(index);
        if (token.IsPunctuator("|") || token.IsPunctuator("&") || token.IsPunctuator("<") || token.IsIdentifier("extends") || token.IsIdentifier("keyof"))
        {
            return true;
        }

        if (token.IsPunctuator(":"))
        {
            return At(index - 1).IsPunctuator("?") || !IsTernaryColon(index);
        }

        if (token.IsPunctuator("="))
        {
            // type Name<T> = import('m')
            for (var k = index - 1; k >= 0 && k > index - 30; k--)
            {
                var before = _tokens[k];
                if (before.IsPunctuator(";") || before.IsPunctuator("{") || before.IsPunctuator("}") || before.IsPunctuator("("))
                {
                    return false;
                }

                if (before.IsIdentifier("type") && At(k + 1).Kind == TokenKind.Identifier)
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>Whether a ':' closes a conditional "a ? b : c": a '?' before it at the same depth, within the statement.</summary>
    private bool IsTernaryColon(int colon)
    {
        var depth = 0;
        for (var k = colon - 1; k >= 0; k--)
        {
            var token = _tokens[k];
            if (token.Kind != TokenKind.Punctuator)
            {
                continue;
            }

            switch (token.Text)
            {
                case ")" or "]" or "}":
                    depth++;
                    break;
                case "(" or "[" or "{":
                    if (depth == 0)
                    {
                        return false;
                    }

                    depth--;
                    break;
                case ";" when depth == 0:
                    return false;
                case "?" when depth == 0:
                    return true;
            }
        }

        return false;
    }

    /// <summary>TypeScript's <c>import x = require('m')</c>; <c>import x = A.B</c> is an alias, not a module reference.</summary>
    private void ReadImportEquals(int j, string binding, bool typeOnly)
    {
        if (At(j).IsIdentifier("require") && At(j + 1).IsPunctuator("(") && At(j + 2).IsStaticString && At(j + 3).IsPunctuator(")"))
        {
            Add(At(j + 2), ImportForm.ImportEquals, [], binding, typeOnly);
        }
    }

    private void ReadExport(int i)
    {
        var j = i + 1;
        var typeOnly = false;
        if (At(j).IsIdentifier("type") && (At(j + 1).IsPunctuator("{") || At(j + 1).IsPunctuator("*")))
        {
            typeOnly = true;
            j++;
        }

        if (At(j).IsPunctuator("*"))
        {
            j++;
            if (At(j).IsIdentifier("as"))
            {
                j += 2;
            }

            if (At(j).IsIdentifier("from") && At(j + 1).IsStaticString)
            {
                Add(At(j + 1), ImportForm.ExportAll, [], null, typeOnly);
            }
        }
        else if (At(j).IsPunctuator("{"))
        {
            var names = new List<string>();
            j = ReadNamedList(j, names, out var allTypeOnly);
            if (At(j).IsIdentifier("from") && At(j + 1).IsStaticString)
            {
                Add(At(j + 1), ImportForm.ExportNamed, names, null, typeOnly || (names.Count > 0 && allTypeOnly));
            }
        }
        else if (At(j).IsIdentifier("import") && At(j + 1).Kind == TokenKind.Identifier && At(j + 2).IsPunctuator("="))
        {
            ReadImportEquals(j + 3, At(j + 1).Text, typeOnly);
        }
    }

    private void ReadRequire(int i)
    {
        var specifier = At(i + 2);
        if (!At(i + 1).IsPunctuator("(") || !specifier.IsStaticString || !At(i + 3).IsPunctuator(")") || At(i - 1).IsIdentifier("function"))
        {
            return;
        }

        // import x = require('m') is read as an import.
        if (At(i - 1).IsPunctuator("=") && At(i - 2).Kind == TokenKind.Identifier && (At(i - 3).IsIdentifier("import") || At(i - 3).IsIdentifier("type")))
        {
            return;
        }

        string? binding = null;
        var names = new List<string>();
        if (At(i - 1).IsPunctuator("=") && At(i - 2).Kind == TokenKind.Identifier)
        {
            binding = At(i - 2).Text;
        }
        else if (At(i - 1).IsPunctuator("=") && At(i - 2).IsPunctuator("}"))
        {
            ReadDestructuredNames(i - 2, names);
        }

        Add(specifier, ImportForm.Require, names, binding, typeOnly: false);
    }

    /// <summary>The keys of <c>const { map, filter: f } = require('m')</c>, read backwards from the '}'.</summary>
    private void ReadDestructuredNames(int close, List<string> names)
    {
        var open = close - 1;
        while (open >= 0 && !_tokens[open].IsPunctuator("{") && !_tokens[open].IsPunctuator(";"))
        {
            open--;
        }

        for (var k = open + 1; k < close; k++)
        {
            if (_tokens[k].Kind == TokenKind.Identifier && (At(k - 1).IsPunctuator("{") || At(k - 1).IsPunctuator(",")))
            {
                names.Add(_tokens[k].Text);
            }
        }
    }

    /// <summary>Reads <c>{ a, b as c, type T, "x-y" as z }</c> from its '{'; returns the index after the '}'.</summary>
    private int ReadNamedList(int open, List<string> names, out bool allTypeOnly)
    {
        allTypeOnly = true;
        var j = open + 1;
        var element = new List<ScriptToken>();
        while (j < _tokens.Count && !_tokens[j].IsPunctuator(";"))
        {
            var token = _tokens[j++];
            if (token.IsPunctuator(",") || token.IsPunctuator("}"))
            {
                if (element.Count > 0)
                {
                    // "type A" and "type A as B" are type-only; "type as x" imports a value named "type".
                    var isType = element.Count >= 2 && element[0].IsIdentifier("type") && !(element.Count == 3 && element[1].IsIdentifier("as"));
                    var name = isType ? element[1] : element[0];
                    names.Add(name.Value ?? name.Text);
                    allTypeOnly &= isType;
                    element.Clear();
                }

                if (token.IsPunctuator("}"))
                {
                    return j;
                }
            }
            else
            {
                element.Add(token);
            }
        }

        return j;
    }

    private void Add(ScriptToken specifier, ImportForm form, IReadOnlyList<string> names, string? binding, bool typeOnly)
    {
        var (line, column) = _locate(specifier.Offset);
        _references.Add(new ModuleReference(specifier.Value!, form, line, column, names, binding, typeOnly));
    }

    /// <summary>Adds the members used through each binding, as in <c>_.debounce</c> or <c>moment.utc</c>.</summary>
    private IReadOnlyList<ModuleReference> WithUsedMembers()
    {
        var bindings = _references.Where(r => r.Binding is not null).Select(r => r.Binding!).ToHashSet(StringComparer.Ordinal);
        if (bindings.Count == 0)
        {
            return _references;
        }

        var members = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        for (var i = 0; i + 2 < _tokens.Count; i++)
        {
            if (_tokens[i].Kind == TokenKind.Identifier && bindings.Contains(_tokens[i].Text) && _tokens[i + 1].IsPunctuator(".")
                && _tokens[i + 2].Kind == TokenKind.Identifier && !At(i - 1).IsPunctuator("."))
            {
                if (!members.TryGetValue(_tokens[i].Text, out var list))
                {
                    members[_tokens[i].Text] = list = [];
                }

                if (!list.Contains(_tokens[i + 2].Text))
                {
                    list.Add(_tokens[i + 2].Text);
                }
            }
        }

        return _references
            .Select(r => r.Binding is not null && members.TryGetValue(r.Binding, out var used) ? r with { UsedMembers = used } : r)
            .ToList();
    }
}
