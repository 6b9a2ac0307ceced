using System.Text.Json;
using BundleBudget.Core.Imports;

namespace BundleBudget.Core.Tests.Imports;

/// <summary>
/// The reader against the TypeScript compiler itself: testassets/ts-corpus holds real TypeScript and TSX sources of
/// npm packages (TanStack Router and Query, RxJS, Zod) and expected-imports.json lists every module reference the
/// compiler's AST has in them (ts-corpus/oracle.mjs). Every one must be found, at the same place, and nothing else.
/// </summary>
public class TypeScriptOracleTests
{
    [TestCase("ts-corpus")]
    [TestCase("ts-app")]
    public void Finds_exactly_the_references_the_TypeScript_compiler_sees(string fixture)
    {
        var root = Path.Combine(TestAssets.Folder, fixture);
        using var expected = JsonDocument.Parse(File.ReadAllText(Path.Combine(root, "expected-imports.json")));
        var files = expected.RootElement.GetProperty("files").EnumerateArray().Select(f => f.GetString()!).ToList();
        var expectedReferences = expected.RootElement.GetProperty("references").EnumerateArray()
            .Select(r => Format(r.GetProperty("file").GetString()!, r.GetProperty("line").GetInt32(), r.GetProperty("column").GetInt32(),
                r.GetProperty("form").GetString()!, r.GetProperty("module").GetString()!, r.GetProperty("typeOnly").GetBoolean()))
            .ToList();
        Assert.That(files, Has.Count.GreaterThan(fixture == "ts-corpus" ? 70 : 5));

        var actual = new List<string>();
        foreach (var file in files)
        {
            var result = SourceModuleReader.Read(Path.Combine(root, file));
            Assert.That(result.Problem, Is.Null, $"{file}: {result.Problem}");
            actual.AddRange(result.References.Select(r => Format(file, r.Line, r.Column, r.Form.ToWireName(), r.Module, r.TypeOnly)));
        }

        Assert.That(actual.Except(expectedReferences), Is.Empty, "found, but not a reference to the compiler");
        Assert.That(expectedReferences.Except(actual), Is.Empty, "a reference the compiler sees, not found");
        Assert.That(actual, Has.Count.EqualTo(expectedReferences.Count));
    }

    private static string Format(string file, int line, int column, string form, string module, bool typeOnly) =>
        $"{file}:{line}:{column} {form} {module}{(typeOnly ? " (type)" : string.Empty)}";
}
