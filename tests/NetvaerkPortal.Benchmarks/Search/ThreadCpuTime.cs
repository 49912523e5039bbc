using System.Runtime.InteropServices;

namespace NetvaerkPortal.Benchmarks.Search;

/// <summary>CPU time of the calling thread in nanoseconds (Linux), so latency can be told apart from waiting
/// for a core on a machine other builds share; 0 elsewhere.</summary>
internal static partial class ThreadCpuTime
{
    private const int ClockThreadCpuTimeId = 3;

    public static bool Available { get; } = OperatingSystem.IsLinux() && TryNow(out _);

    public static long Now() => Available && TryNow(out var nanoseconds) ? nanoseconds : 0;

    private static bool TryNow(out long nanoseconds)
    {
        try
        {
            var result = NativeMethods.clock_gettime(ClockThreadCpuTimeId, out var time);
            nanoseconds = time.Seconds * 1_000_000_000 + time.Nanoseconds;
            return result == 0;
        }
        catch (DllNotFoundException)
        {
            nanoseconds = 0;
            return false;
        }
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    private static class NativeMethods
    {
        [DllImport("libc", SetLastError = false)]
        [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
        public static extern int clock_gettime(int clockId, out TimeSpec time);
    }
}
