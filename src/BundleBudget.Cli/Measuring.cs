using System.Runtime.CompilerServices;
using BundleBudget.Core.Timings;

namespace BundleBudget.Cli;

/// <summary>The browser measurement a command line asks for; the browser assembly is loaded only when it does.</summary>
internal static class Measuring
{
    /// <summary>--measure, or an option that only measuring uses (--browser, --runs, --device): asking how is asking to measure.</summary>
    public static MeasureOptions? Options(CheckArguments arguments) =>
        arguments.Measure || arguments.Browser is not null || arguments.Runs is not null || arguments.Device is not null ? Create(arguments) : null;

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static MeasureOptions Create(CheckArguments arguments) => new(new Browser.ChromiumPageMeasurer(arguments.Browser))
    {
        Runs = arguments.Runs,
        Device = arguments.Device switch
        {
            "mobile" => TimingDevice.Mobile,
            "desktop" => TimingDevice.Desktop,
            _ => null,
        },
    };
}
