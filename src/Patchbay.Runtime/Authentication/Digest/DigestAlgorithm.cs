using System.Security.Cryptography;
using System.Text;

namespace Patchbay.Runtime.Authentication.Digest;

/// <summary>A digest algorithm of RFC 7616 §3.5: MD5 or SHA-256, each with its <c>-sess</c> variant.</summary>
internal sealed class DigestAlgorithm
{
    private static readonly DigestAlgorithm[] All =
    [
        new("MD5", session: false, strength: 1, MD5.HashData),
        new("MD5-sess", session: true, strength: 2, MD5.HashData),
        new("SHA-256", session: false, strength: 3, SHA256.HashData),
        new("SHA-256-sess", session: true, strength: 4, SHA256.HashData),
    ];

    private readonly Func<byte[], byte[]> _hash;

    private DigestAlgorithm(string name, bool session, int strength, Func<byte[], byte[]> hash)
    {
        Name = name;
        IsSession = session;
        Strength = strength;
        _hash = hash;
    }

    public static DigestAlgorithm Md5 => All[0];

    public static DigestAlgorithm Sha256 => All[2];

    /// <summary>The name as sent in <c>algorithm=</c>.</summary>
    public string Name { get; }

    /// <summary>True for the <c>-sess</c> variants, whose A1 also covers the nonce and cnonce.</summary>
    public bool IsSession { get; }

    /// <summary>Orders the choice when a server offers several challenges.</summary>
    public int Strength { get; }

    public static DigestAlgorithm? Find(string name) => All.FirstOrDefault(a => a.Name.Equals(name, StringComparison.OrdinalIgnoreCase));

    /// <summary>H(data): the lower-case hex hash of the UTF-8 bytes.</summary>
    public string Hash(string data) => Convert.ToHexStringLower(_hash(Encoding.UTF8.GetBytes(data)));
}
