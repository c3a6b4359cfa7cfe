using System.Security.Cryptography;

namespace Patchbay.Runtime.Authentication.Digest;

/// <summary>Computes the digest <c>Authorization</c> of each request from its own method and URI.</summary>
internal sealed class DigestSession : AuthenticationSession
{
    private readonly string _username;
    private readonly string _password;
    private DigestState _state;

    public DigestSession(DigestState state, AuthParameters parameters, Uri target, string method)
        : base(Fields(state, parameters, target, method), [.. parameters.Secrets])
    {
        _state = state;
        _username = parameters.Get("username")!;
        _password = parameters.Get("password")!;
    }

    public override IEnumerable<string> Secrets => base.Secrets.Append(AuthData["authorizationheader"]);

    public override void Apply(HttpRequestMessage request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var uri = request.RequestUri ?? throw new InvalidOperationException("The request has no URI to sign.");
        var path = uri.IsAbsoluteUri ? uri.PathAndQuery : uri.OriginalString;
        request.Headers.Remove("Authorization");
        request.Headers.TryAddWithoutValidation("Authorization", Header(_state, _username, _password, request.Method.Method, path));
    }

    /// <summary>A 401 carrying a new nonce (or <c>stale=true</c>) renews the challenge; the same nonce again means wrong credentials.</summary>
    public override Task<bool> RecoverAsync(HttpResponseMessage unauthorized, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(unauthorized);
        var challenge = DigestChallenge.Choose(unauthorized.Headers.WwwAuthenticate);
        if (challenge is null || (challenge.Nonce == _state.Challenge.Nonce && !challenge.Stale))
        {
            return Task.FromResult(false);
        }

        _state = new DigestState(challenge);
        return Task.FromResult(true);
    }

    private static Dictionary<string, string> Fields(DigestState state, AuthParameters parameters, Uri target, string method)
    {
        var challenge = state.Challenge;
        var output = parameters.Output();
        output["realm"] = challenge.Realm;
        output["nonce"] = challenge.Nonce;
        output["qop"] = challenge.Qop.Count == 0 ? "" : "auth";
        output["algorithm"] = challenge.Algorithm.Name;
        output["opaque"] = challenge.Opaque ?? "";
        output["authorizationheader"] = Header(state, parameters.Get("username")!, parameters.Get("password")!, method, target.PathAndQuery);
        return output;
    }

    private static string Header(DigestState state, string username, string password, string method, string uri) =>
        DigestCalculator.Header(state.Challenge, username, password, method, uri, state.Next(), Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)));
}
