namespace BundleBudget.Tests;

/// <summary>Finds the repository's committed fixtures from wherever the tests run.</summary>
internal static class TestAssets
{
    public static string RepositoryRoot { get; } = FindRoot();

    public static string Folder => Path.Combine(RepositoryRoot, "testassets");

    /// <summary>The real Vite 8 build of testassets/vite-app.</summary>
    public static string ViteDist => Path.Combine(Folder, "vite-app", "dist");

    public static string ViteApp => Path.Combine(Folder, "vite-app");

    private static string FindRoot()
    {
        var directory = new DirectoryInfo(TestContext.CurrentContext.TestDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "BundleBudget.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("BundleBudget.sln not found above the test folder.");
    }
}
