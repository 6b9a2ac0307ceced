using BundleBudget.Cli;
using BundleBudget.Core.Diagnostics;

try
{
    return new CommandLine(CheckCommand.Run, CompareCommand.Run, ImportCommand.Run).Invoke(args);
}
catch (Exception e)
{
    Console.Error.WriteLine($"bundle-budget: error {DiagnosticCodes.InternalError}: BundleBudget failed unexpectedly; please report this. {e}");
    return ExitCodes.BadInput;
}
