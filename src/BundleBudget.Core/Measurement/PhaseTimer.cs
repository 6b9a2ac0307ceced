using System.Diagnostics;

namespace BundleBudget.Core.Measurement;

/// <summary>How long one phase of a check took (wall clock).</summary>
public sealed record PhaseTiming(string Phase, TimeSpan Elapsed);

/// <summary>Times the phases of one check, one after another; what <c>BUNDLEBUDGET_TIMING=1</c> prints.</summary>
internal sealed class PhaseTimer
{
    private readonly List<PhaseTiming> _phases = [];
    private readonly Stopwatch _clock = Stopwatch.StartNew();

    public IReadOnlyList<PhaseTiming> Phases => _phases;

    /// <summary>Ends the running phase under <paramref name="name"/> and starts the next.</summary>
    public void Lap(string name)
    {
        _phases.Add(new PhaseTiming(name, _clock.Elapsed));
        _clock.Restart();
    }
}
