using System.Globalization;
using System.Text.Json;
using Duende.IdentityModel.Client;

namespace Patchbay.Runtime.Authentication.OAuth2;

/// <summary>
/// Token requests through Duende.IdentityModel, and the reading of their answers: a token with all its
/// fields, or a failure that says what to do, with the OAuth error code but never the raw response.
/// </summary>
internal sealed class TokenEndpoint(HttpClient http, TimeProvider time)
{
    /// <summary>The client credentials or password grant.</summary>
    public async Task<TokenOutcome> GrantAsync(OAuth2Client client, CancellationToken cancellationToken)
    {
        TokenResponse response = client.Grant == OAuth2Client.PasswordGrant
            ? await http.RequestPasswordTokenAsync(client.Prepare(new PasswordTokenRequest { UserName = client.Username!, Password = client.Password, Scope = client.Scope }), cancellationToken).ConfigureAwait(false)
            : await http.RequestClientCredentialsTokenAsync(client.Prepare(new ClientCredentialsTokenRequest { Scope = client.Scope }), cancellationToken).ConfigureAwait(false);
        using (response)
        {
            return Read(response, client, refreshing: false, previousRefreshToken: null, cancellationToken);
        }
    }

    public async Task<TokenOutcome> RefreshAsync(OAuth2Client client, string refreshToken, CancellationToken cancellationToken)
    {
        using var response = await http.RequestRefreshTokenAsync(client.Prepare(new RefreshTokenRequest { RefreshToken = refreshToken }), cancellationToken).ConfigureAwait(false);
        return Read(response, client, refreshing: true, refreshToken, cancellationToken);
    }

    /// <summary>Exchanges an authorization code with its PKCE verifier (RFC 7636).</summary>
    public async Task<TokenOutcome> ExchangeCodeAsync(OAuth2Client client, string code, Uri redirectUri, string verifier, CancellationToken cancellationToken)
    {
        var request = client.Prepare(new AuthorizationCodeTokenRequest { Code = code, RedirectUri = redirectUri.AbsoluteUri, CodeVerifier = verifier });
        using var response = await http.RequestAuthorizationCodeTokenAsync(request, cancellationToken).ConfigureAwait(false);
        return Read(response, client, refreshing: true, previousRefreshToken: null, cancellationToken);
    }

    private TokenOutcome Read(TokenResponse response, OAuth2Client client, bool refreshing, string? previousRefreshToken, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var status = (int)response.HttpStatusCode;
        if (!response.IsError && !string.IsNullOrEmpty(response.AccessToken))
        {
            return TokenOutcome.Of(Token(response, previousRefreshToken));
        }

        if (response.ErrorType == ResponseErrorType.Exception && response.HttpStatusCode == default)
        {
            return TokenOutcome.Of(AuthenticationFailure.Unavailable(null, $"The token endpoint {client.Host} could not be reached: {response.Exception?.Message ?? response.Error}"));
        }

        if (status >= 500)
        {
            return TokenOutcome.Of(AuthenticationFailure.Unavailable(status, string.Create(CultureInfo.InvariantCulture, $"The token endpoint {client.Host} answered {status} {response.HttpErrorReason}; try again later.")));
        }

        // Only the OAuth error code is shown (invalid_grant, invalid_client), never the response itself.
        var reason = (response.Json is { ValueKind: JsonValueKind.Object } ? response.TryGet("error") : null) switch
        {
            { Length: > 0 } code => code,
            _ when status is >= 200 and < 300 => "no access_token in a JSON response",
            _ => string.Create(CultureInfo.InvariantCulture, $"HTTP {status}"),
        };
        if (refreshing && client.NeedsReconnect)
        {
            return TokenOutcome.Of(new AuthenticationFailure(401, "RECONNECT_NEEDED",
                $"The connection to {client.Host} must be authorized again: the {(previousRefreshToken is null ? "authorization code" : "refresh token")} was rejected ({reason}).", false));
        }

        var check = client.Grant == OAuth2Client.PasswordGrant ? "the username, password and client" : "the client id and secret";
        return TokenOutcome.Of(new AuthenticationFailure(401, "AUTHENTICATION_FAILED",
            $"The token endpoint {client.Host} refused the {client.Grant} grant ({reason}): check {check}.", false));
    }

    private CachedToken Token(TokenResponse response, string? previousRefreshToken)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        if (response.Json is { ValueKind: JsonValueKind.Object } json)
        {
            foreach (var property in json.EnumerateObject())
            {
                fields[property.Name] = property.Value.ValueKind == JsonValueKind.String ? property.Value.GetString()! : property.Value.GetRawText();
            }
        }

        var now = time.GetUtcNow();
        return new CachedToken(
            response.AccessToken!,
            response.TokenType ?? "bearer",
            response.RefreshToken ?? previousRefreshToken,
            now,
            response.ExpiresIn > 0 ? now.AddSeconds(response.ExpiresIn) : null,
            fields);
    }
}
