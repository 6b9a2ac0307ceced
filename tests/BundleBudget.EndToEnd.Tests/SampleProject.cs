using System.Text.Json;

namespace BundleBudget.EndToEnd.Tests;

/// <summary>
/// A copy of testassets/SampleWebApp and the Vite build it checks, in a temporary folder, restoring BundleBudget from
/// the local feed alone into a package folder of its own (so no stale copy from another run is used).
/// </summary>
internal sealed class SampleProject : IDisposable
{
    private readonly TemporaryFolder _root = new();

    public SampleProject()
    {
        TemporaryFolder.CopyDirectory(Path.Combine(TestAssets.Folder, "SampleWebApp"), ProjectDirectory);
        TemporaryFolder.CopyDirectory(TestAssets.ViteDist, Path.Combine(_root.Path, "testassets", "vite-app", "dist"));
        TemporaryFolder.CopyDirectory(Path.Combine(TestAssets.ViteApp, "src"), Path.Combine(_root.Path, "testassets", "vite-app", "src"));
        foreach (var part in new[] { "src", "dist" })
        {
            TemporaryFolder.CopyDirectory(Path.Combine(TestAssets.Folder, "ts-app", part), Path.Combine(_root.Path, "testassets", "ts-app", part));
        }
        foreach (var leftover in new[] { "bin", "obj" })
        {
            var path = Path.Combine(ProjectDirectory, leftover);
            if (Directory.Exists(path))
            {
                Directory.Delete(path, recursive: true);
            }
        }

        File.WriteAllText(Path.Combine(_root.Path, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="local" value="{PackageFeed.Path}" />
              </packageSources>
            </configuration>
            """);
        File.WriteAllText(Path.Combine(_root.Path, "Directory.Build.props"), "<Project />");
    }

    public string ProjectDirectory => Path.Combine(_root.Path, "testassets", "SampleWebApp");

    public string OutputFolder => Path.Combine(_root.Path, "testassets", "vite-app", "dist");

    public string BudgetFile => Path.Combine(ProjectDirectory, "budget.json");

    /// <summary>The sources of the TypeScript app (testassets/ts-app/src), copied beside the sample.</summary>
    public string TsAppSources => Path.Combine(_root.Path, "testassets", "ts-app", "src");

    public string ReportPath => Path.Combine(ProjectDirectory, "obj", "bundlebudget", "bundle-budget.json");

    public string MarkdownPath => Path.ChangeExtension(ReportPath, ".md");

    public string PackagesFolder => Path.Combine(_root.Path, "packages");

    public void WriteBudget(string budgets) => File.WriteAllText(BudgetFile, $$"""
        {
          "outputPath": "../vite-app/dist",
          "budgets": [
            {{budgets}}
          ],
          "imports": { "sources": ["../vite-app/src/**/*.{js,css}"] }
        }
        """);

    public ProcessResult Build(params string[] properties) => Run("build", [], properties);

    /// <summary><c>dotnet publish</c> into <paramref name="folder"/> (<c>-o</c>).</summary>
    public ProcessResult Publish(string folder, params string[] properties) => Run("publish", ["-o", folder], properties);

    private ProcessResult Run(string command, string[] options, string[] properties)
    {
        List<string> arguments =
        [
            command, ProjectDirectory, .. options, "--disable-build-servers", "-v:n",
            $"-p:BundleBudgetPackageVersion={PackageFeed.Version}",
            $"-p:RestorePackagesPath={PackagesFolder}",
        ];
        arguments.AddRange(properties.Select(p => "-p:" + p));
        return ProcessRunner.Dotnet(ProjectDirectory, [.. arguments]);
    }

    public JsonDocument ReadReport() => JsonDocument.Parse(File.ReadAllText(ReportPath));

    public void Dispose() => _root.Dispose();
}
