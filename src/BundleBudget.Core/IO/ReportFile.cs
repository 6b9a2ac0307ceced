namespace BundleBudget.Core.IO;

/// <summary>
/// Writes a report or cache file whole: into a temporary file beside it, then renamed over it, so that a reader never
/// sees half of it. A path that is a symbolic link, or an existing file with no length (a device such as /dev/null or
/// /dev/stdout, a FIFO), is written in place instead: renaming would replace the link or the device with a file.
/// </summary>
public static class ReportFile
{
    public static void Write(string path, Action<Stream> write)
    {
        var full = Path.GetFullPath(path);
        if (IsSpecial(full))
        {
            using var direct = new FileStream(full, FileMode.Create, FileAccess.Write, FileShare.ReadWrite);
            write(direct);
            return;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        var temporary = $"{full}.{Environment.ProcessId}.tmp";
        try
        {
            using (var stream = File.Create(temporary))
            {
                write(stream);
            }

            File.Move(temporary, full, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    /// <summary>Whether a path is a symbolic link, or an existing file that reports no length (a device, a FIFO): not a plain file to replace.</summary>
    public static bool IsSpecial(string path)
    {
        var info = new FileInfo(path);
        return info.LinkTarget is not null || (info.Exists && info.Length == 0 && !OperatingSystem.IsWindows());
    }
}
