namespace Patchbay.Runtime.Authentication.OAuth2;

/// <summary>
/// A connection's current access token as an <see cref="ITokenStore"/> keeps it, so that a runtime that did not
/// obtain it (another hub of a scale-out) can use it: the token, its type, refresh token, lifetime and every
/// field of the token endpoint's response.
/// </summary>
/// <param name="AccessToken">The token itself; a secret.</param>
/// <param name="TokenType"><c>bearer</c> or <c>mac</c>.</param>
/// <param name="RefreshToken">The refresh token that came with it (or the one it was refreshed with); a secret.</param>
/// <param name="IssuedAt">When it was obtained; with <paramref name="ExpiresAt"/> it decides when to renew.</param>
/// <param name="ExpiresAt">When it expires; null when the response gave no lifetime.</param>
/// <param name="Fields">Every field of the response, merged into <c>globals.authdata</c>.</param>
public sealed record StoredAccessToken(string AccessToken, string TokenType, string? RefreshToken, DateTimeOffset IssuedAt, DateTimeOffset? ExpiresAt, IReadOnlyDictionary<string, string> Fields)
{
    internal static StoredAccessToken From(CachedToken token) =>
        new(token.AccessToken, token.TokenType, token.RefreshToken, token.IssuedAt, token.ExpiresAt, token.Fields);

    internal CachedToken ToCached() => new(AccessToken, TokenType, RefreshToken, IssuedAt, ExpiresAt, Fields);
}
