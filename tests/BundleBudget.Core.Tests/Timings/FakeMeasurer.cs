using BundleBudget.Core.Timings;

namespace BundleBudget.Core.Tests.Timings;

/// <summary>
/// A measurer that answers with given medians, for the engine's side of timing budgets (reading, evaluating,
/// reporting). The browser's own numbers are tested in BundleBudget.Browser.Tests against a real Chromium.
/// </summary>
internal sealed class FakeMeasurer(Func<PageToMeasure, IReadOnlyDictionary<BudgetMetric, double>> medians) : IPageMeasurer
{
    public List<MeasureRequest> Requests { get; } = [];

    public string? Unavailable { get; init; }

    public IReadOnlyList<MeasuredPage> Measure(MeasureRequest request, CancellationToken cancellation = default)
    {
        Requests.Add(request);
        if (Unavailable is not null)
        {
            throw new MeasurementUnavailableException(Unavailable);
        }

        // Each run within 2% of the median, spread evenly around it, so that the median is the one given.
        static IReadOnlyList<double> Runs(double median, int count) =>
            Enumerable.Range(0, count).Select(i => median * (1 + (0.04 * i / Math.Max(1, count - 1)) - 0.02)).ToList();
        return request.Pages.Select(page => new MeasuredPage(
            page.Page,
            medians(page).ToDictionary(m => m.Key, m => new MetricSummary(m.Value, m.Value * 0.9, m.Value * 1.1, request.Runs)),
            request.Runs,
            RunsThatShifted: 1,
            TransferredBytes: 1234,
            Requests: 3)
        {
            Samples = medians(page).ToDictionary(m => m.Key, m => Runs(m.Value, request.Runs)),
        }).ToList();
    }
}
