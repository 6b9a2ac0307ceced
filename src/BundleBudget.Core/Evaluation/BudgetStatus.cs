namespace BundleBudget.Core.Evaluation;

/// <summary>Ordered from best to worst, so the worst of several is their maximum.</summary>
public enum BudgetStatus
{
    Pass,

    /// <summary>Within its limits as far as it could be measured, but some of its files could not be: it cannot pass.</summary>
    Incomplete,

    Warning,
    Error,
}
