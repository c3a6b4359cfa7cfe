using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Patchbay.Core.Model;

namespace Patchbay.Runtime.Authentication;

/// <summary>
/// Identifies one connection for the token cache and the token store: the connector (global guid and major
/// version, as major versions coexist), the credential domain, and a hash of the Authentication parameter
/// values, so changing any value (another client, another user) starts a new connection.
/// </summary>
internal sealed record ConnectionKey(string ConnectorGuid, int MajorVersion, string CredentialDomain, string ParametersHash)
{
    public static ConnectionKey For(ConnectorDefinition connector, string credentialDomain, IReadOnlyDictionary<string, string> values)
    {
        ArgumentNullException.ThrowIfNull(connector);
        ArgumentNullException.ThrowIfNull(values);
        var text = new StringBuilder();
        foreach (var (name, value) in values.OrderBy(v => v.Key, StringComparer.Ordinal))
        {
            // Length-prefixed, so no pair of values can run into another.
            text.Append(CultureInfo.InvariantCulture, $"{name.Length}:{name}{value.Length}:{value};");
        }

        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
        return new ConnectionKey(connector.GlobalGuid, VersionNumbers.Major(connector.Version), credentialDomain, hash);
    }

    /// <summary>The form <see cref="OAuth2.ITokenStore"/> keys are given in: <c>guid/major/domain/hash</c>.</summary>
    public override string ToString() => $"{ConnectorGuid}/{MajorVersion}/{CredentialDomain}/{ParametersHash}";
}
