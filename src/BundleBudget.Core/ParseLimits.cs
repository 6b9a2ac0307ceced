namespace BundleBudget.Core;

/// <summary>
/// The largest file of each kind that BundleBudget reads into memory to parse. Sizes are always measured, streamed,
/// whatever the length; a larger file is measured but not parsed, with warning BB1008 (or BB2003 for a source file),
/// and what parsing it would have told (what a page loads, what a bundle contains) makes the budgets that depend on
/// it incomplete. Documented in README.md.
/// </summary>
public static class ParseLimits
{
    /// <summary>An HTML entry page.</summary>
    public const long Page = 16L * 1024 * 1024;

    /// <summary>A stylesheet read for its @import and @font-face rules.</summary>
    public const long Stylesheet = 16L * 1024 * 1024;

    /// <summary>A built script read for what it imports, or attributed through its source map.</summary>
    public const long Script = 64L * 1024 * 1024;

    /// <summary>A source map.</summary>
    public const long SourceMap = 64L * 1024 * 1024;

    /// <summary>A front-end source file read for its imports.</summary>
    public const long SourceFile = 16L * 1024 * 1024;

    /// <summary>A limit as written in the README: "16 MiB".</summary>
    public static string Describe(long limit) => $"{limit / (1024 * 1024)} MiB";

    /// <summary>Why a file is not parsed, with both lengths exact: "it is 16,777,217 bytes (16.78 MB), over the 16 MiB (16,777,216 bytes) BundleBudget parses".</summary>
    public static string Over(long length, long limit) => string.Create(
        System.Globalization.CultureInfo.InvariantCulture,
        $"it is {length:N0} bytes ({Budgets.ByteSize.Format(length)}), over the {Describe(limit)} ({limit:N0} bytes) BundleBudget parses");
}
