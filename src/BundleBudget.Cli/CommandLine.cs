using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;
using System.CommandLine.Parsing;
using System.Globalization;
using BundleBudget.Core;
using BundleBudget.Core.Reports;

namespace BundleBudget.Cli;

/// <summary>The parsed arguments of <c>bundle-budget check</c>.</summary>
internal sealed record CheckArguments(string BudgetFile, string? Directory, string? JsonReport, string? MarkdownReport, string? CachePath, bool Brotli, bool Quiet)
{
    public string? SarifReport { get; init; }

    public string? HtmlReport { get; init; }

    public string? Baseline { get; init; }

    public string? NormalizeFilenames { get; init; }

    public bool Strict { get; init; }

    public string? StaticWebAssets { get; init; }

    /// <summary>--measure: load the entry pages in a browser and evaluate the timing budgets.</summary>
    public bool Measure { get; init; }

    public string? Browser { get; init; }

    public int? Runs { get; init; }

    public string? Device { get; init; }

    /// <summary>--from: another tool's budget config (bundlewatch, bundlesize, size-limit) read instead of budget.json.</summary>
    public string? From { get; init; }

    /// <summary>Every --budget given: more than one checks several projects into one report.</summary>
    public IReadOnlyList<string> BudgetFiles { get; init; } = [];

    public ReportOptions Reports => new(JsonReport, MarkdownReport, SarifReport, Baseline, NormalizeFilenames, HtmlReport);
}

/// <summary>The parsed arguments of <c>bundle-budget import</c>: another tool's config, and the budget.json to write.</summary>
internal sealed record ImportArguments(string From, string Output, bool Force);

/// <summary>The parsed arguments of <c>bundle-budget compare</c>; a null base means the head has nothing to compare with.</summary>
internal sealed record CompareArguments(string? BaseReport, string HeadReport, string? MarkdownReport, string? JsonReport, double ThresholdPercent, long ThresholdBytes)
{
    /// <summary>What else to take out of file names to pair the two reports' files.</summary>
    public string? NormalizeFilenames { get; init; }

    /// <summary>--measure: the two arguments are output folders whose pages are measured interleaved.</summary>
    public bool Measure { get; init; }

    public string BudgetFile { get; init; } = "budget.json";

    public string? Browser { get; init; }

    public int? Runs { get; init; }

    public string? Device { get; init; }

    public double Confidence { get; init; } = 0.95;
}

/// <summary>
/// The command tree of bundle-budget (System.CommandLine): generated help (-h, --help, -?), --version, response files
/// (@file.rsp), tab completion ([suggest], dotnet-suggest) and typo suggestions. Built once a process, bound by hand
/// (no reflection); a usage error exits 2, never System.CommandLine's 1, which would read as "over budget".
/// </summary>
internal sealed class CommandLine
{
    // The help's paragraphs, wrapped by hand.
    private const string CheckExitCodes = """
        Exit codes: 0 within budget (warnings and incomplete budgets allowed), 1 over budget (or an incomplete
        budget with --strict), 2 bad input or usage, or pages to measure and no browser (BB4001)
        """;

    private const string CheckNotes = """
        At most 20 findings of one code are printed, then a line with the count; the reports list them all.
        Under GitHub Actions (GITHUB_ACTIONS=true) findings are also printed as workflow annotations and the
        Markdown is appended to $GITHUB_STEP_SUMMARY.
        Sizes: 1 kB = 1000 bytes (SI); KiB = 1024 bytes.
        """;

