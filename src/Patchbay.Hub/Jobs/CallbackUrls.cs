namespace Patchbay.Hub.Jobs;

/// <summary>
/// Which callback URLs a job may carry, checked when the job is accepted rather than when it calls back: an
/// absolute http(s) URL with a host, without a user name or password (they would be stored with the job and sent
/// in clear to every proxy), to a host the hub allows (<see cref="HubOptions.CallbackHosts"/>; none listed allows any).
/// </summary>
public static class CallbackUrls
{
    /// <summary>Why the URL is refused (for a problem naming <c>$.callbackUrl</c>), or null when the hub may call it back.</summary>
    public static string? Refusal(string url, IReadOnlyList<string> allowedHosts)
    {
        ArgumentNullException.ThrowIfNull(url);
        ArgumentNullException.ThrowIfNull(allowedHosts);
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https") || uri.Host.Length == 0)
        {
            return "An absolute http(s) URL.";
        }

        if (uri.UserInfo.Length > 0)
        {
            return "A URL without a user name or password; put a secret the receiver checks in the path or query instead.";
        }

        if (allowedHosts.Count > 0 && !allowedHosts.Any(rule => Matches(rule, uri.IdnHost.Trim('[', ']'))))
        {
            return $"This hub does not call back to '{uri.Host}': its operator allows callbacks to some hosts only.";
        }

        return null;
    }

    /// <summary>
    /// An exact host name or address (an IPv6 address with or without brackets), or <c>.example.com</c> for that
    /// domain and its subdomains (as the platform's no-proxy rules).
    /// </summary>
    public static bool Matches(string rule, string host)
    {
        ArgumentNullException.ThrowIfNull(rule);
        ArgumentNullException.ThrowIfNull(host);
        return string.Equals(rule.Trim('[', ']'), host, StringComparison.OrdinalIgnoreCase)
            || (rule.StartsWith('.') && (host.EndsWith(rule, StringComparison.OrdinalIgnoreCase) || string.Equals(rule[1..], host, StringComparison.OrdinalIgnoreCase)));
    }

    /// <summary>Whether an entry of <see cref="HubOptions.CallbackHosts"/> is a host name, an address, or <c>.domain</c> (not a URL).</summary>
    public static bool IsHostRule(string rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        return Uri.CheckHostName(rule.StartsWith('.') ? rule[1..] : rule.Trim('[', ']')) != UriHostNameType.Unknown;
    }
}
