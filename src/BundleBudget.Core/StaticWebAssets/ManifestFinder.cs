namespace BundleBudget.Core.StaticWebAssets;

/// <summary>
/// For the CLI: the runtime manifest of the last build of the project whose wwwroot is checked, so that a check of a
/// Razor or Blazor project's wwwroot sees what <c>dotnet run</c> serves (the scoped-CSS bundle, Razor class libraries,
/// <c>_framework/</c>) without being told where the build put it, as MSBuild passes it.
/// </summary>
public static class ManifestFinder
{
    /// <summary>
    /// The newest <c>bin/&lt;configuration&gt;/&lt;framework&gt;[/&lt;runtime&gt;]/&lt;Project&gt;.staticwebassets.runtime.json</c>
    /// of the project folder that holds <paramref name="outputFolder"/> as its wwwroot; null when the folder is no
    /// project's wwwroot or the project was not built.
    /// </summary>
    public static string? Find(string outputFolder)
    {
        var folder = new DirectoryInfo(Path.TrimEndingDirectorySeparator(Path.GetFullPath(outputFolder)));
        if (!string.Equals(folder.Name, "wwwroot", StringComparison.OrdinalIgnoreCase) || folder.Parent is not { } project)
        {
            return null;
        }

        try
        {
            var names = project.EnumerateFiles("*.*proj").Select(p => Path.GetFileNameWithoutExtension(p.Name) + ".staticwebassets.runtime.json").ToHashSet(StringComparer.Ordinal);
            var bin = new DirectoryInfo(Path.Combine(project.FullName, "bin"));
            if (names.Count == 0 || !bin.Exists)
            {
                return null;
            }

            var options = new EnumerationOptions { RecurseSubdirectories = true, MaxRecursionDepth = 3, IgnoreInaccessible = true, AttributesToSkip = FileAttributes.ReparsePoint };
            return bin.EnumerateFiles("*.staticwebassets.runtime.json", options)
                .Where(f => names.Contains(f.Name))
                .OrderByDescending(f => f.LastWriteTimeUtc)
                .FirstOrDefault()?.FullName;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
