namespace BundleBudget.Core.Budgets;

public enum BudgetScope
{
    /// <summary>The sum over the matching files is compared with the limit.</summary>
    Total,

    /// <summary>Every matching file is compared with the limit on its own.</summary>
    Each,
}
