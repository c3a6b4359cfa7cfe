using System.Net.Http.Headers;
using Patchbay.Runtime.Authentication;

namespace Patchbay.Runtime.Rest;

/// <summary>One request ready to send (again: a retry, a 401 recovery and a redirect each make a fresh message from it).</summary>
/// <param name="Method">GET, POST, PUT, PATCH or DELETE.</param>
/// <param name="Url">The absolute URL, query string included.</param>
/// <param name="Headers">Headers other than the body's, in order.</param>
/// <param name="Body">The body, or null for none.</param>
/// <param name="ContentType">The body's <c>Content-Type</c>, exactly as the action says it (no charset added).</param>
/// <param name="Authenticate">Whether the session's credentials are added (false after a redirect to another host).</param>
internal sealed record RestOutgoing(string Method, Uri Url, IReadOnlyList<KeyValuePair<string, string>> Headers, byte[]? Body, string ContentType, bool Authenticate)
{
    public HttpRequestMessage ToMessage(AuthenticationSession? session)
    {
        var message = new HttpRequestMessage(new HttpMethod(Method), Url);
        foreach (var (name, value) in Headers)
        {
            message.Headers.TryAddWithoutValidation(name, value);
        }

        if (Body is not null)
        {
            message.Content = new ByteArrayContent(Body);
            message.Content.Headers.ContentType = MediaTypeHeaderValue.TryParse(ContentType, out var type) ? type : null;
        }

        if (Authenticate)
        {
            session?.Apply(message);
        }

        return message;
    }

    /// <summary>
    /// The request the <c>request</c> library sends after a redirect: a GET of the new location without body, with the
    /// previous URL as <c>Referer</c>, and without credentials once the host name changes (the port may change).
    /// </summary>
    public RestOutgoing RedirectedTo(Uri location)
    {
        var sameHost = string.Equals(location.Host, Url.Host, StringComparison.OrdinalIgnoreCase);
        var headers = Headers
            .Where(h => !h.Key.Equals("Referer", StringComparison.OrdinalIgnoreCase))
            .Where(h => sameHost || !h.Key.Equals("Authorization", StringComparison.OrdinalIgnoreCase))
            .Append(KeyValuePair.Create("Referer", Url.AbsoluteUri))
            .ToList();
        return new RestOutgoing(Method, location, headers, null, "", Authenticate && sameHost);
    }

    public RestOutgoing WithUrl(Uri url) => this with { Url = url };
}
