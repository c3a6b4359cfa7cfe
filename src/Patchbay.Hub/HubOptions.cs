using System.Net;
using System.Security.Cryptography.X509Certificates;
using Patchbay.Hub.Storage;

namespace Patchbay.Hub;

/// <summary>How a hub starts: where it listens, where it keeps its state, and its limits.</summary>
public sealed record HubOptions
{
    /// <summary>The default address: loopback only, so a hub is never exposed by accident.</summary>
    public const string DefaultUrls = "http://127.0.0.1:5080";

    /// <summary>Where the hub listens; several URLs separated by ';'. Port 0 picks a free port (tests).</summary>
    public string Urls { get; init; } = DefaultUrls;

    /// <summary>The data folder: the SQLite database, the Data Protection key ring (SQLite mode), installed connectors.</summary>
    public string DataFolder { get; init; } = DefaultDataFolder();

    /// <summary>A PostgreSQL connection string; null keeps the state in SQLite in <see cref="DataFolder"/>.</summary>
    public string? PostgresConnectionString { get; init; }

    /// <summary>An admin API key to create on first start instead of generating one (automated set-ups).</summary>
    public string? AdminKey { get; init; }

    /// <summary>The <c>node</c> executable for connector code.</summary>
    public string NodePath { get; init; } = "node";

    /// <summary>The largest request body outside uploads.</summary>
    /// <value>1 MiB.</value>
    public long MaxRequestBytes { get; init; } = 1024 * 1024;

    /// <summary>The largest connector upload.</summary>
    /// <value>64 MiB.</value>
    public long MaxUploadBytes { get; init; } = 64L * 1024 * 1024;

    /// <summary>Requests per second each API key may make (a token bucket with twice this burst); 0 turns the limit off.</summary>
    /// <value>200.</value>
    public int RateLimitPerSecond { get; init; } = 200;

    /// <summary>How many invocations (sync invokes and async submissions) this hub node handles at once; 0 turns admission control off.</summary>
    /// <value>32 per processor.</value>
    /// <remarks>Most invocations wait on remote systems, so this is well above the core count; it bounds the memory and Node work in flight.</remarks>
    public int InvocationConcurrency { get; init; } = Environment.ProcessorCount * 32;

    /// <summary>How many more invocations wait, oldest first, for one of <see cref="InvocationConcurrency"/>; beyond that a 503 with <c>Retry-After</c>.</summary>
    /// <value>128 per processor.</value>
    public int InvocationQueueLimit { get; init; } = Environment.ProcessorCount * 128;

    /// <summary>Log lines as JSON objects (for log collectors) instead of text.</summary>
    public bool JsonLogs { get; init; }

    /// <summary>The node name recorded with each invocation and in traces; two hubs of a scale-out have different ones.</summary>
    /// <value>The machine name and the process id.</value>
    public string NodeName { get; init; } = $"{Environment.MachineName}-{Environment.ProcessId}";

    /// <summary>How many async invocations (job attempts and callbacks) this hub runs at once.</summary>
    /// <value>Twice the processor count.</value>
    public int JobWorkers { get; init; } = Environment.ProcessorCount * 2;

    /// <summary>
    /// How long a job attempt taken by a hub stays invisible to the others without that hub's heartbeat: a hub
    /// that dies (or loses its database) leaves its attempts to be taken again after this long, by any hub.
    /// </summary>
    /// <remarks>
    /// On PostgreSQL a running hub renews its lease, so a long attempt is never taken twice. Hangfire's SQLite storage
    /// does not: an attempt running longer than this is taken again by another worker of the hub, which waits for
    /// the first run and then finds its attempt recorded (<see cref="Jobs.JobAttemptGuard"/>); the action still runs once.
    /// </remarks>
    /// <value>One minute.</value>
    public TimeSpan JobLease { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// The waits before Hangfire runs a job attempt again after a storage fault; after the last one the job fails
    /// (<see cref="Jobs.StorageRetries"/>). Internal: tests shorten it.
    /// </summary>
    /// <value>12 retries over about 50 minutes.</value>
    internal IReadOnlyList<TimeSpan> StorageRetryDelays { get; init; } = Jobs.StorageRetries.DefaultDelays;

    /// <summary>
    /// The hosts job callbacks may go to: exact names or addresses, or <c>.example.com</c> for a domain and its
    /// subdomains. A job with a callback elsewhere is refused when it is accepted.
    /// </summary>
    /// <value>Empty: any host, since a hub and its callers often share a private network.</value>
    public IReadOnlyList<string> CallbackHosts { get; init; } = [];

    /// <summary>
    /// A certificate (with its private key) that encrypts the Data Protection key ring at rest, so that a copy of the
    /// data folder or a database dump alone does not reveal the stored secrets. Keys created before it was set stay
    /// readable as they are.
    /// </summary>
    /// <value>None: the key ring is kept unencrypted beside the secrets it protects (file permissions only).</value>
    public X509Certificate2? KeyRingCertificate { get; init; }

    /// <summary>Reverse proxies, besides those on loopback, whose X-Forwarded-For and X-Forwarded-Proto the hub believes.</summary>
    /// <value>None: only a proxy on the same machine.</value>
    public IReadOnlyList<IPAddress> TrustedProxies { get; init; } = [];

    /// <summary>How SQLite syncs commits to disk, in the hub's database and the job queue's (SQLite mode only).</summary>
    /// <value><see cref="SqliteSynchronous.Full"/>: an answered call survives a power cut.</value>
    /// <remarks>Measured with the hub invoke benchmark (docs/performance.md): the fsync per commit costs little, since invocation records are written in groups.</remarks>
    public SqliteSynchronous SqliteSynchronous { get; init; } = SqliteSynchronous.Full;

    public bool UsesPostgres => !string.IsNullOrWhiteSpace(PostgresConnectionString);

    /// <summary>The per-user default: ~/.local/share/patchbay on Linux, %LOCALAPPDATA%\patchbay on Windows.</summary>
    public static string DefaultDataFolder() =>
        Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.Create), "patchbay");
}
