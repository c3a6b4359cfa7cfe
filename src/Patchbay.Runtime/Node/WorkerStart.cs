namespace Patchbay.Runtime.Node;

/// <summary>
/// What a worker needs to start: node, the host script, the connector it serves, and its confinement.
/// <see cref="PlatformFolder"/> holds the platform's bz-util files: <c>config.properties</c> and the <c>autotesting</c> mocks.
/// </summary>
internal sealed record WorkerStart(
    string NodeExecutable,
    string HostFolder,
    string ConnectorRoot,
    string PlatformFolder,
    string TempFolder,
    int MemoryLimitMegabytes,
    bool AllowChildProcesses,
    Uri? Proxy,
    IReadOnlyList<string> NoProxy,
    string? ExtraCaCertificatesFile);
