using System.Runtime.InteropServices;

namespace BundleBudget.Core.IO;

/// <summary>
/// Tells a FIFO, socket or device from a file, through symbolic links, without opening it (opening a FIFO blocks).
/// .NET has no public API for a file's type on Unix; this asks the runtime's own native shim (System.Native's stat,
/// whose result begins with the flags and the mode on every .NET since Core 2). Where that is not available, every
/// path is taken for a file, and such files are still never opened, since they report no length.
/// </summary>
internal static class FileKind
{
    private const int TypeMask = 0xF000;
    private const int RegularFile = 0x8000;
    private const int Directory = 0x4000;

    private static bool _unavailable;

    /// <summary>Whether the path is a FIFO, a socket or a device (the final target of a link).</summary>
    public static bool IsSpecial(string path)
    {
        if (OperatingSystem.IsWindows() || _unavailable)
        {
            return false;
        }

        try
        {
            if (Stat(path, out var status) != 0)
            {
                return false;
            }

            var type = status.Mode & TypeMask;
            return type is not (RegularFile or Directory);
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            _unavailable = true;
            return false;
        }
    }

    /// <summary>System.Native's FileStatus: Flags and Mode first; the rest (times, sizes, ids) is room, Size bytes in all, not read.</summary>
    [StructLayout(LayoutKind.Sequential, Size = 256)]
    private struct FileStatus
    {
        public int Flags;
        public int Mode;
    }

    [DllImport("libSystem.Native", EntryPoint = "SystemNative_Stat", SetLastError = true)]
    private static extern int Stat(string path, out FileStatus output);
}
