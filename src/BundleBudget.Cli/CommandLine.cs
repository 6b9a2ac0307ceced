namespace BundleBudget.Cli;

/// <summary>The parsed arguments of <c>bundle-budget check</c>.</summary>
internal sealed record CheckArguments(string BudgetFile, string? Directory, string? JsonReport, string? MarkdownReport, string? CachePath, bool Brotli, bool Quiet)
{
    public string? SarifReport { get; init; }

    public bool Strict { get; init; }
}

/// <summary>The parsed arguments of <c>bundle-budget compare</c>; a null base means the head has nothing to compare with.</summary>
internal sealed record CompareArguments(string? BaseReport, string HeadReport, string? MarkdownReport, string? JsonReport, double ThresholdPercent, long ThresholdBytes);

/// <summary>Parses the command line; a problem is a message for the user, never an exception.</summary>
internal static class CommandLine
{
    public const string Usage = """
        Usage: bundle-budget check [options]
               bundle-budget compare [BASE.json] HEAD.json [--markdown FILE] [--json FILE]
                                     [--threshold-percent P] [--threshold-bytes B]

        check: checks a web build's output folder against budget.json.
        compare: compares two JSON reports of check (base branch and pull request) for a pull-request comment.
          A missing or absent BASE.json prints the head alone. Changes under P% (0.5) and B bytes (100) are hidden.

        Options of check:
          --budget FILE     the budget file (default: ./budget.json)
          --dir DIR         the folder to check (default: the budget's "outputPath", else ./wwwroot)
          --json FILE       write the JSON report to FILE
          --markdown FILE   write the Markdown summary (for a pull-request comment) to FILE
          --sarif FILE      write the findings as SARIF 2.1.0 (for code-scanning dashboards) to FILE
          --brotli          compute brotli sizes of every file, not only where a budget compares brotli
          --cache FILE      where computed sizes are cached (default: next to the JSON report, else the user's cache folder)
          --strict          a budget that could not be fully measured (BB1007) is an error, not a warning
          --quiet           print only errors, warnings and the verdict
          -h, --help        show this help
          --version         show the version

        Exit codes: 0 within budget (warnings and incomplete budgets allowed), 1 over budget (or an incomplete budget
        with --strict), 2 bad input or usage; compare: 0, or 2 for bad input.
        At most 20 findings of one code are printed, then a line with the count; the reports list them all.
        Under GitHub Actions (GITHUB_ACTIONS=true) findings are also printed as workflow annotations and the
        Markdown is appended to $GITHUB_STEP_SUMMARY.
        Sizes: 1 kB = 1000 bytes (SI); KiB = 1024 bytes.
        """;

    /// <exception cref="UsageException">The arguments are not valid.</exception>
    public static CheckArguments ParseCheck(IReadOnlyList<string> args)
    {
        string budget = "budget.json";
        string? directory = null, json = null, markdown = null, cache = null, sarif = null;
        bool brotli = false, quiet = false, strict = false;
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            string? Value()
            {
                if (i + 1 < args.Count && !args[i + 1].StartsWith("--", StringComparison.Ordinal))
                {
                    return args[++i];
                }

                return null;
            }

            switch (arg)
            {
                case "--budget":
                    budget = Value() ?? throw new UsageException("--budget needs a file.");
                    break;
                case "--dir":
                    directory = Value() ?? throw new UsageException("--dir needs a folder.");
                    break;
                case "--json":
                    json = Value() ?? throw new UsageException("--json needs a file.");
                    break;
                case "--markdown":
                    markdown = Value() ?? throw new UsageException("--markdown needs a file.");
                    break;
                case "--sarif":
                    sarif = Value() ?? throw new UsageException("--sarif needs a file.");
                    break;
                case "--cache":
                    cache = Value() ?? throw new UsageException("--cache needs a file.");
                    break;
                case "--brotli":
                    brotli = true;
                    break;
                case "--quiet":
                    quiet = true;
                    break;
                case "--strict":
                    strict = true;
                    break;
                default:
                    throw new UsageException($"Unknown option '{arg}'.");
            }
        }

        return new CheckArguments(budget, directory, json, markdown, cache, brotli, quiet) { SarifReport = sarif, Strict = strict };
    }

    /// <exception cref="UsageException">The arguments are not valid.</exception>
    public static CompareArguments ParseCompare(IReadOnlyList<string> args)
    {
        var reports = new List<string>();
        string? markdown = null, json = null;
        double percent = 0.5;
        long bytes = 100;
        for (var i = 0; i < args.Count; i++)
        {
            string Value() => i + 1 < args.Count ? args[++i] : throw new UsageException($"{args[i]} needs a value.");
            switch (args[i])
            {
                case "--markdown":
                    markdown = Value();
                    break;
                case "--json":
                    json = Value();
                    break;
                case "--threshold-percent":
                    percent = double.TryParse(Value(), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var p) && p >= 0
                        ? p : throw new UsageException("--threshold-percent needs a number such as 0.5.");
                    break;
                case "--threshold-bytes":
                    bytes = long.TryParse(Value(), out var b) && b >= 0 ? b : throw new UsageException("--threshold-bytes needs a whole number of bytes.");
                    break;
                case var option when option.StartsWith("--", StringComparison.Ordinal):
                    throw new UsageException($"Unknown option '{option}'.");
                default:
                    reports.Add(args[i]);
                    break;
            }
        }

        return reports.Count switch
        {
            1 => new CompareArguments(null, reports[0], markdown, json, percent, bytes),
            2 => new CompareArguments(reports[0], reports[1], markdown, json, percent, bytes),
            _ => throw new UsageException("compare needs the head report, and the base report before it: compare BASE.json HEAD.json."),
        };
    }
}

internal sealed class UsageException(string message) : Exception(message);
