using System.IO.Compression;
using System.Reflection.PortableExecutable;
using System.Runtime.InteropServices;

namespace BundleBudget.EndToEnd.Tests;

/// <summary>The CLI as users install it: the dotnet tool package, packed, installed from a folder feed and run.</summary>
public class ToolPackageTests
{
    [Test]
    public void The_tool_package_runs_on_dotnet_8_anywhere_and_precompiled_on_linux_x64_with_dotnet_10()
    {
        using var folder = new TemporaryFolder();
        var feed = folder.Combine("feed");
        var project = Path.Combine(TestAssets.RepositoryRoot, "src", "BundleBudget.Cli", "BundleBudget.Cli.csproj");
        var pack = ProcessRunner.Run("dotnet", TestAssets.RepositoryRoot, TimeSpan.FromMinutes(10), "pack", project, "-c", "Release", "-o", feed, "-p:Version=0.0.1-test", "--artifacts-path", folder.Combine("build"), "--disable-build-servers");
        Assert.That(pack.ExitCode, Is.Zero, pack.ToString());

        var package = Path.Combine(feed, "BundleBudget.Cli.0.0.1-test.nupkg");
        using (var zip = ZipFile.OpenRead(package))
        {
            var entries = zip.Entries.Select(e => e.FullName).ToList();
            Assert.That(entries, Does.Contain("tools/net8.0/any/bundle-budget.dll"));
            Assert.That(entries, Does.Contain("tools/net10.0/linux-x64/bundle-budget.dll"));
            Assert.That(entries.Where(e => e.StartsWith("tools/net10.0/linux-x64/", StringComparison.Ordinal) && e.EndsWith("bundle-budget", StringComparison.Ordinal)), Is.Empty, "framework-dependent: no native apphost");
            Assert.That(IsReadyToRun(zip, "tools/net10.0/linux-x64/BundleBudget.Core.dll"), Is.True, "the engine is precompiled for .NET 10");
            Assert.That(IsReadyToRun(zip, "tools/net8.0/any/BundleBudget.Core.dll"), Is.False, "the .NET 8 build is plain IL for every platform");
        }

        var tools = folder.Combine("tools");
        var install = ProcessRunner.Run("dotnet", folder.Path, TimeSpan.FromMinutes(5), "tool", "install", "BundleBudget.Cli", "--version", "0.0.1-test", "--tool-path", tools, "--add-source", feed);
        Assert.That(install.ExitCode, Is.Zero, install.ToString());
        // The shim the SDK writes names the build NuGet chose for this machine.
        var expected = RuntimeInformation.RuntimeIdentifier.EndsWith("-x64", StringComparison.Ordinal) && OperatingSystem.IsLinux() && Environment.Version.Major == 10
            ? "tools/net10.0/linux-x64/bundle-budget.dll"
            : "tools/net8.0/any/bundle-budget.dll";
        var shim = Path.Combine(tools, OperatingSystem.IsWindows() ? "bundle-budget.exe" : "bundle-budget");
        Assert.That(System.Text.Encoding.UTF8.GetString(File.ReadAllBytes(shim)).Replace('\\', '/'), Does.Contain(expected));

        var check = ProcessRunner.Run(shim, TestAssets.RepositoryRoot, TimeSpan.FromMinutes(2), "check", "--budget", "testassets/vite-app/budget.json", "--cache", folder.Combine("cache.bin"));
        Assert.That(check.ExitCode, Is.Zero, check.ToString());
        Assert.That(check.StandardOutput, Does.Contain("BundleBudget: within budget, with warnings (6 budgets, 0 errors, 3 warnings)."));
    }

    private static bool IsReadyToRun(ZipArchive zip, string entry)
    {
        using var stream = new MemoryStream();
        using (var source = zip.GetEntry(entry)!.Open())
        {
            source.CopyTo(stream);
        }

        stream.Position = 0;
        using var reader = new PEReader(stream);
        return reader.PEHeaders.CorHeader?.ManagedNativeHeaderDirectory.Size > 0;
    }
}
