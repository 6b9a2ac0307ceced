namespace BundleBudget.Browser;

/// <summary>An installed Chromium, Chrome or Edge to measure with, or why there is none.</summary>
/// <param name="Path">The browser's executable; null when none was found.</param>
/// <param name="Problem">Why none can be used, with what to install; null when one was found.</param>
public sealed record BrowserFound(string? Path, string? Problem);

/// <summary>
/// Finds a browser that is already installed, never downloading one: the one named (<c>--browser</c>,
/// BundleBudgetBrowser), else <c>CHROME_PATH</c>, else the usual names on PATH, else the usual install locations of
/// Windows, macOS and Linux.
/// </summary>
public static class BrowserLocator
{
    private static readonly string[] NamesOnPath =
    [
        "chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "chrome", "microsoft-edge", "microsoft-edge-stable", "msedge",
    ];

    public static BrowserFound Find(string? named, Func<string, string?> environment)
    {
        if (!string.IsNullOrWhiteSpace(named))
        {
            return IsExecutable(named)
                ? new BrowserFound(Path.GetFullPath(named), null)
                : new BrowserFound(null, $"The browser named for measuring, {named}, is not an executable file. Name an installed Chromium, Chrome or Edge.");
        }

        if (environment("CHROME_PATH") is { Length: > 0 } chromePath && IsExecutable(chromePath))
        {
            return new BrowserFound(Path.GetFullPath(chromePath), null);
        }

        var found = OnPath(environment("PATH")).Concat(InstallLocations(environment)).FirstOrDefault(IsExecutable);
        return found is not null
            ? new BrowserFound(found, null)
            : new BrowserFound(null, $"No Chromium, Chrome or Edge is installed, and BundleBudget never downloads one. {WhatToInstall()} Or name one with --browser (BundleBudgetBrowser) or CHROME_PATH.");
    }

    private static string WhatToInstall() =>
        OperatingSystem.IsWindows() ? "Install Google Chrome or Microsoft Edge."
        : OperatingSystem.IsMacOS() ? "Install Google Chrome (or `brew install --cask chromium`)."
        : "Install Chromium (Debian and Ubuntu: `apt-get install -y chromium`; Fedora: `dnf install chromium`) or Google Chrome.";

    private static IEnumerable<string> OnPath(string? path)
    {
        var extensions = OperatingSystem.IsWindows() ? new[] { ".exe" } : [string.Empty];
        foreach (var folder in (path ?? string.Empty).Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            foreach (var name in NamesOnPath)
            {
                foreach (var extension in extensions)
                {
                    yield return Path.Combine(folder, name + extension);
                }
            }
        }
    }

    private static IEnumerable<string> InstallLocations(Func<string, string?> environment)
    {
        if (OperatingSystem.IsWindows())
        {
            foreach (var root in new[] { environment("ProgramFiles"), environment("ProgramFiles(x86)"), environment("LOCALAPPDATA") }.OfType<string>())
            {
                yield return Path.Combine(root, "Google", "Chrome", "Application", "chrome.exe");
                yield return Path.Combine(root, "Microsoft", "Edge", "Application", "msedge.exe");
                yield return Path.Combine(root, "Chromium", "Application", "chrome.exe");
            }
        }
        else if (OperatingSystem.IsMacOS())
        {
            foreach (var root in new[] { "/Applications", Path.Combine(environment("HOME") ?? "/", "Applications") })
            {
                yield return Path.Combine(root, "Google Chrome.app", "Contents", "MacOS", "Google Chrome");
                yield return Path.Combine(root, "Chromium.app", "Contents", "MacOS", "Chromium");
                yield return Path.Combine(root, "Microsoft Edge.app", "Contents", "MacOS", "Microsoft Edge");
            }
        }
        else
        {
            yield return "/usr/bin/chromium";
            yield return "/usr/bin/chromium-browser";
            yield return "/usr/bin/google-chrome";
            yield return "/opt/google/chrome/chrome";
            yield return "/usr/bin/microsoft-edge";
            yield return "/snap/bin/chromium";
        }
    }

    private static bool IsExecutable(string path)
    {
        try
        {
            if (!File.Exists(path))
            {
                return false;
            }

            return OperatingSystem.IsWindows() || (File.GetUnixFileMode(path) & (UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute)) != 0;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
        {
            return false;
        }
    }
}
