namespace Patchbay.Core.Model;

/// <summary>How a connector authenticates before each action (bizagi-compat §4).</summary>
public enum AuthenticationMethod
{
    None,
    Basic,
    Digest,
    OAuth2,
    ApiKey,

    /// <summary>A static bearer token (<c>Authorization: Bearer …</c>).</summary>
    Bearer,

    /// <summary>OAuth 1.0a requests signed with HMAC-SHA1.</summary>
    OAuth1,

    /// <summary>The connector's own <c>auth/auth.js</c>.</summary>
    Custom,
}

/// <summary>The OAuth 2.0 grant used by the built-in OAuth 2.0 authenticator.</summary>
public enum OAuth2Grant
{
    ClientCredentials,
    Password,
    AuthorizationCode,
}
