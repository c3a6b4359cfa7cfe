using System.Security.Cryptography;
using System.Text;

namespace Patchbay.Hub.Security;

/// <summary>
/// API key text: <c>pb_</c>, an 8-character public id, <c>_</c>, and 32 random bytes in base64url. Only
/// the SHA-256 of the whole key is stored: the key has 256 bits of entropy, so a slow hash adds nothing.
/// </summary>
public static class ApiKeys
{
    private const string Start = "pb_";
    private const int IdLength = 8;

    /// <summary>A new key and the prefix (start and public id) it is looked up by.</summary>
    public static (string Key, string Prefix) Generate()
    {
        var id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(IdLength / 2));
        var secret = Base64Url(RandomNumberGenerator.GetBytes(32));
        var prefix = Start + id;
        return (prefix + "_" + secret, prefix);
    }

    /// <summary>The prefix of a well-formed key, or null when the text cannot be a key.</summary>
    public static string? PrefixOf(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var prefixLength = Start.Length + IdLength;
        return key.Length > prefixLength + 1 && key.StartsWith(Start, StringComparison.Ordinal) && key[prefixLength] == '_'
            ? key[..prefixLength]
            : null;
    }

    public static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    /// <summary>Compares in constant time, so response timing tells nothing about a stored hash.</summary>
    public static bool Matches(string key, string storedHash) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Hash(key)), Encoding.ASCII.GetBytes(storedHash));

    /// <summary>The stored form of an invoker's connector list: lower-case names, comma-separated.</summary>
    public static string? FormatConnectors(IEnumerable<string>? names) =>
        names is null ? null : string.Join(',', names.Select(n => n.Trim().ToLowerInvariant()).Where(n => n.Length > 0).Distinct(StringComparer.Ordinal));

    public static IReadOnlySet<string> ParseConnectors(string stored) =>
        stored.Split(',', StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal);

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
