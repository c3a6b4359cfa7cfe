using System.Text.Json.Nodes;
using Patchbay.Core.Data;
using Patchbay.Core.Model;
using Patchbay.Runtime.Authentication;
using Patchbay.Runtime.Invocation;

namespace Patchbay.Runtime.Rest;

/// <summary>
/// Runs Easy REST actions in C#: builds the request, sends it (with the action's retries and pagination), and maps the
/// answer to Bizagi's envelope exactly as its engine does (bizagi-compat §8.2). docs/easy-rest.md has the whole story.
/// </summary>
/// <remarks>
/// The deadline token covers every attempt, page, redirect and retry wait; when it fires the
/// <see cref="OperationCanceledException"/> goes up to <see cref="ConnectorRuntime"/>, which answers with the
/// Timeout outcome and keeps the calls traced so far.
/// </remarks>
internal sealed class RestEngine(HttpClient http, TimeProvider time)
{
    /// <summary>Runs one action; <paramref name="session"/> is null when the action does not use authentication.</summary>
    public async Task<InvocationResult> InvokeAsync(InvocationCall call, ActionDefinition action, JsonObject input, AuthenticationSession? session, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(call);
        ArgumentNullException.ThrowIfNull(action);
        var rest = action.Rest ?? throw new ArgumentException($"'{action.Name}' is not an Easy REST action.", nameof(action));
        var (plan, problem) = RestRequestBuilder.Build(call.Request.Connector.Definition, action, input, call.Request.ConnectorParameters);
        if (plan is null)
        {
            Log(call, "ERROR", problem!);
            return call.Answered(RestEnvelopes.Exception(), problem);
        }

        var sender = new RestSender(http, time, call, session);
        Task<RestReply> SendAsync(RestOutgoing outgoing) =>
            RestRetries.RunAsync(rest.Retry, outgoing.Method, token => sender.SendAsync(outgoing, token), time, call, cancellationToken);

        RestOutcome outcome;
        if (rest.Pagination is null)
        {
            var reply = await SendAsync(plan.First).ConfigureAwait(false);
            outcome = Read(call, rest, reply, page: 0);
            if (outcome.Body is { } body)
            {
                outcome = Select(rest, body, reply.Status);
            }
        }
        else
        {
            var pager = new RestPager(plan, rest, SendAsync, (reply, page) => Read(call, rest, reply, page), line => Log(call, "INFO", line));
            outcome = await pager.RunAsync(cancellationToken).ConfigureAwait(false);
        }

        return call.Answered(Redacted(outcome.Envelope!, call.Redactor), outcome.Problem, outcome.Kind);
    }

    /// <summary>A reply as the table of §8.2 reads it: a 2xx body, or the envelope of its row.</summary>
    private static RestOutcome Read(InvocationCall call, RestRequest rest, RestReply reply, int page)
    {
        var where = page > 1 ? $"Page {page}: " : "";
        var url = reply.RequestedUrl.GetLeftPart(UriPartial.Path);
        var what = $"{where}{rest.Method.ToUpperInvariant()} {SafeText.Url(reply.Url)}";
        if (reply.Failure is { } failure)
        {
            var unreachable = failure.Kind is NetworkFailureKind.NotFound or NetworkFailureKind.Refused;
            return RestOutcome.Failed(
                unreachable ? RestEnvelopes.Unreachable(url) : RestEnvelopes.ConnectionError(failure.Message),
                $"{what} failed: {failure.Message}",
                // a refused certificate, an oversized body or a redirect loop will not heal by retrying
                failure.Kind is NetworkFailureKind.NotFound or NetworkFailureKind.Refused or NetworkFailureKind.Other ? InvocationOutcome.RemoteUnreachable : InvocationOutcome.ConnectorReportedFailure);
        }

        if (!reply.IsSuccess)
        {
            var envelope = RestEnvelopes.ForStatus(reply.Status, reply.Text(), url);
            return RestOutcome.Failed(envelope, where + envelope["errormessage"]!.GetValue<string>(), InvocationOutcome.RemoteHttpError);
        }

        var (tree, failed, problem) = RestBody.Read(reply, rest.ResponseFormat, what);
        if (tree is null)
        {
            Log(call, "ERROR", problem!);
            return RestOutcome.Failed(failed!, problem);
        }

        return RestOutcome.Read(tree, reply.Status);
    }

    /// <summary>The part of the body named by <see cref="RestRequest.ResultPath"/>, or a failure naming the path.</summary>
    private static RestOutcome Select(RestRequest rest, JsonNode body, int status)
    {
        if (rest.ResultPath.Length == 0)
        {
            return RestOutcome.Succeeded(body, status);
        }

        if (ResponsePath.TrySelect(body, rest.ResultPath, out var selected))
        {
            return RestOutcome.Succeeded(selected?.DeepClone(), status);
        }

        var message = $"The response has no '{rest.ResultPath}' (the action's resultPath).";
        return RestOutcome.Failed(RestEnvelopes.Create(null, RestEnvelopes.Error("RESULT_PATH_NOT_FOUND", message, status), -200), message);
    }

    /// <summary>Error texts can echo a URL or a body; the invocation's secrets are masked in them too.</summary>
    private static JsonObject Redacted(JsonObject envelope, SecretRedactor redactor)
    {
        if (envelope["errormessage"] is JsonValue message && message.GetValue<string>() is { Length: > 0 } text)
        {
            envelope["errormessage"] = redactor.Redact(text);
            if (envelope["response"]?["outputs"]?["error"] is JsonObject error)
            {
                foreach (var name in (string[])["error", "message"])
                {
                    if (error[name] is JsonValue value && value.TryGetValue<string>(out var s))
                    {
                        error[name] = redactor.Redact(s);
                    }
                }
            }
        }

        return envelope;
    }

    private static void Log(InvocationCall call, string level, string text)
    {
        if (call.Request.EnableLog)
        {
            call.Log(level, text);
        }
    }
}