    private readonly Option<string[]> _budget = new("--budget")
    {
        HelpName = "FILE",
        Description = "The budget file; repeat it to check several projects into one report (each checks its budget's outputPath, else the wwwroot beside it)",
        DefaultValueFactory = _ => ["budget.json"],
        Arity = ArgumentArity.OneOrMore,
        AllowMultipleArgumentsPerToken = false,
    };
    private readonly Option<string?> _from = FileOption("--from", "Read the budgets of another tool's config instead of budget.json, with their meaning there: Angular (angular.json), bundlewatch (bundlewatch.config.json), bundlesize (bundlesize.config.json) or size-limit (.size-limit.json), or their key in package.json");
    private readonly Argument<string> _importFrom = new("FILE") { Description = "angular.json, bundlewatch.config.json, bundlesize.config.json, .size-limit.json (or .js holding JSON), or a package.json with their keys" };
    private readonly Option<string> _importOutput = new("--output", "-o") { HelpName = "FILE", Description = "The budget.json to write", DefaultValueFactory = _ => "budget.json" };
    private readonly Option<bool> _force = new("--force") { Description = "Overwrite the budget.json if it exists" };
    private readonly Option<string?> _directory = new("--dir") { HelpName = "DIR", Description = "The folder to check [default: the budget's \"outputPath\", else ./wwwroot]" };
    private readonly Option<string?> _checkJson = FileOption("--json", "Write the JSON report to FILE");
    private readonly Option<string?> _checkMarkdown = FileOption("--markdown", "Write the Markdown summary (for a pull-request comment) to FILE");
    private readonly Option<string?> _sarif = FileOption("--sarif", "Write the findings as SARIF 2.1.0 (for code-scanning dashboards) to FILE");
    private readonly Option<string?> _html = FileOption("--html", "Write the HTML report (a treemap of what ships, and every table; one self-contained file) to FILE");
    private readonly Option<string?> _baseline = FileOption("--baseline", "A JSON report of an earlier check (the base branch's): also print what changed since, per budget and file");
    private readonly Option<string?> _checkNormalize = NormalizeOption();
    private readonly Option<string?> _compareNormalize = NormalizeOption();
    private readonly Option<string?> _staticWebAssets = FileOption("--static-web-assets", "ASP.NET Core's <app>.staticwebassets.runtime.json (in bin/): check what the app serves (Razor class libraries' _content/, the scoped-CSS bundle, _framework/) instead of the folder's own files, when the folder is the project's wwwroot");
    private readonly Option<bool> _brotli = new("--brotli") { Description = "Compute brotli sizes of every file, not only where a budget compares brotli" };
    private readonly Option<string?> _cache = FileOption("--cache", "Where computed sizes are cached [default: next to the JSON report, else the user's cache folder]");
    private readonly Option<bool> _strict = new("--strict") { Description = "A budget that could not be fully measured (BB1007) is an error, not a warning" };
    private readonly Option<bool> _quiet = new("--quiet") { Description = "Print only errors, warnings and the verdict" };

    private readonly Option<bool> _measure = new("--measure") { Description = "Load each entry page in an installed Chromium, Chrome or Edge (never downloaded) and measure FCP, LCP, CLS, TBT, TTI, load and a performance score; evaluates the timing budgets. Takes seconds per page" };
    private readonly Option<string?> _browser = new("--browser") { HelpName = "PATH", Description = "The browser to measure with [default: CHROME_PATH, else chromium, chrome or edge on PATH or where they install]" };

