using System.Security.Cryptography;
using System.Text;

namespace Patchbay.Runtime.Authentication.OAuth1;

/// <summary>Signs each request with OAuth 1.0a HMAC-SHA1 from its own method, URL, query and form body.</summary>
internal sealed class OAuth1Session : AuthenticationSession
{
    private readonly OAuth1Credentials _credentials;
    private readonly TimeProvider _time;

    private OAuth1Session(IReadOnlyDictionary<string, string> authData, IEnumerable<string> secrets, OAuth1Credentials credentials, TimeProvider time)
        : base(authData, secrets)
    {
        _credentials = credentials;
        _time = time;
    }

    /// <summary><c>consumer_key</c> and <c>consumer_secret</c> are required; <c>token</c> and <c>token_secret</c> are the access token, when the API needs one.</summary>
    public static AuthenticationSession Create(AuthenticationRequest request, AuthParameters parameters, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(parameters);
        if (parameters.Missing("consumer_key", "consumer_secret") is { } missing)
        {
            return Failed(missing);
        }

        var credentials = new OAuth1Credentials(parameters.Get("consumer_key")!, parameters.Get("consumer_secret")!, parameters.Get("token"), parameters.Get("token_secret"));
        var output = parameters.Output();
        output["authorizationheader"] = request.Target is { } target ? Sign(credentials, time, request.Method, target, []) : "";
        return new OAuth1Session(output, [output["authorizationheader"], .. parameters.Secrets], credentials, time);
    }

    public override void Apply(HttpRequestMessage request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var uri = request.RequestUri ?? throw new InvalidOperationException("The request has no URI to sign.");
        request.Headers.Remove("Authorization");
        request.Headers.TryAddWithoutValidation("Authorization", Sign(_credentials, _time, request.Method.Method, uri, FormBody(request.Content)));
    }

    private static string Sign(OAuth1Credentials credentials, TimeProvider time, string method, Uri uri, IEnumerable<KeyValuePair<string, string>> form) =>
        OAuth1Signer.Header(credentials, method, uri, form, time.GetUtcNow().ToUnixTimeSeconds(), Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)));

    /// <summary>A form body's pairs are part of the signature (RFC 5849 §3.4.1.3.1); other bodies are not.</summary>
    private static List<KeyValuePair<string, string>> FormBody(HttpContent? content)
    {
        if (content?.Headers.ContentType?.MediaType is not "application/x-www-form-urlencoded")
        {
            return [];
        }

        // Buffered contents (the REST engine's) give a fresh stream each time, so reading here does not consume the body.
        using var reader = new StreamReader(content.ReadAsStream(), Encoding.UTF8);
        return OAuth1Signer.FormPairs(reader.ReadToEnd()).ToList();
    }
}
