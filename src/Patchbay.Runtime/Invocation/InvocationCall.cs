using System.Text.Json.Nodes;
using Patchbay.Core.Data;
using Patchbay.Core.Diagnostics;
using Patchbay.Core.Model;

namespace Patchbay.Runtime.Invocation;

/// <summary>One invocation being answered: turns a worker's reply or a platform failure into the result.</summary>
internal sealed class InvocationCall(InvocationRequest request, ValueList<DataNode> outputTree, long started, TimeProvider time)
{
    private readonly List<string> _secrets = [];
    private readonly List<HttpCallTrace> _httpCalls = [];
    private readonly List<InvocationLogLine> _logs = [];
    private SecretRedactor? _redactor;

    public InvocationRequest Request => request;

    /// <summary>Masks everything a person reads about this call: password-mode values and the secrets added.</summary>
    public SecretRedactor Redactor => _redactor ??= new(request, _secrets);

    /// <summary>Adds values (tokens obtained by a built-in authenticator) to mask in logs, traces and messages.</summary>
    public void AddSecrets(IEnumerable<string> secrets)
    {
        _secrets.AddRange(secrets);
        _redactor = null;
    }

    /// <summary>Milliseconds since this invocation started: where an outbound call begins on its timeline.</summary>
    public double ElapsedMilliseconds => time.GetElapsedTime(started).TotalMilliseconds;

    /// <summary>Records an outbound call Patchbay made itself (Easy REST); the URL is redacted here.</summary>
    public void Trace(HttpCallTrace httpCall)
    {
        ArgumentNullException.ThrowIfNull(httpCall);
        _httpCalls.Add(httpCall with { Url = Redactor.Redact(httpCall.Url) });
    }

    /// <summary>Adds a log line Patchbay wrote itself (Easy REST with <c>enablelog</c>); the text is redacted here.</summary>
    public void Log(string level, string text) => _logs.Add(new InvocationLogLine(level, time.GetUtcNow(), Redactor.Redact(text)));

    /// <summary>
    /// The result of an envelope built in C# (Easy REST): shaped like a connector's, with the traces and log lines
    /// recorded. <paramref name="failureMessage"/> replaces the <c>errormessage</c> as the message for people.
    /// </summary>
    /// <param name="envelope">The envelope the REST engine built.</param>
    /// <param name="failureMessage">Why it failed, for people.</param>
    /// <param name="failure">What kind of failure it is when the envelope is not a success.</param>
    public InvocationResult Answered(JsonObject envelope, string? failureMessage = null, InvocationOutcome failure = InvocationOutcome.ConnectorReportedFailure)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        var outcome = Envelopes.IsSuccess(envelope) ? InvocationOutcome.Succeeded : failure is InvocationOutcome.Succeeded ? InvocationOutcome.ConnectorReportedFailure : failure;
        return Shaped(envelope, outcome, [.. _logs], [.. _httpCalls], failureMessage);
    }

    public InvocationResult Failed(InvocationOutcome outcome, string message, IReadOnlyList<Diagnostic>? diagnostics = null) => new()
    {
        Outcome = outcome,
        Envelope = Envelopes.Failure(outcome, message),
        FailureMessage = message,
        Duration = time.GetElapsedTime(started),
        Diagnostics = diagnostics ?? [],
        Logs = [.. _logs],
        HttpCalls = [.. _httpCalls],
        Redactor = Redactor,
    };

    /// <summary>A failure whose status code and error name come from elsewhere (a built-in authenticator).</summary>
    public InvocationResult Failed(InvocationOutcome outcome, int statusCode, string error, string message) => new()
    {
        Outcome = outcome,
        Envelope = Envelopes.Failure(statusCode, error, message),
        FailureMessage = message,
        Duration = time.GetElapsedTime(started),
        Logs = [.. _logs],
        HttpCalls = [.. _httpCalls],
        Redactor = Redactor,
    };

    public InvocationResult Completed(JsonObject reply)
    {
        var envelope = reply["envelope"] as JsonObject ?? Envelopes.Failure(InvocationOutcome.ConnectorReportedFailure, "The connector answered without an envelope.");
        var outcome = Envelopes.IsSuccess(envelope)
            ? InvocationOutcome.Succeeded
            : reply["stage"]?.GetValue<string>() == "authentication" ? InvocationOutcome.AuthenticationFailed : InvocationOutcome.ConnectorReportedFailure;
        var redactor = Redactor;
        return Shaped(envelope, outcome, Logs(reply, redactor), HttpCalls(reply, redactor), null);
    }

    private InvocationResult Shaped(JsonObject envelope, InvocationOutcome outcome, List<InvocationLogLine> logs, List<HttpCallTrace> httpCalls, string? failureMessage)
    {
        var shaped = OutputShaper.Shape(Envelopes.Output(envelope), outputTree);
        return new InvocationResult
        {
            Outcome = outcome,
            Envelope = envelope,
            ShapedOutput = shaped.Output,
            FailureMessage = outcome == InvocationOutcome.Succeeded ? null : Redactor.Redact(failureMessage ?? envelope["errormessage"]?.ToString() ?? ""),
            Duration = time.GetElapsedTime(started),
            Logs = logs,
            HttpCalls = httpCalls,
            Diagnostics = shaped.Diagnostics,
            Redactor = Redactor,
        };
    }

    private static List<HttpCallTrace> HttpCalls(JsonObject reply, SecretRedactor redactor) =>
        (reply["http"] as JsonArray ?? []).OfType<JsonObject>().Select(call => new HttpCallTrace(
            call["method"]?.GetValue<string>() ?? "",
            redactor.Redact(call["url"]?.GetValue<string>() ?? ""),
            (int)(call["status"]?.GetValue<double>() ?? 0),
            call["durationMs"]?.GetValue<double>() ?? 0,
            (long)(call["requestBytes"]?.GetValue<double>() ?? 0),
            (long)(call["responseBytes"]?.GetValue<double>() ?? 0),
            call["startMs"]?.GetValue<double>())).ToList();

    private static List<InvocationLogLine> Logs(JsonObject reply, SecretRedactor redactor) =>
        (reply["logs"] as JsonArray ?? []).OfType<JsonObject>().Select(line => new InvocationLogLine(
            line["level"]?.GetValue<string>() ?? "INFO",
            DateTimeOffset.FromUnixTimeMilliseconds((long)(line["time"]?.GetValue<double>() ?? 0)),
            redactor.Redact(line["text"]?.GetValue<string>() ?? ""))).ToList();
}
