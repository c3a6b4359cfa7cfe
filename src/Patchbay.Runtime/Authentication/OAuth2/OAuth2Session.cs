namespace Patchbay.Runtime.Authentication.OAuth2;

/// <summary>An OAuth 2.0 access token for one invocation; a 401 renews it once through the shared cache.</summary>
internal sealed class OAuth2Session : AuthenticationSession
{
    private readonly OAuth2Authenticator.Renewer? _renewer;
    private readonly ConnectionKey _key;
    private readonly AuthParameters _parameters;
    private CachedToken _token;
    private IReadOnlyDictionary<string, string> _authData;

    /// <summary>A session; <paramref name="renewer"/> is null for an <c>access_token</c> given as a parameter, which cannot be renewed.</summary>
    public OAuth2Session(OAuth2Authenticator.Renewer? renewer, ConnectionKey key, CachedToken token, AuthParameters parameters)
        : base(new Dictionary<string, string>())
    {
        _renewer = renewer;
        _key = key;
        _parameters = parameters;
        _token = token;
        _authData = Fields(token, parameters);
    }

    public override IReadOnlyDictionary<string, string> AuthData => _authData;

    /// <summary>The token, the refresh token, the header and every other field but the type, lifetime and scope; and the secret parameters.</summary>
    public override IEnumerable<string> Secrets =>
        _authData.Where(p => !Describes(p.Key) && !_parameters.Defaulted.ContainsKey(p.Key))
            .Select(p => p.Value).Concat(_parameters.Secrets).Where(s => s.Length > 0);

    /// <summary>Why the last <see cref="RecoverAsync"/> could not renew the token; null when it could.</summary>
    public AuthenticationFailure? RecoveryFailure { get; private set; }

    public override void Apply(HttpRequestMessage request)
    {
        ArgumentNullException.ThrowIfNull(request);
        request.Headers.Remove("Authorization");
        request.Headers.TryAddWithoutValidation("Authorization", _token.AuthorizationHeader);
    }

    public override async Task<bool> RecoverAsync(HttpResponseMessage unauthorized, CancellationToken cancellationToken)
    {
        if (_renewer is null)
        {
            return false;
        }

        var outcome = await _renewer.RenewAsync(_key, _token.AccessToken, cancellationToken).ConfigureAwait(false);
        RecoveryFailure = outcome.Failure;
        if (outcome.Token is not { } token)
        {
            return false;
        }

        _token = token;
        _authData = Fields(token, _parameters);
        return true;
    }

    private static Dictionary<string, string> Fields(CachedToken token, AuthParameters parameters)
    {
        var output = parameters.Output();
        foreach (var (name, value) in token.Fields)
        {
            output[name] = value;
        }

        output["authorizationheader"] = token.AuthorizationHeader;
        return output;
    }
}
