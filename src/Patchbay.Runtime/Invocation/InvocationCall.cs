using System.Text.Json.Nodes;
using Patchbay.Core.Data;
using Patchbay.Core.Diagnostics;
using Patchbay.Core.Model;

namespace Patchbay.Runtime.Invocation;

/// <summary>One invocation being answered: turns a worker's reply or a platform failure into the result.</summary>
internal sealed class InvocationCall(InvocationRequest request, ValueList<DataNode> outputTree, long started, TimeProvider time)
{
    private readonly List<string> _secrets = [];

    public InvocationRequest Request => request;

    /// <summary>Masks everything a person reads about this call: password-mode values and the secrets added.</summary>
    public SecretRedactor Redactor => new(request, _secrets);

    /// <summary>Adds values (tokens obtained by a built-in authenticator) to mask in logs, traces and messages.</summary>
    public void AddSecrets(IEnumerable<string> secrets) => _secrets.AddRange(secrets);

    public InvocationResult Failed(InvocationOutcome outcome, string message, IReadOnlyList<Diagnostic>? diagnostics = null) => new()
    {
        Outcome = outcome,
        Envelope = Envelopes.Failure(outcome, message),
        FailureMessage = message,
        Duration = time.GetElapsedTime(started),
        Diagnostics = diagnostics ?? [],
    };

    /// <summary>A failure whose status code and error name come from elsewhere (a built-in authenticator).</summary>
    public InvocationResult Failed(InvocationOutcome outcome, int statusCode, string error, string message) => new()
    {
        Outcome = outcome,
        Envelope = Envelopes.Failure(statusCode, error, message),
        FailureMessage = message,
        Duration = time.GetElapsedTime(started),
    };

    public InvocationResult Completed(JsonObject reply)
    {
        var envelope = reply["envelope"] as JsonObject ?? Envelopes.Failure(InvocationOutcome.ConnectorReportedFailure, "The connector answered without an envelope.");
        var outcome = Envelopes.IsSuccess(envelope)
            ? InvocationOutcome.Succeeded
            : reply["stage"]?.GetValue<string>() == "authentication" ? InvocationOutcome.AuthenticationFailed : InvocationOutcome.ConnectorReportedFailure;
        var shaped = OutputShaper.Shape(Envelopes.Output(envelope), outputTree);
        var redactor = Redactor;
        return new InvocationResult
        {
            Outcome = outcome,
            Envelope = envelope,
            ShapedOutput = shaped.Output,
            FailureMessage = outcome == InvocationOutcome.Succeeded ? null : redactor.Redact(envelope["errormessage"]?.ToString() ?? ""),
            Duration = time.GetElapsedTime(started),
            Logs = Logs(reply, redactor),
            HttpCalls = HttpCalls(reply, redactor),
            Diagnostics = shaped.Diagnostics,
        };
    }

    private static List<HttpCallTrace> HttpCalls(JsonObject reply, SecretRedactor redactor) =>
        (reply["http"] as JsonArray ?? []).OfType<JsonObject>().Select(call => new HttpCallTrace(
            call["method"]?.GetValue<string>() ?? "",
            redactor.Redact(call["url"]?.GetValue<string>() ?? ""),
            (int)(call["status"]?.GetValue<double>() ?? 0),
            call["durationMs"]?.GetValue<double>() ?? 0,
            (long)(call["requestBytes"]?.GetValue<double>() ?? 0),
            (long)(call["responseBytes"]?.GetValue<double>() ?? 0))).ToList();

    private static List<InvocationLogLine> Logs(JsonObject reply, SecretRedactor redactor) =>
        (reply["logs"] as JsonArray ?? []).OfType<JsonObject>().Select(line => new InvocationLogLine(
            line["level"]?.GetValue<string>() ?? "INFO",
            DateTimeOffset.FromUnixTimeMilliseconds((long)(line["time"]?.GetValue<double>() ?? 0)),
            redactor.Redact(line["text"]?.GetValue<string>() ?? ""))).ToList();
}
