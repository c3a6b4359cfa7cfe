namespace Patchbay.Runtime.Authentication.OAuth2;

/// <summary>
/// An access token from a token endpoint, with every field of its response (Bizagi merges them all into
/// <c>globals.authdata</c>). <see cref="ExpiresAt"/> comes from <c>expires_in</c>; it is null when the
/// response gave no lifetime, and the token is then kept until a 401.
/// </summary>
internal sealed record CachedToken(string AccessToken, string TokenType, string? RefreshToken, DateTimeOffset IssuedAt, DateTimeOffset? ExpiresAt, IReadOnlyDictionary<string, string> Fields)
{
    /// <summary>The longest margin before expiry at which a token is renewed.</summary>
    public static readonly TimeSpan MaximumSkew = TimeSpan.FromSeconds(30);

    /// <summary><c>Bearer x</c>, or <c>MAC x</c> for <c>token_type: mac</c> (bizagi-compat §4.3).</summary>
    public string AuthorizationHeader => (TokenType.Equals("mac", StringComparison.OrdinalIgnoreCase) ? "MAC " : "Bearer ") + AccessToken;

    /// <summary>Usable until shortly before expiry: 30 s or a tenth of the lifetime, whichever is smaller.</summary>
    public bool IsFresh(DateTimeOffset now)
    {
        if (ExpiresAt is not { } expires)
        {
            return true;
        }

        var tenth = (expires - IssuedAt) / 10;
        return now < expires - (tenth < MaximumSkew ? tenth : MaximumSkew);
    }
}
