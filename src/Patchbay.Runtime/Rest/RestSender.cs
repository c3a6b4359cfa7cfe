using System.Globalization;
using Patchbay.Runtime.Authentication;
using Patchbay.Runtime.Invocation;

namespace Patchbay.Runtime.Rest;

/// <summary>
/// Sends one request the way Bizagi's engine (the <c>request</c> library) does: follows up to 10 redirects of a GET,
/// lets the session recover once from a 401, and traces every HTTP call (and logs it when the call has <c>enablelog</c>).
/// </summary>
internal sealed class RestSender(HttpClient http, TimeProvider time, InvocationCall call, AuthenticationSession? session)
{
    /// <summary>The <c>request</c> library's <c>maxRedirects</c>.</summary>
    public const int MaxRedirects = 10;

    private bool _recovered;

    public async Task<RestReply> SendAsync(RestOutgoing outgoing, CancellationToken cancellationToken)
    {
        var current = outgoing;
        for (var redirects = 0; ; redirects++)
        {
            var reply = await ExchangeAsync(current, cancellationToken).ConfigureAwait(false);
            var location = reply.Status is >= 300 and < 400 && current.Method is "GET" ? reply.Headers?.Location : null;
            if (location is null)
            {
                return reply with { RequestedUrl = outgoing.Url };
            }

            if (redirects == MaxRedirects)
            {
                var message = "Exceeded maxRedirects. Probably stuck in a redirect loop " + current.Url.AbsoluteUri;
                return new RestReply { Url = current.Url, RequestedUrl = outgoing.Url, Failure = new NetworkFailure(NetworkFailureKind.RedirectLoop, message) };
            }

            current = current.RedirectedTo(location.IsAbsoluteUri ? location : new Uri(current.Url, location));
        }
    }

    /// <summary>One request and, after a 401 the session could recover from, the same request once more.</summary>
    private async Task<RestReply> ExchangeAsync(RestOutgoing outgoing, CancellationToken cancellationToken)
    {
        var (reply, response) = await SendOnceAsync(outgoing, cancellationToken).ConfigureAwait(false);
        using (response)
        {
            if (reply.Status != 401 || session is null || _recovered || !outgoing.Authenticate)
            {
                return reply;
            }

            _recovered = true;
            if (!await session.RecoverAsync(response!, cancellationToken).ConfigureAwait(false))
            {
                return reply;
            }

            call.AddSecrets(session.Secrets); // the renewed token is masked too
        }

        if (call.Request.EnableLog)
        {
            call.Log("DEBUG", "The API answered 401; the credentials were renewed and the request is sent again.");
        }

        var (again, second) = await SendOnceAsync(outgoing, cancellationToken).ConfigureAwait(false);
        second?.Dispose();
        return again;
    }

    private async Task<(RestReply Reply, HttpResponseMessage? Response)> SendOnceAsync(RestOutgoing outgoing, CancellationToken cancellationToken)
    {
        using var message = outgoing.ToMessage(session);
        var id = Guid.NewGuid().ToString("N"); // Bizagi tags each request of its debug log with an md5 id
        var url = SafeText.Url(outgoing.Url);
        var log = call.Request.EnableLog;
        if (log)
        {
            var headers = message.Headers.Concat(message.Content?.Headers ?? Enumerable.Empty<KeyValuePair<string, IEnumerable<string>>>());
            call.Log("DEBUG", $"[{id}] Request: {outgoing.Method} {url} headers: {SafeText.Headers(headers)}" + (outgoing.Body is { } b ? $" body: {b.Length} bytes" : ""));
        }

        var started = time.GetTimestamp();
        var offset = call.ElapsedMilliseconds;
        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(message, HttpCompletionOption.ResponseContentRead, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException e)
        {
            var failure = NetworkFailure.From(e);
            call.Trace(new HttpCallTrace(outgoing.Method, url, 0, Milliseconds(started), outgoing.Body?.Length ?? 0, 0, offset));
            if (log)
            {
                call.Log("ERROR", $"[{id}] Error: {failure.Message}");
            }

            return (new RestReply { Url = outgoing.Url, Failure = failure }, null);
        }
        catch (OperationCanceledException)
        {
            // the deadline (or the caller) ended it; the trace still shows the call that was under way
            call.Trace(new HttpCallTrace(outgoing.Method, url, 0, Milliseconds(started), outgoing.Body?.Length ?? 0, 0, offset));
            throw;
        }

        var body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        var status = (int)response.StatusCode;
        call.Trace(new HttpCallTrace(outgoing.Method, url, status, Milliseconds(started), outgoing.Body?.Length ?? 0, body.Length, offset));
        if (log)
        {
            call.Log("DEBUG", $"[{id}] Response: {status.ToString(CultureInfo.InvariantCulture)} {Reason(response)} ({body.Length} bytes)");
        }

        var type = response.Content.Headers.ContentType;
        var reply = new RestReply
        {
            Status = status,
            Url = outgoing.Url,
            Headers = response.Headers,
            Body = body,
            MediaType = type?.MediaType ?? "",
            Charset = type?.CharSet,
        };
        return (reply, response);
    }

    private static string Reason(HttpResponseMessage response) =>
        response.ReasonPhrase is { Length: > 0 } phrase ? phrase : Enum.IsDefined(response.StatusCode) ? response.StatusCode.ToString() : "";

    private double Milliseconds(long started) => time.GetElapsedTime(started).TotalMilliseconds;
}
