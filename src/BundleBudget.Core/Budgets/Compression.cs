namespace BundleBudget.Core.Budgets;

/// <summary>Which size a limit compares: the file as written, or as a server sends it.</summary>
public enum Compression
{
    Raw,
    Gzip,
    Brotli,
}
