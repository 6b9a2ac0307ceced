using BundleBudget.Core.Budgets;
using BundleBudget.Core.Json;

namespace BundleBudget.Core.Analyses;

/// <summary>A top-level section of budget.json that an analysis owns ("images", "fonts", "imports").</summary>
internal abstract class BudgetSection(string key)
{
    public string Key { get; } = key;

    /// <summary>Whether a budget.json with this section and no budget asks for a check (the import rules do; image settings alone do not).</summary>
    public bool IsACheckAlone { get; init; }

    /// <summary>Reads the section; each problem is a BB9xxx diagnostic in <paramref name="context"/>, and what is valid is kept.</summary>
    public abstract object ReadValue(JsonProperty section, ReadContext context);
}

/// <summary>A section read into <typeparamref name="TSettings"/>.</summary>
internal sealed class BudgetSection<TSettings>(string key, TSettings defaults, Func<JsonProperty, ReadContext, TSettings> read) : BudgetSection(key)
    where TSettings : class
{
    /// <summary>The settings when budget.json has no such section.</summary>
    public TSettings Default { get; } = defaults;

    public override object ReadValue(JsonProperty section, ReadContext context) => read(section, context);
}
