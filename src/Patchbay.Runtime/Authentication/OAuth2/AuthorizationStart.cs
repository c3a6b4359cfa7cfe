namespace Patchbay.Runtime.Authentication.OAuth2;

/// <summary>Where to send the person who authorizes a connection.</summary>
/// <param name="AuthorizeUrl">The authorization server's page, with <c>state</c>, the S256 code challenge, the scope and the redirect URI.</param>
/// <param name="State">The value the redirect will bring back; <see cref="OAuthAuthorizations.CompleteAsync"/> takes it.</param>
/// <param name="ExpiresAt">After this the state is forgotten and the authorization must be started again.</param>
public sealed record AuthorizationStart(Uri AuthorizeUrl, string State, DateTimeOffset ExpiresAt);

/// <summary>The outcome of completing an authorization.</summary>
/// <param name="Succeeded">True when the code was exchanged and the tokens are kept.</param>
/// <param name="Error">On failure: <c>UNKNOWN_STATE</c>, <c>RECONNECT_NEEDED</c>, <c>AUTHENTICATION_UNAVAILABLE</c>, ...</param>
/// <param name="Message">On failure, for the person; never holds a token.</param>
public sealed record AuthorizationCompletion(bool Succeeded, string? Error, string? Message)
{
    internal static AuthorizationCompletion Success { get; } = new(true, null, null);
}
