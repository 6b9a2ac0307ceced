using System.Runtime.CompilerServices;
using BundleBudget.Core.Timings;

namespace BundleBudget.Cli;

/// <summary><c>bundle-budget compare --measure BASE_DIR HEAD_DIR</c>: the two builds' pages measured interleaved, and the regression verdicts.</summary>
internal static class MeasuredCompare
{
    public static int Run(CompareArguments arguments)
    {
        if (arguments.BaseReport is null)
        {
            Console.Error.WriteLine("bundle-budget: compare --measure needs two output folders, the base's and the head's: compare --measure BASE_DIR HEAD_DIR.");
            return ExitCodes.BadInput;
        }

        var comparison = TimingComparer.Compare(new TimingCompareOptions(arguments.BudgetFile, arguments.BaseReport, arguments.HeadReport, Measurer(arguments.Browser))
        {
            Runs = arguments.Runs,
            Device = arguments.Device switch { "mobile" => TimingDevice.Mobile, "desktop" => TimingDevice.Desktop, _ => null },
            Confidence = arguments.Confidence,
            Cancellation = Measuring.Interrupted,
        });
        foreach (var diagnostic in comparison.Diagnostics.Where(d => d.Code != TimingsDiagnostics.Regressed))
        {
            Console.Error.WriteLine(diagnostic.ToString());
        }

        CompareCommand.Publish(TimingComparisonWriter.Markdown(comparison), arguments, path => TimingComparisonWriter.WriteJson(comparison, path));

        return comparison.HasInputErrors ? ExitCodes.BadInput : comparison.Regressed ? ExitCodes.OverBudget : ExitCodes.WithinBudget;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static IPageMeasurer Measurer(string? browser) => new Browser.ChromiumPageMeasurer(browser);
}
