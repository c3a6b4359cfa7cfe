using System.Net.Http.Headers;
using System.Text;

namespace Patchbay.Runtime.Rest;

/// <summary>What one request came back with: a status, headers and the whole body, or a network failure.</summary>
internal sealed record RestReply
{
    /// <summary>The HTTP status; 0 when no response came.</summary>
    public int Status { get; init; }

    /// <summary>The URL finally answered (after redirects).</summary>
    public required Uri Url { get; init; }

    /// <summary>
    /// The URL the request was made for, before any redirect: the one Bizagi's error messages name (its engine reports
    /// the <c>resturl</c> it was given, wherever <c>request</c> was redirected). <see cref="Url"/> when not set.
    /// </summary>
    public Uri RequestedUrl
    {
        get => field ?? Url;
        init;
    }

    public HttpResponseHeaders? Headers { get; init; }

    public byte[] Body { get; init; } = [];

    /// <summary>The body's media type (<c>application/json</c>), or empty.</summary>
    public string MediaType { get; init; } = "";

    public string? Charset { get; init; }

    public NetworkFailure? Failure { get; init; }

    public bool IsSuccess => Failure is null && Status is >= 200 and < 300;

    public string Text()
    {
        var encoding = Encoding.UTF8;
        if (Charset is { Length: > 0 } charset)
        {
            try
            {
                encoding = Encoding.GetEncoding(charset.Trim('"'));
            }
            catch (ArgumentException)
            {
                // an unknown charset is read as UTF-8, as Node's request does by default
            }
        }

        var text = encoding.GetString(Body);
        return text.Length > 0 && text[0] == '\uFEFF' ? text[1..] : text;
    }
}
