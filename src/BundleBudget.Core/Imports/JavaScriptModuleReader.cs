using Acornima;
using Acornima.Ast;

namespace BundleBudget.Core.Imports;

/// <summary>
/// Reads the module references of a JavaScript file (.js .mjs .cjs) with Acornima, which parses current syntax
/// exactly and reports errors and too-deep nesting as exceptions (Esprima .NET could take the process down instead).
/// </summary>
internal static class JavaScriptModuleReader
{
    /// <exception cref="ParseErrorException">The file is not valid JavaScript, as a module nor as a script.</exception>
    /// <exception cref="InsufficientExecutionStackException">The nesting is too deep to parse.</exception>
    public static IReadOnlyList<ModuleReference> Read(string text, bool commonJs)
    {
        if (commonJs)
        {
            return Parse(text, module: false);
        }

        try
        {
            return Parse(text, module: true);
        }
        catch (ParseErrorException)
        {
            // Not a module: an old-style script (with, octal literals, a top-level return) may still be valid.
            try
            {
                return Parse(text, module: false);
            }
            catch (ParseErrorException)
            {
            }

            throw;
        }
    }

    private static IReadOnlyList<ModuleReference> Parse(string text, bool module)
    {
        var collector = new Collector();
        var parser = new Parser(new ParserOptions
        {
            OnNode = collector.OnNode,
            AllowReturnOutsideFunction = !module,
            AllowHashBang = true,
        });
        if (module)
        {
            parser.ParseModule(text);
        }
        else
        {
            parser.ParseScript(text);
        }

        return collector.References();
    }

    private sealed class Collector
    {
        private readonly List<(Node Specifier, ModuleReference Reference)> _found = [];
        private readonly Dictionary<Node, int> _requireCalls = [];
        // Each binding's members in order of first use, and a set to keep that linear in the number of member accesses.
        private readonly Dictionary<string, List<string>> _members = new(StringComparer.Ordinal);
        private readonly HashSet<(string Binding, string Member)> _seenMembers = [];

        public void OnNode(Node node, in OnNodeContext context)
        {
            switch (node)
            {
                case ImportDeclaration declaration:
                    AddImport(declaration);
                    break;
                case ExportAllDeclaration { Source: { } source }:
                    Add(source, ImportForm.ExportAll, [], null);
                    break;
                case ExportNamedDeclaration { Source: { } source } declaration:
                    Add(source, ImportForm.ExportNamed, declaration.Specifiers.Select(s => NameOf(s.Local)).ToList(), null);
                    break;
                case ImportExpression { Source: var source } when StaticString(source) is not null:
                    Add(source, ImportForm.DynamicImport, [], null);
                    break;
                case CallExpression { Callee: Identifier { Name: "require" } } call when call.Arguments.Count == 1 && StaticString(call.Arguments[0]) is not null:
                    _requireCalls[call] = _found.Count;
                    Add(call.Arguments[0], ImportForm.Require, [], null);
                    break;
                case VariableDeclarator { Init: { } init } declarator when _requireCalls.TryGetValue(init, out var index):
                    var reference = _found[index].Reference;
                    _found[index] = (_found[index].Specifier, declarator.Id switch
                    {
                        Identifier name => reference with { Binding = name.Name },
                        ObjectPattern pattern => reference with { Names = pattern.Properties.OfType<Property>().Select(p => NameOf(p.Key)).ToList() },
                        _ => reference,
                    });
                    break;
                case MemberExpression { Object: Identifier target, Property: Identifier member, Computed: false }:
                    if (_seenMembers.Add((target.Name, member.Name)))
                    {
                        if (!_members.TryGetValue(target.Name, out var list))
                        {
                            _members[target.Name] = list = [];
                        }

                        list.Add(member.Name);
                    }

                    break;
            }
        }

        public IReadOnlyList<ModuleReference> References() => _found
            .Select(f => f.Reference.Binding is { } binding && _members.TryGetValue(binding, out var used) ? f.Reference with { UsedMembers = used } : f.Reference)
            .ToList();

        private void AddImport(ImportDeclaration declaration)
        {
            var specifiers = declaration.Specifiers;
            if (specifiers.Count == 0)
            {
                Add(declaration.Source, ImportForm.SideEffect, [], null);
                return;
            }

            var defaultBinding = specifiers.OfType<ImportDefaultSpecifier>().FirstOrDefault()?.Local.Name;
            var namespaceBinding = specifiers.OfType<ImportNamespaceSpecifier>().FirstOrDefault()?.Local.Name;
            var names = specifiers.OfType<ImportSpecifier>().Select(s => NameOf(s.Imported)).ToList();
            var form = defaultBinding is not null ? ImportForm.Default : namespaceBinding is not null ? ImportForm.Namespace : ImportForm.Named;
            Add(declaration.Source, form, names, defaultBinding ?? namespaceBinding);
        }

        private void Add(Node specifier, ImportForm form, IReadOnlyList<string> names, string? binding)
        {
            var start = specifier.Location.Start;
            _found.Add((specifier, new ModuleReference(StaticString(specifier)!, form, start.Line, start.Column + 1, names, binding, TypeOnly: false)));
        }

        private static string? StaticString(Node node) => node switch
        {
            StringLiteral literal => literal.Value,
            TemplateLiteral { Expressions.Count: 0 } template => template.Quasis[0].Value.Cooked,
            _ => null,
        };

        private static string NameOf(Node node) => node switch
        {
            Identifier identifier => identifier.Name,
            StringLiteral literal => literal.Value,
            _ => node.ToString() ?? string.Empty,
        };
    }
}
