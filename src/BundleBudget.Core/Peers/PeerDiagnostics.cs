namespace BundleBudget.Core.Peers;

/// <summary>The codes of reading other tools' budget configs (documented in README.md with what to do).</summary>
public static class PeerDiagnostics
{
    /// <summary>The config cannot be read, or a limit in it is not understood: that limit is not checked.</summary>
    public const string NotRead = "BB9036";

    /// <summary>An option BundleBudget does not take over, named with what it means for the budgets.</summary>
    public const string OptionNotImported = "BB9037";
}
