namespace BundleBudget.Cli;

internal static class ExitCodes
{
    public const int WithinBudget = 0;
    public const int OverBudget = 1;
    public const int BadInput = 2;
}
