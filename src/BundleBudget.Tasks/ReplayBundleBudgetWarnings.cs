using System.Globalization;
using Microsoft.Build.Framework;

namespace BundleBudget.Tasks;

/// <summary>
/// When an unchanged check is skipped, shows the warnings of the check that ran last, as it wrote them for this build
/// (last-check.g.props), so that a warning does not vanish from one build to the next while nothing was fixed.
/// MSBuild's own Warning task cannot: it takes no line and column. Nothing here reads a file or the engine.
/// </summary>
public sealed class ReplayBundleBudgetWarnings : Microsoft.Build.Utilities.Task
{
    /// <summary>The warnings, with Code, File, Line, Column and Text metadata (already escaped for a log line).</summary>
    public ITaskItem[] Warnings { get; set; } = [];

    public override bool Execute()
    {
        foreach (var warning in Warnings)
        {
            var file = warning.GetMetadata("File");
            Log.LogWarning(
                null,
                warning.GetMetadata("Code"),
                null,
                file.Length == 0 ? null : file,
                Number(warning.GetMetadata("Line")),
                Number(warning.GetMetadata("Column")),
                0,
                0,
                warning.GetMetadata("Text"));
        }

        return true;
    }

    private static int Number(string value) => int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number) ? number : 0;
}
