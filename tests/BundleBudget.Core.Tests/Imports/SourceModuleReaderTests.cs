using BundleBudget.Core.Diagnostics;
using BundleBudget.Core.Imports;

namespace BundleBudget.Core.Tests.Imports;

/// <summary>Every import form, in every language the reader supports, and the syntax that fools a regular expression.</summary>
public class SourceModuleReaderTests
{
    private static IReadOnlyList<ModuleReference> Read(string fileName, string text)
    {
        var result = SourceModuleReader.Read(fileName, text);
        Assert.That(result.Problem, Is.Null, result.Problem?.ToString());
        return result.References;
    }

    private static string Describe(ModuleReference r) =>
        $"{r.Line}:{r.Column} {r.Form.ToWireName()} {r.Module}{(r.TypeOnly ? " type" : "")}";

    [TestCase("a.js")]
    [TestCase("a.mjs")]
    [TestCase("a.ts")]
    [TestCase("a.tsx")]
    [TestCase("a.jsx")]
    public void Finds_every_form_with_its_line_and_column(string fileName)
    {
        const string source = """
            import _ from 'lodash';
            import * as ns from "namespace";
            import { a, b as c } from 'named';
            import 'side-effect';
            export * from 'export-all';
            export { d } from 'export-named';
            const r = require('required');
            const lazy = import('lazy');
            import def, { e } from 'default-and-named';
            import def2, * as ns2 from 'default-and-namespace';
            """;
        var references = Read(fileName, source).Select(Describe).ToList();
        Assert.That(references, Is.EqualTo(new[]
        {
            "1:15 import-default lodash",
            "2:21 import-namespace namespace",
            "3:27 import-named named",
            "4:8 import-side-effect side-effect",
            "5:15 export-all export-all",
            "6:19 export-named export-named",
            "7:19 require required",
            "8:21 dynamic-import lazy",
            "9:24 import-default default-and-named",
            "10:28 import-default default-and-namespace",
        }));
    }

    [TestCase("a.js")]
    [TestCase("a.ts")]
    [TestCase("a.tsx")]
    public void Bindings_names_and_used_members_are_kept_for_the_fix(string fileName)
    {
        var references = Read(fileName, """
            import _ from 'lodash';
            import { map as m, filter } from 'lodash';
            const { sortBy, uniq: u } = require('lodash');
            const moment = require('moment');
            _.debounce(f, 10); _.throttle(g); _.debounce(h);
            moment.utc(); x._.nope();
            """);
        Assert.That(references[0].Binding, Is.EqualTo("_"));
        Assert.That(references[0].UsedMembers, Is.EqualTo(new[] { "debounce", "throttle" }));
        Assert.That(references[1].Names, Is.EqualTo(new[] { "map", "filter" }));
        Assert.That(references[2].Names, Is.EqualTo(new[] { "sortBy", "uniq" }));
        Assert.That(references[3].Binding, Is.EqualTo("moment"));
        Assert.That(references[3].UsedMembers, Is.EqualTo(new[] { "utc" }));
    }

    [TestCase("a.js")]
    [TestCase("a.ts")]
    [TestCase("a.tsx")]
    [TestCase("a.jsx")]
    public void Comments_strings_templates_and_regular_expressions_that_merely_contain_an_import_are_not_references(string fileName)
    {
        var references = Read(fileName, """
            // import _ from 'lodash'
            /* import moment from 'moment'; require('jquery') */
            const s = "import _ from 'lodash'";
            const t = 'require("moment")';
            const u = `import x from 'three' ${ "nested" + `import('y')` } still template`;
            const re = /import _ from 'lodash'/g;
            const half = total / 2; const ratio = a / b / c;
            const alsoRe = [/require\('x'\)/, /[/]import('q')/];
            import real from 'real';
            """);
        Assert.That(references.Select(r => r.Module), Is.EqualTo(new[] { "real" }));
    }

    [Test]
    public void Template_substitutions_are_code_and_their_imports_count()
    {
        var references = Read("a.ts", "const x = `${await import('inside')}`;\nconst y = `a${ `b${ require('deep') }` }c`;");
        Assert.That(references.Select(Describe), Is.EqualTo(new[] { "1:27 dynamic-import inside", "2:29 require deep" }));
    }

