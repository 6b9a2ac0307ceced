using BundleBudget.Core.Diagnostics;
using BundleBudget.Core.Reports;
using BundleBudget.Core.Text;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace BundleBudget.Tasks;

/// <summary>
/// The shared base of the package's tasks (as in dotnet/sourcelink): the work lives in the MSBuild-free engine, and
/// nothing is ever thrown into the build. Engine diagnostics become logged errors and warnings; an unexpected
/// exception becomes error BB9999 with its details.
/// </summary>
public abstract class BundleBudgetTask : Microsoft.Build.Utilities.Task
{
    public sealed override bool Execute()
    {
        try
        {
            ExecuteCore();
        }
        catch (Exception e)
        {
            Log.LogError(null, DiagnosticCodes.InternalError, null, null, 0, 0, 0, 0,
                $"BundleBudget failed unexpectedly; please report this with the build log. {e}");
        }

        return !Log.HasLoggedErrors;
    }

    protected abstract void ExecuteCore();

    /// <summary>Logs diagnostics, at most <see cref="PrintLimit.PerCode"/> of one code, then a line with how many more there are.</summary>
    protected void LogDiagnostics(IReadOnlyList<Diagnostic> diagnostics)
    {
        var (shown, omitted) = PrintLimit.Apply(diagnostics);
        foreach (var diagnostic in shown)
        {
            LogDiagnostic(diagnostic);
        }

        foreach (var line in omitted)
        {
            Log.LogMessage(MessageImportance.High, PlainText.Line(line));
        }
    }

    /// <summary>Logs one diagnostic with its code; names in it are escaped so that none can start a line of its own.</summary>
    protected void LogDiagnostic(Diagnostic diagnostic)
    {
        var file = diagnostic.File is null ? null : PlainText.EscapeControl(diagnostic.File);
        var message = PlainText.EscapeControl(diagnostic.Message);
        switch (diagnostic.Severity)
        {
            case Severity.Error:
                Log.LogError(null, diagnostic.Code, null, file, diagnostic.Line, diagnostic.Column, 0, 0, message);
                break;
            case Severity.Warning:
                Log.LogWarning(null, diagnostic.Code, null, file, diagnostic.Line, diagnostic.Column, 0, 0, message);
                break;
            default:
                // What drives a WebAssembly app's download is why its budgets pass or fail: shown at the default verbosity.
                var importance = diagnostic.Code == Core.Runtime.RuntimeDiagnostics.SizeDriver ? MessageImportance.High : MessageImportance.Normal;
                Log.LogMessage(null, diagnostic.Code, null, file, diagnostic.Line, diagnostic.Column, 0, 0, importance, message);
                break;
        }
    }
}
