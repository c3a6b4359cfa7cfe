using Patchbay.Core.Model;

namespace Patchbay.Runtime.Authentication;

/// <summary>What a built-in authenticator needs to authenticate one invocation.</summary>
/// <param name="Connector">The connector whose <see cref="ConnectorDefinition.Authentication"/> method runs.</param>
/// <param name="AuthData">The Authentication parameter values, Bizagi's <c>globals.authdata</c>; the service applies the parameters' defaults.</param>
/// <param name="CredentialDomain">The environment the values belong to; part of the token cache key.</param>
/// <param name="Target">The URL the action will call (digest fetches its challenge there); null when unknown.</param>
/// <param name="Method">The HTTP method the action will use.</param>
internal sealed record AuthenticationRequest(
    ConnectorDefinition Connector,
    IReadOnlyDictionary<string, string> AuthData,
    string CredentialDomain,
    Uri? Target,
    string Method);
