using System.Globalization;

namespace Patchbay.Runtime.Authentication.Digest;

/// <summary>
/// Digest authentication (RFC 7616). Each invocation fetches a challenge from the action's URL, as Bizagi
/// does, so connector code always gets a live nonce; the invocation's requests (pages, retries) then reuse it
/// with a rising nonce count until the server asks for a new one (<c>stale=true</c> or another 401).
/// </summary>
/// <remarks>
/// Sharing one nonce across invocations would save that round trip, but a custom action that meets an
/// expired nonce has no way to report it, and every later invocation would fail with it.
/// </remarks>
internal sealed class DigestAuthenticator(HttpClient http)
{
    public async Task<AuthenticationSession> AuthenticateAsync(AuthenticationRequest request, AuthParameters parameters, CancellationToken cancellationToken)
    {
        if (parameters.Missing("username", "password") is { } missing)
        {
            return AuthenticationSession.Failed(missing);
        }

        if (request.Target is not { } target)
        {
            return AuthenticationSession.Failed(AuthenticationFailure.Invalid(
                "AUTH.ERROR", "Authentication Error: digest needs the action's URL to fetch the server's challenge, and the connector has no base URI."));
        }

        var (challenge, failure) = await FetchChallengeAsync(target, request.Method, cancellationToken).ConfigureAwait(false);
        return failure is not null
            ? AuthenticationSession.Failed(failure)
            : new DigestSession(new DigestState(challenge!), parameters, target, request.Method);
    }

    private async Task<(DigestChallenge? Challenge, AuthenticationFailure? Failure)> FetchChallengeAsync(Uri target, string method, CancellationToken cancellationToken)
    {
        using var probe = new HttpRequestMessage(new HttpMethod(method), target);
        try
        {
            using var response = await http.SendAsync(probe, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
            var status = (int)response.StatusCode;
            if (status >= 500)
            {
                return (null, AuthenticationFailure.Unavailable(status, $"The digest challenge could not be fetched: {target.Authority} answered {status} {response.ReasonPhrase}."));
            }

            if (DigestChallenge.Choose(response.Headers.WwwAuthenticate) is { } challenge)
            {
                return (challenge, null);
            }

            var reason = response.Headers.WwwAuthenticate.Any(h => h.Scheme.Equals("Digest", StringComparison.OrdinalIgnoreCase))
                ? "a Digest challenge this client does not support (it needs qop=auth and MD5 or SHA-256, with or without -sess)"
                : "no Digest challenge";
            return (null, AuthenticationFailure.Invalid("AUTH.ERROR", string.Create(CultureInfo.InvariantCulture, $"Authentication Error: {method} {target.GetLeftPart(UriPartial.Path)} answered {status} with {reason}.")));
        }
        catch (HttpRequestException e) when (!cancellationToken.IsCancellationRequested)
        {
            return (null, AuthenticationFailure.Unavailable(null, $"The digest challenge could not be fetched from {target.Authority}: {e.Message}"));
        }
    }
}
