namespace Patchbay.Runtime.Authentication;

/// <summary>Puts an API key in a header or in the query string of each request.</summary>
internal sealed class ApiKeySession(IReadOnlyDictionary<string, string> authData, string name, string key, bool inQuery, IEnumerable<string> secrets)
    : AuthenticationSession(authData, [key, .. secrets])
{
    public const string DefaultName = "X-API-Key";

    public override void Apply(HttpRequestMessage request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!inQuery)
        {
            request.Headers.Remove(name);
            request.Headers.TryAddWithoutValidation(name, key);
            return;
        }

        var uri = request.RequestUri ?? throw new InvalidOperationException("The request has no URI to add the API key to.");
        var builder = new UriBuilder(uri);
        var pair = Uri.EscapeDataString(name) + "=" + Uri.EscapeDataString(key);
        builder.Query = builder.Query.Length > 1 ? builder.Query[1..] + "&" + pair : pair;
        request.RequestUri = builder.Uri;
    }
}
