using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Patchbay.Runtime.Authentication.OAuth1;

/// <summary>OAuth 1.0a HMAC-SHA1 request signing (RFC 5849 §3.4), written out so each step can be checked against the RFC.</summary>
internal static class OAuth1Signer
{
    /// <summary>
    /// The <c>Authorization: OAuth …</c> value for one request; <paramref name="formBody"/> holds the pairs of an
    /// <c>application/x-www-form-urlencoded</c> body (they are signed too), empty otherwise.
    /// </summary>
    public static string Header(OAuth1Credentials credentials, string method, Uri uri, IEnumerable<KeyValuePair<string, string>> formBody, long timestamp, string nonce)
    {
        ArgumentNullException.ThrowIfNull(credentials);
        var protocol = new List<KeyValuePair<string, string>>
        {
            new("oauth_consumer_key", credentials.ConsumerKey),
            new("oauth_nonce", nonce),
            new("oauth_signature_method", "HMAC-SHA1"),
            new("oauth_timestamp", timestamp.ToString(CultureInfo.InvariantCulture)),
            new("oauth_version", "1.0"),
        };
        if (credentials.Token is { Length: > 0 } token)
        {
            protocol.Add(new("oauth_token", token));
        }

        var parameters = Query(uri).Concat(formBody).Concat(protocol);
        var signature = Signature(BaseString(method, uri, parameters), credentials.ConsumerSecret, credentials.TokenSecret);
        protocol.Add(new("oauth_signature", signature));
        return "OAuth " + string.Join(", ", protocol.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{Encode(p.Key)}=\"{Encode(p.Value)}\""));
    }

    /// <summary>The signature base string (§3.4.1): method, base string URI and normalized parameters, each percent-encoded, joined by '&amp;'.</summary>
    public static string BaseString(string method, Uri uri, IEnumerable<KeyValuePair<string, string>> parameters)
    {
        ArgumentNullException.ThrowIfNull(method);
        ArgumentNullException.ThrowIfNull(uri);
        var normalized = string.Join("&", parameters
            .Select(p => (Name: Encode(p.Key), Value: Encode(p.Value)))
            .OrderBy(p => p.Name, StringComparer.Ordinal)
            .ThenBy(p => p.Value, StringComparer.Ordinal)
            .Select(p => $"{p.Name}={p.Value}"));
        return $"{method.ToUpperInvariant()}&{Encode(BaseUri(uri))}&{Encode(normalized)}";
    }

    /// <summary>HMAC-SHA1 keyed with the encoded consumer secret and token secret (§3.4.2), base64.</summary>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Security", "CA5350:Do Not Use Weak Cryptographic Algorithms", Justification = "HMAC-SHA1 is the signature method RFC 5849 defines and the APIs using OAuth 1.0a require.")]
    public static string Signature(string baseString, string consumerSecret, string? tokenSecret)
    {
        ArgumentNullException.ThrowIfNull(baseString);
        var key = Encoding.ASCII.GetBytes($"{Encode(consumerSecret)}&{Encode(tokenSecret ?? "")}");
        return Convert.ToBase64String(HMACSHA1.HashData(key, Encoding.ASCII.GetBytes(baseString)));
    }

    /// <summary>The pairs of a query string or form body, decoded as application/x-www-form-urlencoded ('+' is a space).</summary>
    public static IEnumerable<KeyValuePair<string, string>> FormPairs(string encoded)
    {
        ArgumentNullException.ThrowIfNull(encoded);
        foreach (var pair in encoded.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            var name = equals < 0 ? pair : pair[..equals];
            var value = equals < 0 ? "" : pair[(equals + 1)..];
            yield return new(Decode(name), Decode(value));
        }
    }

    /// <summary>RFC 3986 percent-encoding of everything but the unreserved characters (§3.6).</summary>
    public static string Encode(string value) => Uri.EscapeDataString(value);

    private static IEnumerable<KeyValuePair<string, string>> Query(Uri uri) => FormPairs(uri.Query);

    private static string Decode(string value) => Uri.UnescapeDataString(value.Replace('+', ' '));

    /// <summary>Scheme and host in lower case, the port only when not the default, the path, no query (§3.4.1.2).</summary>
    private static string BaseUri(Uri uri) =>
        $"{uri.Scheme.ToLowerInvariant()}://{uri.Host.ToLowerInvariant()}{(uri.IsDefaultPort ? "" : ":" + uri.Port.ToString(CultureInfo.InvariantCulture))}{uri.AbsolutePath}";
}
