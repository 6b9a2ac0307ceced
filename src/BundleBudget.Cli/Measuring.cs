using System.Runtime.CompilerServices;
using BundleBudget.Core.Timings;

namespace BundleBudget.Cli;

/// <summary>The browser measurement a command line asks for; the browser assembly is loaded only when it does.</summary>
internal static class Measuring
{
    /// <summary>--measure, or an option that only measuring uses (--browser, --runs, --device): asking how is asking to measure.</summary>
    public static MeasureOptions? Options(CheckArguments arguments) =>
        arguments.Measure || arguments.Browser is not null || arguments.Runs is not null || arguments.Device is not null ? Create(arguments) : null;

    /// <summary>
    /// Cancelled by the first Ctrl+C or SIGTERM while measuring, so that the browser is closed rather than left running
    /// (the check then ends with the timing budgets incomplete); a second Ctrl+C ends the process at once.
    /// </summary>
    public static CancellationToken Interrupted
    {
        get
        {
            lock (Gate)
            {
                if (_interrupt is null)
                {
                    _interrupt = new CancellationTokenSource();
                    Console.CancelKeyPress += (_, e) =>
                    {
                        e.Cancel = !_interrupt.IsCancellationRequested;
                        _interrupt.Cancel();
                    };
                    _terminate ??= System.Runtime.InteropServices.PosixSignalRegistration.Create(System.Runtime.InteropServices.PosixSignal.SIGTERM, context =>
                    {
                        context.Cancel = !_interrupt.IsCancellationRequested;
                        _interrupt.Cancel();
                    });
                }

                return _interrupt.Token;
            }
        }
    }

    private static readonly object Gate = new();
    private static CancellationTokenSource? _interrupt;
    private static System.Runtime.InteropServices.PosixSignalRegistration? _terminate;

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static MeasureOptions Create(CheckArguments arguments) => new(new Browser.ChromiumPageMeasurer(arguments.Browser))
    {
        Cancellation = Interrupted,
        Runs = arguments.Runs,
        Device = arguments.Device switch
        {
            "mobile" => TimingDevice.Mobile,
            "desktop" => TimingDevice.Desktop,
            _ => null,
        },
    };
}
