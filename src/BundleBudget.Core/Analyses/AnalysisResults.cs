namespace BundleBudget.Core.Analyses;

/// <summary>What each analysis found, by analysis; an analysis that did not run has its empty result.</summary>
public sealed class AnalysisResults
{
    private readonly Dictionary<Analysis, object> _results = [];

    public static AnalysisResults None { get; } = new();

    public TResult Of<TResult>(Analysis<TResult> analysis)
        where TResult : class => (TResult)Of((Analysis)analysis);

    /// <summary>The result of any analysis, for the reports that go through <see cref="AnalysisRegistry.All"/>.</summary>
    internal object Of(Analysis analysis)
    {
        lock (_results)
        {
            return _results.TryGetValue(analysis, out var result) ? result : analysis.Empty;
        }
    }

    internal void Set(Analysis analysis, object result)
    {
        lock (_results)
        {
            _results[analysis] = result;
        }
    }
}
