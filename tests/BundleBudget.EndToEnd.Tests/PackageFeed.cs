namespace BundleBudget.EndToEnd.Tests;

/// <summary>Packs the BundleBudget package once per test run into a temporary local folder feed.</summary>
internal static class PackageFeed
{
    public const string Version = "0.1.0-e2e";

    private static readonly Lazy<string> Folder = new(Pack, LazyThreadSafetyMode.ExecutionAndPublication);

    public static string Path => Folder.Value;

    public static string PackagePath => System.IO.Path.Combine(Path, $"BundleBudget.{Version}.nupkg");

    /// <summary>
    /// Makes a folder restore the package from this feed and everything else from nuget.org (an SDK template's own
    /// packages), with an empty Directory.Build.props so that the repository's does not apply.
    /// </summary>
    public static void UseIn(TemporaryFolder folder)
    {
        File.WriteAllText(folder.Combine("nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="local" value="{Path}" />
                <add key="nuget.org" value="https://api.nuget.org/v3/index.json" />
              </packageSources>
            </configuration>
            """);
        File.WriteAllText(folder.Combine("Directory.Build.props"), "<Project />");
    }

    /// <summary>Adds the package to a project file (and <paramref name="items"/>, more items of the same group).</summary>
    public static void AddTo(string projectFile, string items = "")
    {
        File.WriteAllText(projectFile, File.ReadAllText(projectFile).Replace("</Project>", $"""
              <ItemGroup>
                <PackageReference Include="BundleBudget" Version="{Version}" />{items}
              </ItemGroup>
            </Project>
            """, StringComparison.Ordinal));
    }

    private static string Pack()
    {
        var feed = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "bundlebudget-feed", Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(feed);
        var project = System.IO.Path.Combine(TestAssets.RepositoryRoot, "src", "BundleBudget.Tasks", "BundleBudget.Tasks.csproj");
        // --no-restore: dotnet test of the solution restored it already, and a second restore would rewrite files the other
        // test run reads. Testing this project alone restores only what it references, which is not the task: restore it once.
        if (!File.Exists(System.IO.Path.Combine(System.IO.Path.GetDirectoryName(project)!, "obj", "project.assets.json")))
        {
            var restore = ProcessRunner.Dotnet(TestAssets.RepositoryRoot, "restore", project, "--disable-build-servers");
            if (restore.ExitCode != 0)
            {
                throw new InvalidOperationException($"dotnet restore failed: {restore}");
            }
        }

        var result = ProcessRunner.Dotnet(TestAssets.RepositoryRoot, "pack", project, "-c", "Release", "--no-restore", "-o", feed, $"-p:Version={Version}", "--disable-build-servers");
        if (result.ExitCode != 0 || !File.Exists(System.IO.Path.Combine(feed, $"BundleBudget.{Version}.nupkg")))
        {
            throw new InvalidOperationException($"dotnet pack failed: {result}");
        }

        return feed;
    }
}
