namespace Patchbay.Hub.Configuration;

/// <summary>The proxy URL as shown to people: user and password (if any) replaced by <c>****</c>.</summary>
public static class ProxyText
{
    public static string Masked(Uri proxy)
    {
        ArgumentNullException.ThrowIfNull(proxy);
        var credentials = proxy.UserInfo.Length == 0 ? "" : proxy.UserInfo.Contains(':', StringComparison.Ordinal) ? "****:****@" : "****@";
        return $"{proxy.Scheme}://{credentials}{proxy.Authority}";
    }

    /// <summary>An absolute http(s) URL with a host, or null.</summary>
    public static Uri? Parse(string text) =>
        Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" && uri.Host.Length > 0 && uri.AbsolutePath == "/" && uri.Query.Length == 0
            ? uri
            : null;
}