    private readonly Option<int?> _runs = new("--runs")
    {
        HelpName = "N",
        Description = "Loads per page, one after another; the median is compared [default: budget.json's timings.runs, else 5]",
        CustomParser = result => Parse<int?>(result, int.TryParse(Token(result), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n is >= 1 and <= 50, n, "--runs needs a whole number from 1 to 50."),
    };

    private readonly Option<string?> _device = new("--device")
    {
        HelpName = "mobile|desktop",
        Description = "The device emulated: mobile (Lighthouse's default throttling: slow 4G, CPU 4x slower) or desktop [default: budget.json's timings.device, else mobile]",
        CustomParser = result => Parse<string?>(result, Token(result) is "mobile" or "desktop", Token(result), "--device is mobile or desktop."),
    };

    private readonly Argument<string[]> _reports = new("reports")
    {
        Arity = new ArgumentArity(1, 2),
        Description = "[BASE.json] HEAD.json: reports of check --json, the base branch's (optional) and the pull request's",
    };

    private readonly Option<bool> _compareMeasure = new("--measure") { Description = "BASE and HEAD are output folders: load their entry pages in an installed browser, interleaved (base, head, base, ...), and judge the timing budgets' maximumRegression on each metric's median change and its bootstrap interval" };
    private readonly Option<string> _compareBudget = new("--budget") { HelpName = "FILE", Description = "With --measure: the budget file (entries, timings, the regression budgets)", DefaultValueFactory = _ => "budget.json" };
    private readonly Option<string?> _compareBrowser = new("--browser") { HelpName = "PATH", Description = "With --measure: the browser to measure with" };

    private readonly Option<int?> _compareRuns = new("--runs")
    {
        HelpName = "N",
        Description = "With --measure: runs of each page in each build [default: budget.json's timings.runs, else 5]",
        CustomParser = result => Parse<int?>(result, int.TryParse(Token(result), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n is >= 2 and <= 50, n, "--runs needs a whole number from 2 to 50 (an interval needs at least two runs a side)."),
    };

    private readonly Option<string?> _compareDevice = new("--device")
    {
        HelpName = "mobile|desktop",
        Description = "With --measure: the device emulated",
        CustomParser = result => Parse<string?>(result, Token(result) is "mobile" or "desktop", Token(result), "--device is mobile or desktop."),
    };

    private readonly Option<double> _confidence = new("--confidence")
    {
        HelpName = "C",
        Description = "With --measure: the confidence of the intervals",
        DefaultValueFactory = _ => 0.95,
        CustomParser = result => Parse(result, double.TryParse(Token(result), NumberStyles.Float, CultureInfo.InvariantCulture, out var c) && c is >= 0.5 and < 1, c, "--confidence needs a number from 0.5 to 0.999, such as 0.95."),
    };

    private readonly Option<string?> _compareMarkdown = FileOption("--markdown", "Write the comment (Markdown) to FILE");
    private readonly Option<string?> _compareJson = FileOption("--json", "Write the comparison as JSON to FILE");

    private readonly Option<double> _thresholdPercent = new("--threshold-percent")
    {
        HelpName = "P",
        Description = "Hide changes under P percent (and under --threshold-bytes)",
        DefaultValueFactory = _ => 0.5,
        CustomParser = result => Parse(result, double.TryParse(Token(result), NumberStyles.Float, CultureInfo.InvariantCulture, out var p) && p >= 0, p, "--threshold-percent needs a number such as 0.5."),
    };

    private readonly Option<long> _thresholdBytes = new("--threshold-bytes")
    {
        HelpName = "B",
        Description = "Hide changes under B bytes (and under --threshold-percent)",
        DefaultValueFactory = _ => 100,
        CustomParser = result => Parse(result, long.TryParse(Token(result), NumberStyles.Integer, CultureInfo.InvariantCulture, out var b) && b >= 0, b, "--threshold-bytes needs a whole number of bytes."),
    };

    private readonly RootCommand _root;

    public CommandLine(Func<CheckArguments, int> check, Func<CompareArguments, int> compare, Func<ImportArguments, int> import)
    {
        var checkCommand = new Command("check", "Checks a web build's output folder against budget.json.")
        {
            _budget, _directory, _checkJson, _checkMarkdown, _sarif, _html, _baseline, _checkNormalize, _staticWebAssets, _brotli, _cache, _strict, _quiet, _measure, _browser, _runs, _device, _from,
        };
        checkCommand.SetAction(result => check(ToCheckArguments(result)));

        var compareCommand = new Command("compare", "Compares two JSON reports of check (base branch and pull request) for a pull-request comment.")
        {
            _reports, _compareMarkdown, _compareJson, _thresholdPercent, _thresholdBytes, _compareNormalize,
            _compareMeasure, _compareBudget, _compareBrowser, _compareRuns, _compareDevice, _confidence,
        };
        compareCommand.SetAction(result => compare(ToCompareArguments(result)));

        var importCommand = new Command("import", "Writes the budgets of Angular, bundlewatch, bundlesize or size-limit as a budget.json, with the meaning they have there.")
        {
            _importFrom, _importOutput, _force,
        };
        importCommand.SetAction(result => import(new ImportArguments(result.GetValue(_importFrom)!, result.GetValue(_importOutput)!, result.GetValue(_force))));

        _root = new RootCommand("bundle-budget: front-end performance budgets (raw, gzip and brotli sizes of a web build's output) for CI.")
        {
            checkCommand, compareCommand, importCommand,
        };

        // The paragraphs a description would repeat in the list of commands come after each command's help.
        var helpOption = _root.Options.OfType<HelpOption>().Single();
        var help = new HelpWithNotes((HelpAction)helpOption.Action!, new Dictionary<Command, string>
        {
            [_root] = $"""
                {CheckExitCodes}; compare: 0, or 2 for bad input.
                {CheckNotes}
                Arguments can also come from a response file, one or more a line: bundle-budget @check.rsp
                """,
            [checkCommand] = $"""
                {CheckExitCodes}.
                {CheckNotes}
                """,
            [compareCommand] = """
                Prints the change as Markdown: per budget, then the biggest file changes, added and removed files. A
                missing or absent BASE.json prints the head report alone. Changes under both thresholds are hidden.
                Exit codes: 0, or 2 for bad input or usage.
                With --measure, BASE and HEAD are output folders: exit 1 when a timing budget's maximumRegression is
                exceeded beyond the noise, 2 without a browser.
                Under GitHub Actions (GITHUB_ACTIONS=true) the comment is also appended to $GITHUB_STEP_SUMMARY.
                """,
        });
        helpOption.Action = help;

        // With no command at all: the help, and the exit code of bad usage.
        _root.SetAction(result =>
        {
            help.Invoke(result);
            return ExitCodes.BadInput;
        });

        // Kept from the hand-written parser: "bundle-budget help" is --help.
        var helpCommand = new Command("help") { Hidden = true };
        helpCommand.SetAction(_ => _root.Parse(["--help"]).Invoke());
        _root.Add(helpCommand);

        // The version of the reports (3 parts), not the informational version with its commit hash.
        _root.Options.OfType<VersionOption>().Single().Action = new PrintVersion();
    }

    /// <summary>Parses and runs one command line: the exit code, or an exception from the command itself.</summary>
    public int Invoke(IReadOnlyList<string> args)
    {
        var parsed = _root.Parse(args);
        if (parsed.Action is ParseErrorAction)
        {
            // The problem, typo suggestions and the command's help, all on stderr (stdout may be a report being piped).
            parsed.Invoke(new InvocationConfiguration { Output = Console.Error, EnableDefaultExceptionHandler = false });
            return ExitCodes.BadInput;
        }

        return parsed.Invoke(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
    }

    private CheckArguments ToCheckArguments(ParseResult result) =>
        new(result.GetValue(_budget)![^1], result.GetValue(_directory), result.GetValue(_checkJson), result.GetValue(_checkMarkdown), result.GetValue(_cache), result.GetValue(_brotli), result.GetValue(_quiet))
        {
            SarifReport = result.GetValue(_sarif),
            HtmlReport = result.GetValue(_html),
            Baseline = result.GetValue(_baseline),
            NormalizeFilenames = result.GetValue(_checkNormalize),
            Strict = result.GetValue(_strict),
            StaticWebAssets = result.GetValue(_staticWebAssets),
            Measure = result.GetValue(_measure),
            Browser = result.GetValue(_browser),
            Runs = result.GetValue(_runs),
            Device = result.GetValue(_device),
            BudgetFiles = result.GetValue(_budget)!,
            From = result.GetValue(_from),
        };

    private CompareArguments ToCompareArguments(ParseResult result)
    {
        var reports = result.GetValue(_reports)!;
        var (baseReport, head) = reports.Length == 2 ? (reports[0], reports[1]) : ((string?)null, reports[0]);
        return new CompareArguments(baseReport, head, result.GetValue(_compareMarkdown), result.GetValue(_compareJson), result.GetValue(_thresholdPercent), result.GetValue(_thresholdBytes))
        {
            NormalizeFilenames = result.GetValue(_compareNormalize),
            Measure = result.GetValue(_compareMeasure),
            BudgetFile = result.GetValue(_compareBudget)!,
            Browser = result.GetValue(_compareBrowser),
            Runs = result.GetValue(_compareRuns),
            Device = result.GetValue(_compareDevice),
            Confidence = result.GetValue(_confidence),
        };
    }

    private static Option<string?> FileOption(string name, string description) => new(name) { HelpName = "FILE", Description = description };

    /// <summary>bundlewatch's normalizeFilenames: a regular expression, checked when the command line is read.</summary>
    private static Option<string?> NormalizeOption() => new("--normalize-filenames")
    {
        HelpName = "REGEX",
        Description = "Take every match of REGEX out of file names before pairing the base's files with the head's (hashes BundleBudget does not recognise)",
        CustomParser = result =>
        {
            var pattern = Token(result);
            Core.Compare.FileNamePattern.TryParse(pattern, out var problem);
            return Parse(result, problem is null, pattern, $"--normalize-filenames: {problem}");
        },
    };

    private static string Token(ArgumentResult result) => result.Tokens.Count == 1 ? result.Tokens[0].Value : string.Empty;

    private static T Parse<T>(ArgumentResult result, bool valid, T value, string error)
    {
        if (!valid)
        {
            result.AddError(error);
        }

        return value;
    }

    /// <summary>System.CommandLine's help, then the paragraphs of the command it shows (exit codes, limits, GitHub Actions).</summary>
    private sealed class HelpWithNotes(HelpAction help, IReadOnlyDictionary<Command, string> notes) : SynchronousCommandLineAction
    {
        public override int Invoke(ParseResult parseResult)
        {
            help.Invoke(parseResult);
            if (notes.TryGetValue(parseResult.CommandResult.Command, out var text))
            {
                parseResult.InvocationConfiguration.Output.WriteLine(text);
                parseResult.InvocationConfiguration.Output.WriteLine();
            }

            return ExitCodes.WithinBudget;
        }
    }

    private sealed class PrintVersion : SynchronousCommandLineAction
    {
        public override int Invoke(ParseResult parseResult)
        {
            parseResult.InvocationConfiguration.Output.WriteLine(CheckResult.ToolVersion);
            return ExitCodes.WithinBudget;
        }
    }
}
