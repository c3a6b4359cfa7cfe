namespace Patchbay.Runtime.Node;

/// <summary>What a worker needs to start: node, the host script, the connector it serves, and its confinement.</summary>
internal sealed record WorkerStart(
    string NodeExecutable,
    string HostFolder,
    string ConnectorRoot,
    string TempFolder,
    int MemoryLimitMegabytes,
    bool AllowChildProcesses,
    Uri? Proxy,
    IReadOnlyList<string> NoProxy,
    string? ExtraCaCertificatesFile);
