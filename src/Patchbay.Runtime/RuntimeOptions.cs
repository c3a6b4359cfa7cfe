using Patchbay.Runtime.Authentication.OAuth2;

namespace Patchbay.Runtime;

/// <summary>Settings of the connector runtime, resolved once when it starts.</summary>
public sealed record RuntimeOptions
{
    /// <summary>The <c>node</c> executable: a path, or a name looked up on PATH.</summary>
    /// <value>"node".</value>
    public string NodePath { get; init; } = "node";

    /// <summary>Where installed connectors and the workers' temporary folders live.</summary>
    /// <value>patchbay-runtime under the system temporary folder.</value>
    public string WorkFolder { get; init; } = Path.Combine(Path.GetTempPath(), "patchbay-runtime");

    /// <summary>The time an invocation may take when the request does not say.</summary>
    /// <value>30 seconds.</value>
    public TimeSpan DefaultTimeout { get; init => field = Positive(value); } = TimeSpan.FromSeconds(30);

    /// <summary>How long a worker has to answer a ping after an invocation timed out before it counts as hung and is killed.</summary>
    /// <value>2 seconds.</value>
    public TimeSpan HangGrace { get; init => field = Positive(value); } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// The V8 heap cap of each worker; a worker that exceeds it dies and is replaced. On Linux all of a worker's
    /// private memory (Buffers included) is capped at this plus 512 MiB.
    /// </summary>
    /// <value>512 MiB.</value>
    public int MemoryLimitMegabytes { get; init => field = value > 0 ? value : throw new ArgumentOutOfRangeException(nameof(value)); } = 512;

    /// <summary>Whether connector code may start child processes (Node's permission model forbids it otherwise).</summary>
    /// <value>False.</value>
    public bool AllowChildProcesses { get; init; }

    /// <summary>
    /// The platform's HTTP proxy (<c>http://[user:password@]host:port</c>) for every outbound request of
    /// connector code, whatever library makes it; https goes through it with CONNECT. Null for none.
    /// </summary>
    public Uri? Proxy { get; init; }

    /// <summary>Hosts reached without the proxy: exact names, or <c>.example.com</c> for a domain and its subdomains, or <c>*</c>.</summary>
    public IReadOnlyList<string> NoProxy { get; init; } = [];

    /// <summary>The largest response body an Easy REST action or a token endpoint may return; a larger one fails the call.</summary>
    /// <value>50 MiB.</value>
    public long MaxResponseBytes { get; init => field = value > 0 ? value : throw new ArgumentOutOfRangeException(nameof(value)); } = 50L * 1024 * 1024;

    /// <summary>A PEM file of CA certificates trusted in addition to the system's; TLS verification always stays on.</summary>
    public string? ExtraCaCertificatesFile { get; init; }

    /// <summary>
    /// Where OAuth 2.0 refresh tokens (and, in a store shared by several runtimes, access tokens) are kept.
    /// The hub gives its database, encrypted, so that tokens survive restarts and its nodes share them.
    /// </summary>
    /// <value>Null: a new in-memory store for each runtime.</value>
    public ITokenStore? TokenStore { get; init; }

    /// <summary>Held per connection while its token is renewed; across runtimes that share a <see cref="TokenStore"/>, a distributed lock.</summary>
    /// <value><see cref="InProcessConnectionLock.Instance"/>: none, as one runtime's token cache is single-flight already.</value>
    public IConnectionLock ConnectionLock { get; init; } = InProcessConnectionLock.Instance;

    private static TimeSpan Positive(TimeSpan value) =>
        value > TimeSpan.Zero ? value : throw new ArgumentOutOfRangeException(nameof(value), "Must be positive; there is no 'unlimited'.");
}
