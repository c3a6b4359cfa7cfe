using System.Net.Http.Headers;
using System.Text;

namespace Patchbay.Runtime.Authentication.Digest;

/// <summary>One <c>WWW-Authenticate: Digest …</c> challenge (RFC 7616 §3.3).</summary>
internal sealed record DigestChallenge(string Realm, string Nonce, string? Opaque, IReadOnlyList<string> Qop, DigestAlgorithm Algorithm, bool Stale, bool UserHash)
{
    /// <summary>The challenge to answer among those of a 401 response: the strongest algorithm we support with qop=auth (or no qop, RFC 2069); null when none fits.</summary>
    public static DigestChallenge? Choose(HttpHeaderValueCollection<AuthenticationHeaderValue> headers)
    {
        ArgumentNullException.ThrowIfNull(headers);
        return headers
            .Where(h => h.Scheme.Equals("Digest", StringComparison.OrdinalIgnoreCase) && h.Parameter is not null)
            .Select(h => Parse(h.Parameter!))
            .OfType<DigestChallenge>()
            .Where(c => c.Qop.Count == 0 || c.Qop.Contains("auth"))
            .OrderByDescending(c => c.Algorithm.Strength)
            .FirstOrDefault();
    }

    /// <summary>Parses the parameters of one challenge; null when it lacks a nonce or names an algorithm we do not know.</summary>
    public static DigestChallenge? Parse(string parameters)
    {
        var fields = Fields(parameters);
        var algorithm = DigestAlgorithm.Find(fields.GetValueOrDefault("algorithm") ?? "MD5");
        if (algorithm is null || !fields.TryGetValue("nonce", out var nonce))
        {
            return null;
        }

        var qop = (fields.GetValueOrDefault("qop") ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return new DigestChallenge(
            fields.GetValueOrDefault("realm") ?? "",
            nonce,
            fields.GetValueOrDefault("opaque"),
            qop,
            algorithm,
            string.Equals(fields.GetValueOrDefault("stale"), "true", StringComparison.OrdinalIgnoreCase),
            string.Equals(fields.GetValueOrDefault("userhash"), "true", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>Splits <c>name=token, name="quoted, \"escaped\""</c> pairs; names are case-insensitive.</summary>
    public static Dictionary<string, string> Fields(string parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var fields = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var i = 0;
        while (i < parameters.Length)
        {
            while (i < parameters.Length && (parameters[i] == ',' || char.IsWhiteSpace(parameters[i])))
            {
                i++;
            }

            var equals = parameters.IndexOf('=', i);
            if (equals < 0)
            {
                break;
            }

            var name = parameters[i..equals].Trim();
            i = equals + 1;
            var value = new StringBuilder();
            if (i < parameters.Length && parameters[i] == '"')
            {
                for (i++; i < parameters.Length && parameters[i] != '"'; i++)
                {
                    if (parameters[i] == '\\' && i + 1 < parameters.Length)
                    {
                        i++;
                    }

                    value.Append(parameters[i]);
                }

                i++;
            }
            else
            {
                for (; i < parameters.Length && parameters[i] != ','; i++)
                {
                    value.Append(parameters[i]);
                }
            }

            fields[name] = value.ToString().Trim();
        }

        return fields;
    }
}