    [Test]
    public void Type_only_imports_and_exports_are_marked_and_value_imports_are_not()
    {
        var references = Read("a.ts", """
            import type { Moment } from 'moment';
            import type Default from 'type-default';
            import type * as All from 'type-namespace';
            import { type Locale } from 'date-fns';
            import { type Locale as L, format } from 'date-fns/mixed';
            import type from 'named-type';
            import type, { x } from 'named-type-too';
            export type { T } from 'types';
            export type * from 'all-types';
            import type E = require('type-equals');
            type M = typeof import('type-import');
            let n: import('type-import-member').Thing;
            const p = import('lazy').then(m => m);
            """);
        Assert.That(references.Select(Describe), Is.EqualTo(new[]
        {
            "1:29 import-named moment type",
            "2:26 import-default type-default type",
            "3:27 import-namespace type-namespace type",
            "4:29 import-named date-fns type",
            "5:42 import-named date-fns/mixed",
            "6:18 import-default named-type",
            "7:25 import-default named-type-too",
            "8:24 export-named types type",
            "9:20 export-all all-types type",
            "10:25 import-equals type-equals type",
            "11:24 import-type type-import type",
            "12:15 import-type type-import-member type",
            "13:18 dynamic-import lazy",
        }));
    }

    [Test]
    public void TypeScript_syntax_around_imports_is_understood()
    {
        var references = Read("a.ts", """
            import fs = require('fs');
            export import path = require('path');
            import Alias = Some.Namespace;
            declare module 'ambient' { export const x: number; }
            @Component({ selector: 'app' })
            class A<T extends object> implements B<T> {
              private readonly x = <any>window as unknown as Map<string, Array<number>>;
              method<U>(u: U): Promise<U> { return Promise.resolve(u!) }
            }
            const generic = identity<string>('x') / 2;
            import { z } from 'after-generics';
            """);
        Assert.That(references.Select(Describe), Is.EqualTo(new[]
        {
            "1:21 import-equals fs",
            "2:30 import-equals path",
            "11:19 import-named after-generics",
        }));
    }

    [Test]
    public void JSX_text_attribute_strings_and_nested_expressions_are_handled()
    {
        var references = Read("a.tsx", """
            import React from 'react';
            const id = <T,>(x: T): T => x;
            const id2 = <T extends unknown>(x: T) => x;
            const f: <T>(x: T) => T = (x) => x;
            export const App = () => (
              <div className="it's" data-path='C:\' title={`a ${"b"}`}>
                <p>Don't panic: import _ from 'lodash'</p>
                {items.map(i => <Item key={i} onClick={() => import('./lazy-item')} />)}
                <>fragment's text / not a regex</>
                {/* a comment with require('nope') */}
                <svg:rect xlink:href="#x" />
                <Select<string> value="v" />
              </div>
            );
            const half = width / 2;
            import after from 'after-jsx';
            """);
        Assert.That(references.Select(Describe), Is.EqualTo(new[]
        {
            "1:19 import-default react",
            "8:57 dynamic-import ./lazy-item",
            "16:19 import-default after-jsx",
        }));
    }

    [Test]
    public void JSX_in_a_js_file_is_read_as_JSX()
    {
        var references = Read("component.js", "import React from 'react';\nexport default () => <p>Don't {require('x')}</p>;\n");
        Assert.That(references.Select(Describe), Is.EqualTo(new[] { "1:19 import-default react", "2:40 require x" }));
    }

    [Test]
    public void Member_calls_named_require_or_import_are_not_references()
    {
        var references = Read("a.ts", "obj.require('x'); obj.import('y'); a?.require('z'); require.resolve('w'); function require(m) {}\nconst o = { import: 1, require: 2 };");
        Assert.That(references, Is.Empty);
    }

    [Test]
    public void Vue_and_svelte_script_blocks_are_read_with_the_lines_of_the_file()
    {
        var vue = Read("C.vue", """
            <template>
              <div>import _ from 'lodash'</div>
            </template>
            <script setup lang="ts">
            import moment from 'moment';
            import type { Ref } from 'vue';
            </script>
            <script>
            export default { components: { X: () => import('./X.vue') } };
            </script>
            """);
        Assert.That(vue.Select(Describe), Is.EqualTo(new[] { "5:20 import-default moment", "6:26 import-named vue type", "9:48 dynamic-import ./X.vue" }));

        var svelte = Read("C.svelte", "<script>\n  import * as _ from 'lodash';\n</script>\n<p>{_.map(x)}</p>\n");
        Assert.That(svelte.Select(Describe), Is.EqualTo(new[] { "2:22 import-namespace lodash" }));
    }

    [TestCase("a.js", "let x = ;\n", 1, 9)]
    [TestCase("a.ts", "const s = 'unterminated;\nimport x from 'y';", 1, 11)]
    [TestCase("a.tsx", "const a = <div><p></div>;", 1, 19)]
    [TestCase("a.ts", "/* never closed", 1, 1)]
    [TestCase("a.ts", "const t = `open ${x}", 1, 11)]
    public void A_file_that_does_not_parse_is_warning_BB2003_with_the_place(string fileName, string text, int line, int column)
    {
        var result = SourceModuleReader.Read(fileName, text);
        Assert.That(result.Problem, Is.Not.Null);
        Assert.That(result.Problem!.Code, Is.EqualTo(ImportDiagnostics.SourceNotParsed));
        Assert.That(result.Problem.Severity, Is.EqualTo(Severity.Warning));
        Assert.That(result.Problem.File, Is.EqualTo(fileName));
        Assert.That((result.Problem.Line, result.Problem.Column), Is.EqualTo((line, column)));
    }

