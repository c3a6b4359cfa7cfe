using System.Globalization;
using System.Text;

namespace Patchbay.Runtime.Authentication.Digest;

/// <summary>The response and <c>Authorization</c> header of RFC 7616 §3.4, written without a library so every step is visible.</summary>
internal static class DigestCalculator
{
    /// <summary>The <c>response</c> value (RFC 7616 §3.4.1); <paramref name="qop"/> null answers a challenge without qop (RFC 2069).</summary>
    public static string Response(DigestAlgorithm algorithm, string username, string password, string realm, string nonce, string method, string uri, string? qop, string nc, string cnonce)
    {
        ArgumentNullException.ThrowIfNull(algorithm);
        var a1 = algorithm.Hash($"{username}:{realm}:{password}");
        if (algorithm.IsSession)
        {
            a1 = algorithm.Hash($"{a1}:{nonce}:{cnonce}");
        }

        var a2 = algorithm.Hash($"{method}:{uri}");
        return qop is null ? algorithm.Hash($"{a1}:{nonce}:{a2}") : algorithm.Hash($"{a1}:{nonce}:{nc}:{cnonce}:{qop}:{a2}");
    }

    /// <summary>The <c>Authorization</c> header value answering <paramref name="challenge"/> for one request; <paramref name="count"/> is the nonce count, 1 for the first request with this nonce.</summary>
    public static string Header(DigestChallenge challenge, string username, string password, string method, string uri, long count, string cnonce)
    {
        ArgumentNullException.ThrowIfNull(challenge);
        var algorithm = challenge.Algorithm;
        var qop = challenge.Qop.Count == 0 ? null : "auth";
        var nc = count.ToString("x8", CultureInfo.InvariantCulture);
        var response = Response(algorithm, username, password, challenge.Realm, challenge.Nonce, method, uri, qop, nc, cnonce);
        var shownUser = challenge.UserHash ? algorithm.Hash($"{username}:{challenge.Realm}") : username;
        var header = new StringBuilder("Digest ");
        header.Append(CultureInfo.InvariantCulture, $"username=\"{Quote(shownUser)}\", realm=\"{Quote(challenge.Realm)}\", uri=\"{Quote(uri)}\", ");
        header.Append(CultureInfo.InvariantCulture, $"algorithm={algorithm.Name}, nonce=\"{Quote(challenge.Nonce)}\", ");
        if (qop is not null)
        {
            header.Append(CultureInfo.InvariantCulture, $"nc={nc}, cnonce=\"{Quote(cnonce)}\", qop={qop}, ");
        }

        header.Append(CultureInfo.InvariantCulture, $"response=\"{response}\"");
        if (challenge.Opaque is not null)
        {
            header.Append(CultureInfo.InvariantCulture, $", opaque=\"{Quote(challenge.Opaque)}\"");
        }

        if (challenge.UserHash)
        {
            header.Append(", userhash=true");
        }

        return header.ToString();
    }

    private static string Quote(string value) => value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal);
}
