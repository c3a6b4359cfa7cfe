namespace Patchbay.Runtime.Authentication;

/// <summary>
/// The outcome of authenticating one invocation: either a failure, or the fields merged into
/// <c>globals.authdata</c> (bizagi-compat §4.3) and the means to sign Easy REST requests with them.
/// </summary>
internal class AuthenticationSession
{
    private readonly string[]? _secrets;

    public static AuthenticationSession Anonymous { get; } = new(new Dictionary<string, string>());

    protected AuthenticationSession(AuthenticationFailure failure)
    {
        Failure = failure;
        AuthData = new Dictionary<string, string>();
    }

    /// <param name="authData">The fields merged into <c>globals.authdata</c>.</param>
    /// <param name="secrets">Values never to show; when null, every field except the token's type, lifetime, scope and digest's public challenge fields.</param>
    public AuthenticationSession(IReadOnlyDictionary<string, string> authData, IEnumerable<string>? secrets = null)
    {
        AuthData = authData;
        _secrets = secrets?.Where(s => s.Length > 0).ToArray();
    }

    public AuthenticationFailure? Failure { get; }

    /// <summary>Fields merged into <c>globals.authdata</c>: <c>authorizationheader</c>, the token fields, digest's challenge.</summary>
    public virtual IReadOnlyDictionary<string, string> AuthData { get; }

    /// <summary>Values never to show: everything obtained except the token's type, lifetime and scope.</summary>
    public virtual IEnumerable<string> Secrets => _secrets ?? AuthData.Where(p => !Describes(p.Key)).Select(p => p.Value);

    public static AuthenticationSession Failed(AuthenticationFailure failure) => new(failure);

    /// <summary>Output fields that describe a credential rather than being one: the token's type, lifetime and scope, digest's challenge.</summary>
    protected static bool Describes(string field) => field is "token_type" or "expires_in" or "scope" or "realm" or "qop" or "algorithm";

    /// <summary>Adds the credentials to one outgoing Easy REST request (Bizagi: the <c>authorizationheader</c> field).</summary>
    public virtual void Apply(HttpRequestMessage request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (AuthData.TryGetValue("authorizationheader", out var header) && header.Length > 0)
        {
            request.Headers.Remove("Authorization");
            request.Headers.TryAddWithoutValidation("Authorization", header);
        }
    }

    /// <summary>
    /// Called once when the API answered 401: refreshes what can be refreshed (a token, a digest nonce).
    /// True when the request is worth sending again with <see cref="Apply"/>.
    /// </summary>
    public virtual Task<bool> RecoverAsync(HttpResponseMessage unauthorized, CancellationToken cancellationToken) => Task.FromResult(false);
}
