using System.Text;
using BundleBudget.Core.Budgets;
using BundleBudget.Core.Diagnostics;
using BundleBudget.Core.Imports;

namespace BundleBudget.Core.Tests.Imports;

public class ImportRulesTests
{
    private static ImportRule? RuleFor(string source, string fileName = "a.ts")
    {
        var reference = SourceModuleReader.Read(fileName, source).References.Single();
        return RecommendedImportRules.All.FirstOrDefault(r => r.Matches(reference));
    }

    [TestCase("import _ from 'lodash';", "lodash")]
    [TestCase("import * as _ from 'lodash';", "lodash")]
    [TestCase("import { map } from 'lodash';", "lodash")]
    [TestCase("const _ = require('lodash');", "lodash")]
    [TestCase("export { map } from 'lodash';", "lodash")]
    [TestCase("import _ = require('lodash');", "lodash")]
    [TestCase("import _ from 'underscore';", "underscore")]
    [TestCase("import moment from 'moment';", "moment")]
    [TestCase("import { utc } from 'moment';", "moment")]
    [TestCase("const m = await import('moment');", "moment")]
    [TestCase("import moment from 'moment-timezone';", "moment-timezone")]
    [TestCase("import { Observable } from 'rxjs/Rx';", "rxjs-compat")]
    [TestCase("import 'rxjs/bundles/rxjs.umd.min.js';", "rxjs-compat")]
    [TestCase("import AWS from 'aws-sdk';", "aws-sdk-v2")]
    [TestCase("import { S3 } from 'aws-sdk';", "aws-sdk-v2")]
    [TestCase("import 'core-js';", "core-js")]
    [TestCase("import 'core-js/stable';", "core-js")]
    [TestCase("require('@babel/polyfill');", "babel-polyfill")]
    [TestCase("import $ from 'jquery';", "jquery")]
    [TestCase("import Chart from 'chart.js/auto';", "chart.js-auto")]
    [TestCase("import * as Icons from '@mui/icons-material';", "mui-icons-namespace")]
    [TestCase("import * as icons from '@fortawesome/free-solid-svg-icons';", "fontawesome-barrel")]
    [TestCase("import { fas } from '@fortawesome/free-solid-svg-icons';", "fontawesome-barrel")]
    [TestCase("import antd from 'antd';", "antd-root")]
    [TestCase("import MaterialUI from '@material-ui/core';", "material-ui-root")]
    [TestCase("import * as THREE from 'three';", "three-namespace")]
    public void Flags_the_whole_library_imports(string source, string rule)
    {
        Assert.That(RuleFor(source)?.Id, Is.EqualTo(rule));
    }

    [TestCase("import map from 'lodash/map';")]
    [TestCase("import { map, filter } from 'lodash-es';")]
    [TestCase("import { format } from 'date-fns';")]
    [TestCase("import dayjs from 'dayjs';")]
    [TestCase("import { Observable } from 'rxjs';")]
    [TestCase("import { map } from 'rxjs/operators';")]
    [TestCase("import S3 from 'aws-sdk/clients/s3';")]
    [TestCase("import { S3Client } from '@aws-sdk/client-s3';")]
    [TestCase("import 'core-js/actual/array/at';")]
    [TestCase("import { Chart, LineController } from 'chart.js';")]
    [TestCase("import DeleteIcon from '@mui/icons-material/Delete';")]
    [TestCase("import { Delete } from '@mui/icons-material';")]
    [TestCase("import { faUser } from '@fortawesome/free-solid-svg-icons';")]
    [TestCase("import { Button } from 'antd';")]
    [TestCase("import Button from '@material-ui/core/Button';")]
    [TestCase("import { Scene, WebGLRenderer } from 'three';")]
    [TestCase("import type { Moment } from 'moment';")]
    [TestCase("import { type LoDashStatic } from 'lodash';")]
    [TestCase("type M = typeof import('moment');")]
    [TestCase("import { library } from '@fortawesome/fontawesome-svg-core';")]
    public void Never_flags_narrow_imports_or_types(string source)
    {
        Assert.That(RuleFor(source), Is.Null);
    }

    [Test]
    public void The_lodash_fix_names_the_functions_the_file_uses()
    {
        var reference = SourceModuleReader.Read("a.ts", "import _ from 'lodash';\n_.debounce(f); _.sortBy(x);").References.Single();
        var fix = RecommendedImportRules.All.First(r => r.Matches(reference)).Fix(reference);
        Assert.That(fix, Does.Contain("import debounce from 'lodash/debounce'; import sortBy from 'lodash/sortBy'"));
    }

