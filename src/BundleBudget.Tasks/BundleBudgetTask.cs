using BundleBudget.Core.Diagnostics;
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

    protected void LogDiagnostic(Diagnostic diagnostic)
    {
        switch (diagnostic.Severity)
        {
            case Severity.Error:
                Log.LogError(null, diagnostic.Code, null, diagnostic.File, diagnostic.Line, diagnostic.Column, 0, 0, diagnostic.Message);
                break;
            case Severity.Warning:
                Log.LogWarning(null, diagnostic.Code, null, diagnostic.File, diagnostic.Line, diagnostic.Column, 0, 0, diagnostic.Message);
                break;
            default:
                Log.LogMessage(null, diagnostic.Code, null, diagnostic.File, diagnostic.Line, diagnostic.Column, 0, 0, MessageImportance.Normal, diagnostic.Message);
                break;
        }
    }
}
