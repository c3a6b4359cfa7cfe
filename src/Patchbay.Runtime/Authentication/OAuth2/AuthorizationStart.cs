namespace Patchbay.Runtime.Authentication.OAuth2;

/// <summary>Where to send the person who authorizes a connection, and what to keep until they come back.</summary>
/// <param name="AuthorizeUrl">The authorization server's page, with <c>state</c>, the S256 code challenge, the scope and the redirect URI.</param>
/// <param name="State">The value the redirect will bring back: the key to find <paramref name="Pending"/> by.</param>
/// <param name="ExpiresAt">After this the authorization should be refused and started again.</param>
/// <param name="Pending">What <see cref="OAuthAuthorizations.CompleteAsync"/> needs besides the code.</param>
public sealed record AuthorizationStart(Uri AuthorizeUrl, string State, DateTimeOffset ExpiresAt, PendingAuthorization Pending);

/// <summary>A started authorization, kept by the caller between start and redirect; the code verifier is a secret.</summary>
/// <param name="Connection">The connection the tokens will belong to (the token store's key).</param>
/// <param name="RedirectUri">The redirect URI the authorize URL named; the code exchange must name it again.</param>
/// <param name="CodeVerifier">The PKCE code verifier whose challenge the authorize URL carries: whoever holds it and the code can obtain the tokens.</param>
public sealed record PendingAuthorization(string Connection, Uri RedirectUri, string CodeVerifier);

/// <summary>The outcome of completing an authorization.</summary>
/// <param name="Succeeded">True when the code was exchanged and the tokens are kept.</param>
/// <param name="Error">On failure: <c>PARAMETERS_CHANGED</c>, <c>INVALID_PARAM</c>, <c>RECONNECT_NEEDED</c>, <c>AUTHENTICATION_UNAVAILABLE</c>, ...</param>
/// <param name="Message">On failure, for the person; never holds a token.</param>
public sealed record AuthorizationCompletion(bool Succeeded, string? Error, string? Message)
{
    internal static AuthorizationCompletion Success { get; } = new(true, null, null);
}