    private static ImportAnalysis Analyze(string importsJson, params (string Path, string Content)[] files)
    {
        var folder = Path.Combine(Path.GetTempPath(), "bundlebudget-tests", Guid.NewGuid().ToString("N")[..12]);
        foreach (var (path, content) in files)
        {
            var full = Path.Combine(folder, path);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            File.WriteAllText(full, content);
        }

        var budgetPath = Path.Combine(folder, "budget.json");
        var read = BudgetFileReader.Parse(budgetPath, Encoding.UTF8.GetBytes($$"""{ "budgets": [ { "type": "script", "maximumError": 1 } ], "imports": {{importsJson}} }"""));
        Assert.That(read.Diagnostics, Is.Empty, string.Join("\n", read.Diagnostics));
        try
        {
            return ImportAnalyzer.Analyze(folder, read.File!.Imports);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Test]
    public void Sources_default_to_src_and_never_read_node_modules()
    {
        var analysis = Analyze("{}",
            ("src/a.ts", "import _ from 'lodash';"),
            ("src/node_modules/x/index.js", "import _ from 'lodash';"),
            ("node_modules/y/index.js", "import _ from 'lodash';"),
            ("other/b.ts", "import _ from 'lodash';"),
            ("src/readme.md", "import _ from 'lodash';"));
        Assert.That(analysis.FilesAnalysed, Is.EqualTo(1));
        Assert.That(analysis.Findings.Single().RelativeFile, Is.EqualTo("src/a.ts"));
        var diagnostic = analysis.Diagnostics.Single();
        Assert.That(diagnostic.Code, Is.EqualTo("BB2001"));
        Assert.That(diagnostic.Severity, Is.EqualTo(Severity.Warning));
        Assert.That((diagnostic.Line, diagnostic.Column), Is.EqualTo((1, 15)));
    }

    [Test]
    public void Allow_skips_modules_and_files_and_severity_error_makes_findings_errors()
    {
        var analysis = Analyze("""{ "sources": ["app/**/*.ts"], "allow": ["moment", "app/legacy/**"], "severity": "error" }""",
            ("app/a.ts", "import moment from 'moment'; import $ from 'jquery';"),
            ("app/legacy/b.ts", "import _ from 'lodash';"));
        Assert.That(analysis.Findings.Select(f => f.Reference.Module), Is.EqualTo(new[] { "jquery" }));
        Assert.That(analysis.Diagnostics.Single().Severity, Is.EqualTo(Severity.Error));
    }

    [Test]
    public void Extra_rules_add_a_teams_own_modules_and_rules_none_keeps_only_them()
    {
        var analysis = Analyze("""
            { "rules": "none", "extra": [ { "id": "big-charts", "module": "big-charts", "forms": ["import-default", "import-namespace"], "message": "import from 'big-charts/line' instead" } ] }
            """,
            ("src/a.ts", "import charts from 'big-charts'; import { Line } from 'big-charts'; import _ from 'lodash';"));
        var finding = analysis.Findings.Single();
        Assert.That(finding.Rule.Id, Is.EqualTo("big-charts"));
        Assert.That(finding.ToDiagnostic().Message, Does.Contain("import from 'big-charts/line' instead"));
    }

    [Test]
    public void A_source_file_with_a_syntax_error_is_BB2003_and_the_others_are_still_analysed()
    {
        var analysis = Analyze("{}",
            ("src/broken.js", "import _ from 'lodash';\nlet = = 1;"),
            ("src/fine.ts", "import moment from 'moment';"));
        Assert.That(analysis.Findings.Single().RelativeFile, Is.EqualTo("src/fine.ts"));
        var problem = analysis.Diagnostics.Single(d => d.Code == "BB2003");
        Assert.That(problem.File, Does.EndWith("broken.js"));
        Assert.That(problem.Line, Is.EqualTo(2));
    }

    [TestCase("""{ "severity": "fatal" }""", "BB9003")]
    [TestCase("""{ "rules": "strict" }""", "BB9003")]
    [TestCase("""{ "sourcse": [] }""", "BB9002")]
    [TestCase("""{ "extra": [ { "module": "x" } ] }""", "BB9005")]
    [TestCase("""{ "extra": [ { "module": "x", "message": "y", "forms": ["import-everything"] } ] }""", "BB9003")]
    [TestCase("""{ "sources": ["src/[.ts"] }""", "BB9010")]
    public void A_bad_imports_section_is_a_BB9xxx_error(string importsJson, string code)
    {
        var read = BudgetFileReader.Parse("/p/budget.json", Encoding.UTF8.GetBytes($$"""{ "budgets": [ { "type": "script", "maximumError": 1 } ], "imports": {{importsJson}} }"""));
        Assert.That(read.Diagnostics.Select(d => d.Code), Does.Contain(code));
    }

    [Test]
    public void A_budget_file_with_only_an_imports_section_is_valid()
    {
        var read = BudgetFileReader.Parse("/p/budget.json", Encoding.UTF8.GetBytes("""{ "imports": { "severity": "error" } }"""));
        Assert.That(read.Diagnostics, Is.Empty);
    }
}
