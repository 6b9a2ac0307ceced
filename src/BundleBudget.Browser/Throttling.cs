namespace BundleBudget.Browser;

/// <summary>
/// How a run is throttled, as Lighthouse's DevTools mode applies it: network conditions (round trip, throughput in
/// kbit/s), CPU slow-down, and the emulated screen.
/// </summary>
public sealed record Throttling(string Name, double RoundTripMilliseconds, double DownKbps, double UpKbps, double CpuSlowdown, int Width, int Height, double DeviceScaleFactor, bool Mobile)
{
    /// <summary>Lighthouse's mobile preset in DevTools-applied form: 562.5 ms, 1474.56 kbit/s down, 675 up, CPU 4x, 412x823 at DPR 1.75.</summary>
    public static Throttling MobileDevTools { get; } = new("mobile", 562.5, 1474.56, 675, 4, 412, 823, 1.75, Mobile: true);

    /// <summary>Lighthouse's desktop preset: 40 ms, 10,240 kbit/s each way, no CPU slow-down, 1350x940.</summary>
    public static Throttling Desktop { get; } = new("desktop", 40, 10_240, 10_240, 1, 1350, 940, 1, Mobile: false);

    /// <summary>No throttling at all (for tests of the measurement itself).</summary>
    public static Throttling None { get; } = new("none", 0, 0, 0, 1, 1350, 940, 1, Mobile: false);
}
