using System.Diagnostics;
using System.Text;

namespace BundleBudget.Tests;

internal sealed record ProcessResult(int ExitCode, string StandardOutput, string StandardError)
{
    public string Output => StandardOutput + StandardError;

    /// <summary>The exit code and the end of the output, where a build's errors are summed up.</summary>
    public override string ToString()
    {
        var text = Output;
        return $"exit {ExitCode}\n{(text.Length > 4000 ? "..." + text[^4000..] : text)}";
    }
}

/// <summary>Runs dotnet as a child process with a clean MSBuild environment and no lingering build servers.</summary>
internal static class ProcessRunner
{
    public static ProcessResult Dotnet(string workingDirectory, params string[] arguments) =>
        Run("dotnet", workingDirectory, TimeSpan.FromMinutes(5), arguments);

    public static ProcessResult Run(string fileName, string workingDirectory, TimeSpan timeout, params string[] arguments) =>
        Run(fileName, workingDirectory, timeout, new Dictionary<string, string?>(), arguments);

    /// <param name="environment">Variables to set (a null value removes one) on top of the cleaned environment.</param>
    public static ProcessResult Run(string fileName, string workingDirectory, TimeSpan timeout, IReadOnlyDictionary<string, string?> environment, params string[] arguments)
    {
        var start = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // The test host runs under dotnet test, whose MSBuild variables would point a child build at the wrong SDK parts.
        foreach (var key in start.Environment.Keys.ToList())
        {
            if (key.StartsWith("MSBUILD", StringComparison.OrdinalIgnoreCase) || key.StartsWith("VSTEST", StringComparison.OrdinalIgnoreCase)
                || key is "DOTNET_HOST_PATH" or "MSBuildExtensionsPath" or "MSBuildSDKsPath")
            {
                start.Environment.Remove(key);
            }
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["DOTNET_CLI_UI_LANGUAGE"] = "en";
        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        start.Environment["DOTNET_CLI_USE_MSBUILD_SERVER"] = "0";
        start.Environment["UseSharedCompilation"] = "false";
        start.Environment.Remove("GITHUB_ACTIONS");
        start.Environment.Remove("GITHUB_STEP_SUMMARY");
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        using var process = new Process { StartInfo = start };
        var output = new StringBuilder();
        var error = new StringBuilder();
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                lock (output)
                {
                    output.AppendLine(e.Data);
                }
            }
        };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                lock (error)
                {
                    error.AppendLine(e.Data);
                }
            }
        };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{fileName} {string.Join(' ', arguments)} did not finish in {timeout}.\n{output}\n{error}");
        }

        process.WaitForExit();
        return new ProcessResult(process.ExitCode, output.ToString(), error.ToString());
    }
}
