namespace BundleBudget.Core.IO;

/// <summary>
/// The length of a file as reading it would find it: through symbolic links to their final target. A FIFO or a device
/// reports no length (0), and a file of length 0 is never opened, so that nothing blocks on a pipe or reads /dev/zero
/// forever; a link itself would report the length of its own target path instead.
/// </summary>
public static class FileLength
{
    /// <summary>The length, 0 for an empty file, a FIFO or a device, or -1 when the file does not exist (a broken link included).</summary>
    public static long Of(string path) => WithTimeOf(path).Length;

    /// <summary>The length as <see cref="Of"/> gives it, and the final target's last-write time (UTC ticks; 0 when it does not exist).</summary>
    public static (long Length, long Modified) WithTimeOf(string path) => WithTimeOf(new FileInfo(path));

    /// <summary>As <see cref="WithTimeOf(string)"/>, from a file's information already at hand (an enumeration's: no second look at the disk unless it is a link).</summary>
    public static (long Length, long Modified) WithTimeOf(FileInfo file)
    {
        try
        {
            var info = file;
            if (info.LinkTarget is not null)
            {
                info = info.ResolveLinkTarget(returnFinalTarget: true) as FileInfo ?? new FileInfo(file.FullName);
            }

            return info.Exists ? (info.Length, info.LastWriteTimeUtc.Ticks) : (-1, 0);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return (-1, 0);
        }
    }
}
