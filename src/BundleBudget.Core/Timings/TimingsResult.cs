namespace BundleBudget.Core.Timings;

/// <summary>
/// What the browser measured, and why what it did not measure was not: measuring off (<see cref="Off"/>), not possible
/// here (<see cref="Unavailable"/>), or a page it cannot load from the output (<see cref="NotMeasured"/>).
/// </summary>
public sealed record TimingsResult(IReadOnlyList<MeasuredPage> Pages, TimingDevice Device, int Runs)
{
    public static TimingsResult None { get; } = new([], TimingDevice.Mobile, 0) { Off = true };

    /// <summary>Measuring was not asked for (no --measure, no BundleBudgetMeasure).</summary>
    public bool Off { get; init; }

    /// <summary>Why no page could be measured (no browser), else null.</summary>
    public string? Unavailable { get; init; }

    /// <summary>Pages that were not measured, by path, with why.</summary>
    public IReadOnlyDictionary<string, string> NotMeasured { get; init; } = new Dictionary<string, string>();

    public MeasuredPage? Find(string page) => Pages.FirstOrDefault(p => p.Page == page);

    /// <summary>Why a page has no timings; null when it was measured.</summary>
    public string? WhyNotMeasured(string page) =>
        Off ? "measuring is off: run with --measure (MSBuild: BundleBudgetMeasure=true)"
        : Unavailable is { } reason ? reason
        : NotMeasured.TryGetValue(page, out var why) ? why
        : Find(page) is null ? "the page was not measured" : null;
}
