using System.Net;
using Patchbay.Hub.Runtime;
using Patchbay.Runtime.Http;

namespace Patchbay.Hub.Jobs;

/// <summary>
/// The platform proxy for job callbacks: the current runtime's proxy and no-proxy rules, read on every request
/// (credentials too), so a settings change applies to the next callback without a new HttpClient.
/// </summary>
public sealed class CallbackProxy(RuntimeHost runtime) : IWebProxy, ICredentials
{
    /// <summary>This object: the proxy's credentials are looked up when asked for, like the proxy itself.</summary>
    public ICredentials? Credentials
    {
        get => this;
        set => throw new NotSupportedException("The platform settings hold the proxy's credentials.");
    }

    public Uri? GetProxy(Uri destination) => Current()?.GetProxy(destination);

    public bool IsBypassed(Uri host) => Current() is not { } proxy || proxy.IsBypassed(host);

    public NetworkCredential? GetCredential(Uri uri, string authType) => Current()?.Credentials?.GetCredential(uri, authType);

    private PlatformProxy? Current() =>
        runtime.Options is { Proxy: { } proxy } options ? new PlatformProxy(proxy, options.NoProxy) : null;
}
