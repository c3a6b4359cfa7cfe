using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Patchbay.Runtime.Rest;

/// <summary>
/// Masks what traces and log lines must not show, before the invocation's redactor masks the secrets it knows:
/// credentials in a URL, secret-looking query parameters (as the Node host's trace does) and credential headers.
/// </summary>
internal static partial class SafeText
{
    /// <summary>Bizagi's debug log writes the Authorization header as this.</summary>
    public const string AuthorizationMask = "***************************";

    private const string Mask = "********";

    public static string Url(Uri url)
    {
        var builder = new UriBuilder(url);
        if (builder.UserName.Length > 0 || builder.Password.Length > 0)
        {
            builder.UserName = Mask;
            builder.Password = "";
        }

        if (builder.Query.Length > 1)
        {
            builder.Query = string.Join('&', builder.Query.TrimStart('?').Split('&').Select(pair =>
            {
                var equals = pair.IndexOf('=', StringComparison.Ordinal);
                return equals > 0 && SecretName().IsMatch(Uri.UnescapeDataString(pair[..equals])) ? pair[..(equals + 1)] + Mask : pair;
            }));
        }

        return builder.Uri.AbsoluteUri;
    }

    /// <summary>The request headers as a JSON object, credential headers masked as in Bizagi's debug log.</summary>
    public static string Headers(IEnumerable<KeyValuePair<string, IEnumerable<string>>> headers)
    {
        var masked = new JsonObject();
        foreach (var (name, values) in headers)
        {
            masked[name] = SecretHeader(name) ? AuthorizationMask : string.Join(", ", values);
        }

        return JsJson.Stringify(masked);
    }

    private static bool SecretHeader(string name) =>
        name.Equals("Authorization", StringComparison.OrdinalIgnoreCase)
        || name.Equals("Proxy-Authorization", StringComparison.OrdinalIgnoreCase)
        || name.Equals("Cookie", StringComparison.OrdinalIgnoreCase)
        || SecretName().IsMatch(name.Replace("X-", "", StringComparison.OrdinalIgnoreCase));

    [GeneratedRegex(@"^(access[_-]?token|token|api[_-]?key|apikey|key|secret|client[_-]?secret|password|pwd|sig|signature|auth[_-]?token)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex SecretName();
}
