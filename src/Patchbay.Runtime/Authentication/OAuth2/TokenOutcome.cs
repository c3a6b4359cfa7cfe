namespace Patchbay.Runtime.Authentication.OAuth2;

/// <summary>A token, or why none could be had.</summary>
internal sealed record TokenOutcome(CachedToken? Token, AuthenticationFailure? Failure)
{
    public static TokenOutcome Of(CachedToken token) => new(token, null);

    public static TokenOutcome Of(AuthenticationFailure failure) => new(null, failure);
}
