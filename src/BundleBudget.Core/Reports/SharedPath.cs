using System.Text.Json;
using BundleBudget.Core.Diagnostics;

namespace BundleBudget.Core.Reports;

/// <summary>
/// A report or cache path two projects share (a BundleBudgetReportPath set once in Directory.Build.props): each check
/// overwrites the other's, so a reader of the report sees one project's result for both. Told by the budget.json that
/// last wrote the file: the JSON report's <c>budgetFile</c>, the cache's owner file beside it.
/// </summary>
internal static class SharedPath
{
    /// <summary>The budget.json of the check that wrote a JSON report: its third key, read from the file's start.</summary>
    public static string? ReportOwner(string path)
    {
        // Never opened unless a regular file: /dev/stdout, a FIFO or a process substitution would block a read.
        if (IO.ReportFile.IsSpecial(Path.GetFullPath(path)) || !File.Exists(path) || IO.FileLength.Of(path) <= 0 || (File.GetAttributes(path) & FileAttributes.ReparsePoint) != 0)
        {
            return null;
        }

        var buffer = new byte[64 * 1024];
        int read;
        using (var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1))
        {
            read = stream.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
        }

        var reader = new Utf8JsonReader(buffer.AsSpan(0, read), isFinalBlock: false, default);
        try
        {
            while (reader.Read())
            {
                if (reader.CurrentDepth == 1 && reader.TokenType == JsonTokenType.PropertyName && reader.ValueTextEquals("budgetFile"u8))
                {
                    return reader.Read() && reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
                }

                if (reader.CurrentDepth == 1 && reader.TokenType == JsonTokenType.StartArray)
                {
                    return null; // past the header (the assets): not a report of this tool
                }
            }
        }
        catch (JsonException)
        {
        }

        return null;
    }

    /// <summary>The cache's owner file: the budget.json of the check that last saved it.</summary>
    public static string OwnerFileOf(string cachePath) => cachePath + ".owner";

    public static string? CacheOwner(string cachePath)
    {
        var owner = OwnerFileOf(cachePath);
        return File.Exists(owner) ? File.ReadAllText(owner).Trim() : null;
    }

    /// <summary>Who wrote the file at <paramref name="path"/>, or null when nobody did, it cannot be told, or there is no path.</summary>
    public static string? Owner(string? path, Func<string, string?> read)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            return null;
        }

        try
        {
            return read(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    public static bool Same(string a, string b) =>
        string.Equals(Path.GetFullPath(a), Path.GetFullPath(b), OperatingSystem.IsLinux() ? StringComparison.Ordinal : StringComparison.OrdinalIgnoreCase);

    public static Diagnostic Warning(string what, string path, string other, string ours) => Diagnostic.Warning(
        DiagnosticCodes.SharedOutputPath,
        $"The {what} {path} was last written by the check of {other}, and this check of {ours} writes it too: two projects share it, and each overwrites the other's{(what == "report" ? " report, so it shows one project's result for both" : " cached facts")}. Give each project its own path (the CLI's --json / --cache; in MSBuild BundleBudgetReportPath / BundleBudgetCachePath with $(MSBuildProjectName) in it, or their defaults in each project's obj/).",
        path);
}
