using BundleBudget.Cli;
using BundleBudget.Core;
using BundleBudget.Core.Diagnostics;

return Run(args);

static int Run(string[] args)
{
    if (args.Length == 0 || args[0] is "-h" or "--help" or "help" || (args[0] is "check" or "compare" && args.Skip(1).Any(a => a is "-h" or "--help")))
    {
        Console.Out.WriteLine(CommandLine.Usage);
        return args.Length == 0 ? ExitCodes.BadInput : ExitCodes.WithinBudget;
    }

    if (args[0] == "--version")
    {
        Console.Out.WriteLine(CheckResult.ToolVersion);
        return ExitCodes.WithinBudget;
    }

    try
    {
        return args[0] switch
        {
            "check" => CheckCommand.Run(CommandLine.ParseCheck(args.Skip(1).ToList())),
            "compare" => CompareCommand.Run(CommandLine.ParseCompare(args.Skip(1).ToList())),
            _ => throw new UsageException($"Unknown command '{args[0]}'."),
        };
    }
    catch (UsageException e)
    {
        Console.Error.WriteLine(e.Message);
        Console.Error.WriteLine(CommandLine.Usage);
        return ExitCodes.BadInput;
    }
    catch (Exception e)
    {
        Console.Error.WriteLine($"bundle-budget: error {DiagnosticCodes.InternalError}: BundleBudget failed unexpectedly; please report this. {e}");
        return ExitCodes.BadInput;
    }
}