    [TestCase("a.js")]
    [TestCase("a.ts")]
    [TestCase("a.tsx")]
    public void A_hundred_thousand_deep_nesting_is_a_warning_not_a_crash(string fileName)
    {
        var deep = "import a from 'a';\nconst x = " + new string('(', 100_000) + "1" + new string(')', 100_000) + ";\n"
            + "const y = `" + string.Concat(Enumerable.Repeat("${`", 2_000)) + string.Concat(Enumerable.Repeat("`}", 2_000)) + "`;";
        var result = SourceModuleReader.Read(fileName, deep);
        if (result.Problem is null)
        {
            Assert.That(result.References.Single().Module, Is.EqualTo("a"));
        }
        else
        {
            Assert.That(result.Problem.Code, Is.EqualTo(ImportDiagnostics.SourceNotParsed));
            Assert.That(result.Problem.Message, Does.Contain("nest"));
        }
    }

    [Test]
    public void A_non_null_assertion_before_a_division_is_not_a_regular_expression()
    {
        var references = Read("a.ts", "const half = width! / 2; const q = items[0]! / total!/3;\nimport z from 'after';");
        Assert.That(references.Single().Module, Is.EqualTo("after"));
    }

    [Test]
    public void A_lone_surrogate_escape_is_valid_and_read()
    {
        var references = Read("a.ts", "const s = \"\\u{D800}\";\nimport z from 'after';");
        Assert.That(references.Single().Module, Is.EqualTo("after"));
        var invalid = SourceModuleReader.Read("b.ts", "const s = \"\\u{FFFFFFFF}\";\nimport z from 'after';");
        Assert.That(invalid.Problem is null || invalid.Problem.Code == ImportDiagnostics.SourceNotParsed, Is.True);
    }

    [Test]
    public void Generic_function_types_in_tsx_are_tried_as_JSX_once_so_time_stays_linear()
    {
        var lines = string.Concat(Enumerable.Range(0, 400).Select(i => $"type P{i} = {{ render: <T>(item: T) => string }};\ninterface I{i} {{ <T>(x: T): T }}\ntype F{i} = <T>(x: T) => T;\n"));
        var result = SourceModuleReader.Read("types.tsx", "import a from 'a';\n" + lines + "import b from 'b';\n");
        Assert.That(result.Problem, Is.Null, result.Problem?.ToString());
        Assert.That(result.References.Select(r => r.Module), Is.EqualTo(new[] { "a", "b" }));
    }

    [Test]
    public void Any_failure_inside_the_reader_is_a_warning_not_a_crash()
    {
        var vue = "<template></template>\n" + string.Concat(Enumerable.Repeat("<script>\n", 100_000));
        var result = SourceModuleReader.Read("Huge.vue", vue);
        Assert.That(result.Problem is null || result.Problem.Code == ImportDiagnostics.SourceNotParsed, Is.True);

        var blocks = string.Concat(Enumerable.Range(0, 20_000).Select(i => $"<script>import m{i} from 'm{i}'</script>\n"));
        var many = SourceModuleReader.Read("Many.vue", blocks);
        Assert.That(many.References, Has.Count.EqualTo(20_000));
    }

    [Test]
    public void Decorators_in_a_js_file_are_read_with_the_scanner()
    {
        var references = Read("element.js", "import { LitElement } from 'lit';\n@customElement('x-a') class A extends LitElement {}\n");
        Assert.That(references.Single().Module, Is.EqualTo("lit"));
    }

    [Test]
    public void Import_types_in_annotations_unions_generics_and_aliases_are_types_and_dynamic_imports_in_values_are_not()
    {
        var references = Read("a.ts", """
            type L = import('lodash');
            let m: import('moment') | undefined;
            let p: Promise<import('lodash-es')>;
            let u: string | import('three');
            interface O { opt?: import('jquery') }
            const lazy = cond ? import('value-ternary') : import('value-else');
            const arrow = () => import('value-arrow');
            load(import('value-argument'));
            """);
        Assert.That(references.Select(r => $"{r.Module} {(r.TypeOnly ? "type" : "value")}"), Is.EqualTo(new[]
        {
            "lodash type", "moment type", "lodash-es type", "three type", "jquery type",
            "value-ternary value", "value-else value", "value-arrow value", "value-argument value",
        }));
    }
}
