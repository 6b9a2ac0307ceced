using BundleBudget.Core.Budgets;
using BundleBudget.Core.Diagnostics;

namespace BundleBudget.Cli;

/// <summary>
/// <c>bundle-budget import FILE</c>: another tool's budgets (bundlewatch, bundlesize, size-limit) written as a
/// budget.json once, with the meaning they have there (sizes in bytes, their compression and scope, their globs from
/// the output folder). What cannot be taken over is said, with its code, and left out.
/// </summary>
internal static class ImportCommand
{
    public static int Run(ImportArguments arguments)
    {
        var read = BudgetFileReader.ReadFrom(arguments.From);
        foreach (var diagnostic in read.Diagnostics)
        {
            Console.Error.WriteLine(diagnostic.ToString());
        }

        if (read.File is not { } file || read.HasErrors)
        {
            Console.Error.WriteLine($"bundle-budget: nothing written: {Path.GetFullPath(arguments.From)} could not be fully read.");
            return ExitCodes.BadInput;
        }

        var output = Path.GetFullPath(arguments.Output);
        if (File.Exists(output) && !arguments.Force)
        {
            Console.Error.WriteLine($"bundle-budget: {output} exists: name another file with --output, or overwrite it with --force.");
            return ExitCodes.BadInput;
        }

        try
        {
            File.WriteAllText(output, BudgetFileWriter.Write(file, output));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine($"bundle-budget: {output} could not be written: {e.Message}");
            return ExitCodes.BadInput;
        }

        var warnings = read.Diagnostics.Count(d => d.Severity == Severity.Warning);
        Console.Out.WriteLine($"bundle-budget: wrote {output}: {file.Budgets.Count} budget{(file.Budgets.Count == 1 ? string.Empty : "s")} from {Path.GetFileName(arguments.From)}{(warnings == 0 ? "." : $"; {warnings} option{(warnings == 1 ? " was" : "s were")} not taken over (above).")}");
        if (file.OutputPath is null)
        {
            Console.Out.WriteLine($"bundle-budget: {Path.GetFileName(arguments.From)} names no output folder: add \"outputPath\" (the folder the front-end build writes, such as \"dist\") to {Path.GetFileName(output)}, or check with --dir.");
        }
        return ExitCodes.WithinBudget;
    }
}
