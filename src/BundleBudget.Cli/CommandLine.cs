namespace BundleBudget.Cli;

/// <summary>The parsed arguments of <c>bundle-budget check</c>.</summary>
internal sealed record CheckArguments(string BudgetFile, string? Directory, string? JsonReport, string? MarkdownReport, string? CachePath, bool Brotli, bool Quiet);

/// <summary>Parses the command line; a problem is a message for the user, never an exception.</summary>
internal static class CommandLine
{
    public const string Usage = """
        Usage: bundle-budget check [options]

        Checks a web build's output folder against budget.json.

        Options:
          --budget FILE     the budget file (default: ./budget.json)
          --dir DIR         the folder to check (default: the budget's "outputPath", else ./wwwroot)
          --json FILE       write the JSON report to FILE
          --markdown FILE   write the Markdown summary (for a pull-request comment) to FILE
          --brotli          compute brotli sizes of every file, not only where a budget compares brotli
          --cache FILE      where computed sizes are cached (default: next to the JSON report, else the temp folder)
          --quiet           print only errors, warnings and the verdict
          -h, --help        show this help
          --version         show the version

        Exit codes: 0 within budget (warnings allowed), 1 over budget, 2 bad input or usage.
        Sizes: 1 kB = 1000 bytes (SI); KiB = 1024 bytes.
        """;

    /// <exception cref="UsageException">The arguments are not valid.</exception>
    public static CheckArguments ParseCheck(IReadOnlyList<string> args)
    {
        string budget = "budget.json";
        string? directory = null, json = null, markdown = null, cache = null;
        bool brotli = false, quiet = false;
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
                case "--cache":
                    cache = Value() ?? throw new UsageException("--cache needs a file.");
                    break;
                case "--brotli":
                    brotli = true;
                    break;
                case "--quiet":
                    quiet = true;
                    break;
                default:
                    throw new UsageException($"Unknown option '{arg}'.");
            }
        }

        return new CheckArguments(budget, directory, json, markdown, cache, brotli, quiet);
    }
}

internal sealed class UsageException(string message) : Exception(message);
