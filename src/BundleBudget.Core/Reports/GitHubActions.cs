using BundleBudget.Core.Diagnostics;

namespace BundleBudget.Core.Reports;

/// <summary>
/// Output for GitHub Actions: findings as workflow annotations (<c>::error file=...,line=...::message</c>), which
/// GitHub shows on the pull request's files, and the Markdown summary appended to $GITHUB_STEP_SUMMARY.
/// </summary>
public static class GitHubActions
{
    public static bool IsRunning(Func<string, string?> environment) =>
        string.Equals(environment("GITHUB_ACTIONS"), "true", StringComparison.OrdinalIgnoreCase);

    /// <param name="workspace">$GITHUB_WORKSPACE: file paths are made relative to it, as annotations expect.</param>
    public static string Annotation(Diagnostic diagnostic, string? workspace)
    {
        var command = diagnostic.Severity switch
        {
            Severity.Error => "error",
            Severity.Warning => "warning",
            _ => "notice",
        };
        var properties = new List<string>();
        if (diagnostic.File is { } file)
        {
            var path = workspace is not null && Path.IsPathFullyQualified(file) && file.StartsWith(workspace, StringComparison.Ordinal)
                ? Path.GetRelativePath(workspace, file).Replace('\\', '/')
                : file;
            properties.Add($"file={EscapeProperty(path)}");
            if (diagnostic.Line > 0)
            {
                properties.Add($"line={diagnostic.Line}");
                properties.Add($"col={Math.Max(diagnostic.Column, 1)}");
            }
        }

        properties.Add($"title={EscapeProperty(diagnostic.Code)}");
        return $"::{command} {string.Join(',', properties)}::{EscapeData($"{diagnostic.Code}: {diagnostic.Message}")}";
    }

    /// <summary>Appends to the job summary file; a failure to write is not the check's failure.</summary>
    public static void AppendStepSummary(string? summaryPath, string markdown)
    {
        if (string.IsNullOrWhiteSpace(summaryPath))
        {
            return;
        }

        File.AppendAllText(summaryPath, markdown + Environment.NewLine);
    }

    // The escaping of the runner's workflow commands: '%', CR and LF in data; also ':' and ',' in properties. Other control
    // characters, separators and bidirectional overrides are escaped first, as in every printed line.
    private static string EscapeData(string value) => Text.PlainText.EscapeControl(value).Replace("%", "%25").Replace("\r", "%0D").Replace("\n", "%0A");

    private static string EscapeProperty(string value) => EscapeData(value).Replace(":", "%3A").Replace(",", "%2C");
}
