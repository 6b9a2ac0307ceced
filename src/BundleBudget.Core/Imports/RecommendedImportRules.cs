using BundleBudget.Core.Budgets;

namespace BundleBudget.Core.Imports;

/// <summary>
/// The built-in rule set ("rules": "recommended"): imports that pull a whole library for a part of it, with their
/// typical cost and the narrow import or lighter library to use. Narrow forms (<c>lodash/map</c>, named imports from
/// <c>lodash-es</c> or <c>date-fns</c>) are never flagged.
/// </summary>
public static class RecommendedImportRules
{
    private static readonly ImportForm[] ValueForms =
    [
        ImportForm.Default, ImportForm.Namespace, ImportForm.Named, ImportForm.SideEffect, ImportForm.ExportAll,
        ImportForm.ExportNamed, ImportForm.Require, ImportForm.ImportEquals, ImportForm.DynamicImport,
    ];

    private static readonly ImportForm[] WholeObjectForms =
    [
        ImportForm.Default, ImportForm.Namespace, ImportForm.SideEffect, ImportForm.ExportAll, ImportForm.Require, ImportForm.ImportEquals,
    ];

    public static IReadOnlyList<ImportRule> All { get; } =
    [
        Rule("lodash", ["lodash"], ValueForms,
            "all of lodash, about 70 kB minified and 25 kB gzip: it is CommonJS and does not tree-shake, even for named imports",
            r => $"import each function from its own module: {PerFunction(r, "lodash/", "import debounce from 'lodash/debounce'")}, or use named imports from 'lodash-es'",
            ["lodash/lodash.js", "lodash/lodash.min.js"]),
        Rule("underscore", ["underscore"], WholeObjectForms,
            "all of Underscore, about 19 kB minified",
            r => $"use native array and object methods, or import single functions: {PerFunction(r, "underscore/modules/", "import debounce from 'underscore/modules/debounce.js'", ".js")}",
            ["underscore/underscore.js", "underscore/underscore-min.js", "underscore/underscore-umd.js", "underscore/underscore-umd-min.js"]),
        Rule("moment", ["moment", "moment/min/*"], ValueForms,
            "all of Moment.js, about 70 kB minified plus up to 200 kB of locales, and it does not tree-shake",
            _ => "use the native Intl.DateTimeFormat and Date, or a modular library: date-fns (import { format } from 'date-fns') or Day.js (2 kB)",
            ["moment/moment.js", "moment/dist/moment.js", "moment/min/moment*.js", "moment/locale/*"]),
        Rule("moment-timezone", ["moment-timezone", "moment-timezone/builds/*"], ValueForms,
            "Moment.js plus the whole time zone database, several hundred kB",
            _ => "use Intl.DateTimeFormat with timeZone, or date-fns-tz, or Day.js with its timezone plugin",
            ["moment-timezone/index.js", "moment-timezone/builds/*", "moment-timezone/data/packed/*"]),
        Rule("rxjs-compat", ["rxjs/Rx", "rxjs/bundles/*", "rxjs-compat", "rxjs-compat/*"], ValueForms,
            "all of RxJS with every operator patched in, over 150 kB minified",
            _ => "import creation functions from 'rxjs' and operators from 'rxjs/operators' (RxJS 6+), which tree-shake",
            ["rxjs/bundles/*", "rxjs-compat/*"]),
        Rule("aws-sdk-v2", ["aws-sdk"], ValueForms,
            "all of the AWS SDK v2, several MB with every service client",
            _ => "use the modular v3 clients, such as import { S3Client } from '@aws-sdk/client-s3' (or at least 'aws-sdk/clients/s3')",
            ["aws-sdk/lib/*", "aws-sdk/clients/all.js"]),
        Rule("core-js", ["core-js", "core-js/stable", "core-js/actual", "core-js/full", "core-js/es"], ValueForms,
            "every polyfill core-js has, about 50 to 90 kB minified, most of them for features every target browser has",
            _ => "import only the polyfills your browsers need (such as 'core-js/actual/array/at'), or let @babel/preset-env with useBuiltIns: 'usage' add them",
            ["core-js/stable/index.js", "core-js/actual/index.js", "core-js/full/index.js", "core-js/index.js"]),
        Rule("babel-polyfill", ["@babel/polyfill", "babel-polyfill"], ValueForms,
            "every core-js polyfill and regenerator-runtime, about 90 kB minified (and @babel/polyfill is deprecated)",
            _ => "remove it; add targeted polyfills ('core-js/actual/...') or @babel/preset-env with useBuiltIns: 'usage'",
            ["@babel/polyfill/*", "babel-polyfill/*"]),
        Rule("jquery", ["jquery", "jquery/dist/jquery", "jquery/dist/jquery.js", "jquery/dist/jquery.min.js"], WholeObjectForms,
            "all of jQuery, about 87 kB minified and 30 kB gzip",
            _ => "use the native DOM (querySelectorAll, classList, fetch, addEventListener), or at least the slim build 'jquery/dist/jquery.slim'",
            ["jquery/dist/jquery.js", "jquery/dist/jquery.min.js"]),
        Rule("chart.js-v2", ["chart.js", "chart.js/dist/Chart.js", "chart.js/dist/Chart.min.js", "chart.js/dist/Chart.bundle.js", "chart.js/dist/Chart.bundle.min.js"], ValueForms,
            "all of Chart.js 2, about 160 kB minified with every chart type, and all of Moment.js with its locales, which Chart.js 2 requires (over 300 kB minified together); Chart.js 2 does not tree-shake",
            _ => "upgrade to Chart.js 3 or later, which tree-shakes: import { Chart, LineController, LineElement, PointElement, LinearScale, TimeScale } from 'chart.js', Chart.register(...) the parts you use, and a date adapter without Moment.js (chartjs-adapter-date-fns)",
            ["chart.js/dist/Chart.js", "chart.js/dist/Chart.min.js", "chart.js/dist/Chart.bundle.js", "chart.js/dist/Chart.bundle.min.js"]) with
        {
            // The dist/Chart*.js files are version 2's builds. 'chart.js' itself is the whole library in version 2 only;
            // when no node_modules or lockfile tells the version, a default import or require() can only be version 2
            // (version 3 and later have no default export) or the CommonJS build, which is whole in every version.
            When = (reference, installed) => reference.Module != "chart.js"
                || installed?.Major is < 3
                || (installed?.Major is null && reference.Form is ImportForm.Default or ImportForm.Require or ImportForm.ImportEquals),
            Pulls = ["moment"],
        },
        Rule("chart.js-commonjs", ["chart.js"], [ImportForm.Require, ImportForm.ImportEquals],
            "all of Chart.js: require() loads its CommonJS build, which holds every chart type, scale and plugin and does not tree-shake",
            _ => "import { Chart, LineController, LineElement, PointElement, LinearScale, CategoryScale } from 'chart.js' and Chart.register(...) only the parts you use",
            ["chart.js/dist/chart.cjs", "chart.js/dist/chart.umd.js", "chart.js/dist/chart.umd.min.js", "chart.js/dist/chart.min.js"]) with
        {
            When = (_, installed) => installed?.Major is >= 3,
        },
        Rule("moment-adapter", ["chartjs-adapter-moment", "react-moment", "vue-moment", "ngx-moment", "angular-moment"], ValueForms,
            "all of Moment.js, which it requires: about 70 kB minified plus up to 200 kB of locales, and Moment.js does not tree-shake",
            r => r.Module == "chartjs-adapter-moment"
                ? "use chartjs-adapter-date-fns (with date-fns, which tree-shakes) or chartjs-adapter-luxon"
                : "format dates with Intl.DateTimeFormat, or a component built on date-fns or Day.js",
            []) with
        {
            Pulls = ["moment"],
        },
        Rule("fontawesome-all", ["@fortawesome/fontawesome-free/css/all.css", "@fortawesome/fontawesome-free/css/all.min.css", "@fortawesome/fontawesome-pro/css/all.css", "@fortawesome/fontawesome-pro/css/all.min.css",
                "@fortawesome/fontawesome-free/js/all.js", "@fortawesome/fontawesome-free/js/all.min.js", "@fortawesome/fontawesome-pro/js/all.js", "@fortawesome/fontawesome-pro/js/all.min.js",
                "font-awesome/css/font-awesome.css", "font-awesome/css/font-awesome.min.css"],
            [ImportForm.SideEffect, ImportForm.Default, ImportForm.Namespace, ImportForm.Require, ImportForm.ImportEquals, ImportForm.DynamicImport],
            "every Font Awesome icon: the all-in-one file defines about 1,600 icons (about 60 kB of minified CSS, or over 1 MB of SVG in JavaScript), and its @font-face rules ship the webfonts of every style, solid, regular and brands (several hundred kB, with EOT, TTF and SVG copies before version 6)",
            _ => "load only the styles you use ('@fortawesome/fontawesome-free/css/fontawesome.min.css' plus 'solid.min.css'), or better, import the icons you use as SVG: import { library } from '@fortawesome/fontawesome-svg-core' and import { faUser } from '@fortawesome/free-solid-svg-icons'",
            []),
        Rule("chart.js-auto", ["chart.js/auto", "chart.js/auto/*"], ValueForms,
            "every Chart.js controller, element, scale and plugin registered, about 200 kB minified",
            _ => "import { Chart, LineController, LineElement, PointElement, LinearScale, CategoryScale } from 'chart.js' and Chart.register(...) only the parts you use",
            ["chart.js/auto/auto.js", "chart.js/auto/auto.cjs"]),
        Rule("mui-icons-namespace", ["@mui/icons-material", "@material-ui/icons"], [ImportForm.Namespace, ImportForm.ExportAll, ImportForm.Require, ImportForm.ImportEquals],
            "all of Material Icons, over 2000 components and several MB of source for the bundler to process",
            _ => "import each icon from its own path: import DeleteIcon from '@mui/icons-material/Delete'",
            []),
        Rule("fontawesome-barrel", ["@fortawesome/*-svg-icons", "@fortawesome/free-*"], [ImportForm.Namespace, ImportForm.ExportAll, ImportForm.Require, ImportForm.ImportEquals, ImportForm.Named],
            "a whole Font Awesome icon set, hundreds of kB of SVG paths",
            _ => "import only the icons you use: import { faUser } from '@fortawesome/free-solid-svg-icons' (never the fas/far/fab sets or a namespace)",
            [],
            names: ["fas", "far", "fab", "fal", "fad", "fat"]),
        Rule("antd-root", ["antd"], [ImportForm.Default, ImportForm.Namespace, ImportForm.Require, ImportForm.ImportEquals],
            "all of Ant Design, over 1 MB minified, where old versions do not tree-shake a root default import",
            _ => "import components by name, import { Button } from 'antd' (antd 4 and later tree-shake), or from 'antd/es/button'",
            ["antd/dist/antd.js", "antd/dist/antd.min.js"]),
        Rule("material-ui-root", ["@material-ui/core"], [ImportForm.Default, ImportForm.Namespace, ImportForm.Require, ImportForm.ImportEquals],
            "all of Material-UI v4, about 300 kB minified",
            _ => "import each component from its path, import Button from '@material-ui/core/Button', or move to @mui/material with named imports",
            ["@material-ui/core/umd/*"]),
        Rule("three-namespace", ["three"], [ImportForm.Namespace, ImportForm.ImportEquals],
            "all of three.js, about 600 kB minified, since a namespace import keeps every export reachable",
            _ => "import what you use by name: import { Scene, PerspectiveCamera, WebGLRenderer } from 'three'",
            []),
    ];

    private static ImportRule Rule(
        string id, string[] modules, IEnumerable<ImportForm> forms, string cost, Func<ModuleReference, string> fix, string[] bundled, string[]? names = null) =>
        new(id, modules.Select(Glob).ToList(), forms.ToHashSet(), names?.ToHashSet(StringComparer.Ordinal), cost, fix, bundled.Select(Glob).ToList());

    private static FileGlob Glob(string pattern) =>
        FileGlob.TryParse(pattern, out var glob, out var error) ? glob! : throw new InvalidOperationException($"Rule pattern '{pattern}': {error}");

    /// <summary>One per-function import per function the file uses, or an example when that is not known.</summary>
    private static string PerFunction(ModuleReference reference, string prefix, string example, string extension = "")
    {
        var functions = reference.Names.Count > 0 ? reference.Names : reference.UsedMembers;
        if (functions.Count == 0)
        {
            return example;
        }

        return string.Join("; ", functions.Take(4).Select(f => $"import {f} from '{prefix}{f}{extension}'")) + (functions.Count > 4 ? "; ..." : string.Empty);
    }
}
