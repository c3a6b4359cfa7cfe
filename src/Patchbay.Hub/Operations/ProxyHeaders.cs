using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.HttpOverrides;

namespace Patchbay.Hub.Operations;

/// <summary>
/// X-Forwarded-For and X-Forwarded-Proto from a reverse proxy the hub trusts (on loopback, or listed in
/// <see cref="HubOptions.TrustedProxies"/>), so that behind a TLS-terminating proxy cookies are marked secure,
/// redirect URIs say https, and callers without a key are rate-limited by their own address, not the proxy's.
/// Headers from any other sender are ignored, so a caller cannot pick its own address.
/// </summary>
internal static class ProxyHeaders
{
    public static IApplicationBuilder UseTrustedProxyHeaders(this IApplicationBuilder app, HubOptions options)
    {
        var forwarded = new ForwardedHeadersOptions { ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto };
        foreach (var proxy in options.TrustedProxies)
        {
            forwarded.KnownProxies.Add(proxy);
        }

        return app.UseForwardedHeaders(forwarded);
    }
}
