using System.Net;

namespace Patchbay.Runtime.Http;

/// <summary>The platform proxy for C#-made requests (the runtime's, and the hub's job callbacks), with the same no-proxy rules the Node workers apply.</summary>
public sealed class PlatformProxy(Uri proxy, IReadOnlyList<string> noProxy) : IWebProxy
{
    public ICredentials? Credentials { get; set; } = CredentialsOf(proxy);

    public Uri GetProxy(Uri destination) => new UriBuilder(proxy) { UserName = "", Password = "" }.Uri;

    /// <summary>Exact host names, <c>.example.com</c> for a domain and its subdomains, or <c>*</c> for every host.</summary>
    public bool IsBypassed(Uri host)
    {
        ArgumentNullException.ThrowIfNull(host);
        var name = host.IdnHost;
        return noProxy.Any(rule => rule == "*"
            || string.Equals(rule, name, StringComparison.OrdinalIgnoreCase)
            || (rule.StartsWith('.') && (name.EndsWith(rule, StringComparison.OrdinalIgnoreCase) || string.Equals(rule[1..], name, StringComparison.OrdinalIgnoreCase))));
    }

    private static NetworkCredential? CredentialsOf(Uri proxy)
    {
        if (proxy.UserInfo.Length == 0)
        {
            return null;
        }

        var parts = proxy.UserInfo.Split(':', 2);
        return new NetworkCredential(Uri.UnescapeDataString(parts[0]), parts.Length > 1 ? Uri.UnescapeDataString(parts[1]) : "");
    }
}
