namespace BundleBudget.Core.Evaluation;

/// <summary>Ordered from best to worst, so the worst of several is their maximum.</summary>
public enum BudgetStatus
{
    Pass,
    Warning,
    Error,
}
