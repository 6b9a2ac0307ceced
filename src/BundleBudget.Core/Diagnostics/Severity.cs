namespace BundleBudget.Core.Diagnostics;

public enum Severity
{
    Info,
    Warning,
    Error,
}
