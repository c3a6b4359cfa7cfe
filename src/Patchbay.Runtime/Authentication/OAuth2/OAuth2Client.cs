using Duende.IdentityModel.Client;
using Patchbay.Core.Model;

namespace Patchbay.Runtime.Authentication.OAuth2;

/// <summary>The OAuth 2.0 settings of one connection, read from <c>globals.authdata</c> (bizagi-compat §4.3).</summary>
internal sealed record OAuth2Client(
    string Grant,
    Uri TokenUrl,
    string? ClientId,
    string? ClientSecret,
    string? Scope,
    string? Username,
    string? Password,
    string? RefreshToken,
    ClientCredentialStyle CredentialStyle)
{
    public const string ClientCredentials = "client_credentials";
    public const string PasswordGrant = "password";
    public const string AuthorizationCode = "authorization_code";
    public const string RefreshTokenGrant = "refresh_token";

    /// <summary>Grants whose connection a person authorized: when their refresh token is refused, only that person can reconnect.</summary>
    public bool NeedsReconnect => Grant is AuthorizationCode or RefreshTokenGrant;

    /// <summary>The token endpoint's host, named in messages.</summary>
    public string Host => TokenUrl.Authority;

    public static (OAuth2Client? Client, AuthenticationFailure? Failure) From(AuthenticationSettings settings, AuthParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(parameters);
        var grant = parameters.Get("grant_type") ?? settings.Grant switch
        {
            OAuth2Grant.ClientCredentials => ClientCredentials,
            OAuth2Grant.Password => PasswordGrant,
            OAuth2Grant.AuthorizationCode => AuthorizationCode,
            _ => null,
        };
        if (grant is null)
        {
            return (null, AuthenticationFailure.Required("grant_type"));
        }

        string[] required = grant switch
        {
            ClientCredentials => ["token_url", "client_id", "client_secret"],
            PasswordGrant => ["token_url", "username", "password"],
            AuthorizationCode => ["token_url", "client_id"],
            RefreshTokenGrant => ["token_url", "refresh_token"],
            _ => [],
        };
        if (required.Length == 0)
        {
            return (null, AuthenticationFailure.Invalid("AUTH.INVALID_GRANT",
                $"invalid_grant [Description] grant_type: -{grant}- is invalid. Value valids are [client_credentials, password, authorization_code, refresh_token]"));
        }

        if (parameters.Missing(required) is { } missing)
        {
            return (null, missing);
        }

        if (!Uri.TryCreate(parameters.Get("token_url"), UriKind.Absolute, out var tokenUrl) || tokenUrl.Scheme is not ("http" or "https"))
        {
            return (null, AuthenticationFailure.Invalid("INVALID_PARAM", "The Parameter -authdata.token_url- must be an absolute http or https URL"));
        }

        var style = parameters.Get("client_authentication") switch
        {
            null or "header" => ClientCredentialStyle.AuthorizationHeader,
            "body" => ClientCredentialStyle.PostBody,
            var other => (ClientCredentialStyle?)null,
        };
        if (style is null)
        {
            return (null, AuthenticationFailure.Invalid("INVALID_PARAM", "The Parameter -authdata.client_authentication- must be 'header' or 'body'"));
        }

        return (new OAuth2Client(
            grant,
            tokenUrl,
            parameters.Get("client_id"),
            parameters.Get("client_secret"),
            parameters.Get("scope"),
            parameters.Get("username"),
            parameters.Get("password"),
            parameters.Get("refresh_token"),
            parameters.Get("client_id") is null ? ClientCredentialStyle.PostBody : style.Value), null);
    }

    /// <summary>Fills the client part of any token request.</summary>
    public T Prepare<T>(T request)
        where T : ProtocolRequest
    {
        ArgumentNullException.ThrowIfNull(request);
        request.Address = TokenUrl.AbsoluteUri;
        request.ClientId = ClientId ?? "";
        request.ClientSecret = ClientSecret;
        request.ClientCredentialStyle = CredentialStyle;
        return request;
    }
}
