using System.Runtime.InteropServices;

namespace Patchbay.Runtime.Node;

/// <summary>
/// Caps all of a worker's private memory, not only its V8 heap: <c>--max-old-space-size</c> leaves Buffers and
/// other memory outside the heap unbounded, so connector code could allocate until the machine runs out.
/// Linux's RLIMIT_DATA counts every private writable mapping; past it an allocation fails in the worker
/// (a RangeError in JavaScript, or the worker dies), never in the hub.
/// </summary>
/// <remarks>
/// Set with <c>prlimit</c> right after the worker starts and before it is accepted, so before any connector code
/// runs (connector code is loaded by the first invocation). Elsewhere than Linux only the heap cap applies.
/// </remarks>
internal static class WorkerMemoryLimit
{
    /// <summary>Room beyond the heap cap for V8's other spaces, Node itself, and the connector's Buffers.</summary>
    public const int HeadroomMegabytes = 512;

    private const int RlimitData = 2;

    /// <summary>The limit for a worker whose heap is capped at <paramref name="heapMegabytes"/>.</summary>
    public static ulong BytesFor(int heapMegabytes) => (ulong)(heapMegabytes + HeadroomMegabytes) * 1024 * 1024;

    /// <summary>Applies the limit to a started process; false when the platform has no such limit or refused it.</summary>
    public static bool TryApply(int processId, int heapMegabytes)
    {
        if (!OperatingSystem.IsLinux())
        {
            return false;
        }

        var limit = new ResourceLimit(BytesFor(heapMegabytes), BytesFor(heapMegabytes));
        return SetLimit(processId, RlimitData, in limit, IntPtr.Zero) == 0;
    }

    // DllImport rather than LibraryImport: a blittable struct passed by reference needs no generated marshalling, nor unsafe code.
    [DllImport("libc", EntryPoint = "prlimit", SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int SetLimit(int pid, int resource, in ResourceLimit newLimit, IntPtr oldLimit);

    [StructLayout(LayoutKind.Sequential)]
    private readonly record struct ResourceLimit(ulong Current, ulong Maximum);
}
