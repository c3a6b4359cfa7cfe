using System.Text.Json.Nodes;
using Patchbay.Core.Diagnostics;

namespace Patchbay.Runtime.Invocation;

/// <summary>
/// The answer to an invocation: Bizagi's envelope exactly as a Bizagi caller expects it, plus what
/// Patchbay knows about the call.
/// </summary>
public sealed record InvocationResult
{
    public required InvocationOutcome Outcome { get; init; }

    /// <summary>
    /// <c>{response: {outputs: {output, error}}, success, connectorstatuscode, errormessage, autotestingenabled}</c>:
    /// passed through unchanged (quirks included) when the connector produced it, built by Patchbay when the
    /// platform failed before or around the connector.
    /// </summary>
    public required JsonObject Envelope { get; init; }

    /// <summary><c>response.outputs.output</c> kept to the fields of the action's output tree (the envelope keeps everything).</summary>
    public JsonNode? ShapedOutput { get; init; }

    /// <summary>Why it failed, for people; null when it succeeded. Never holds a secret or a host path.</summary>
    public string? FailureMessage { get; init; }

    public bool IsTransient => InvocationOutcomes.IsTransient(Outcome, Envelope["connectorstatuscode"] is JsonValue code && code.TryGetValue<int>(out var status) ? status : 0);

    public required TimeSpan Duration { get; init; }

    /// <summary>The connector's <c>LOG</c> lines, with secrets redacted.</summary>
    public IReadOnlyList<InvocationLogLine> Logs { get; init; } = [];

    /// <summary>The connector's outbound HTTP calls, in the order they started, with secrets masked.</summary>
    public IReadOnlyList<HttpCallTrace> HttpCalls { get; init; } = [];

    /// <summary>Input problems (errors) and output-shaping remarks (warnings).</summary>
    public IReadOnlyList<Diagnostic> Diagnostics { get; init; } = [];

    public bool Succeeded => Outcome == InvocationOutcome.Succeeded;

    /// <summary>Masks every secret this invocation knew (password-mode values, tokens obtained) in text to be kept, such as a recorded envelope.</summary>
    public string Redact(string text) => Redactor?.Redact(text) ?? text;

    /// <summary>A copy of a JSON tree (inputs, the envelope, the output) with every secret this invocation knew masked in its strings.</summary>
    public JsonNode? Redact(JsonNode? node) => Redactor is null ? node?.DeepClone() : Redactor.Redact(node);

    internal SecretRedactor? Redactor { get; init; }
}

/// <summary>One line of a connector's log.</summary>
public sealed record InvocationLogLine(string Level, DateTimeOffset Time, string Text);

/// <summary>
/// One outbound HTTP call of a connector: no header is recorded, and credentials in the URL are masked.
/// <paramref name="StartMilliseconds"/> is when it started, counted from the start of the invocation's run (null in
/// traces recorded before it was kept), so calls made in parallel show as overlapping.
/// </summary>
public sealed record HttpCallTrace(string Method, string Url, int Status, double DurationMilliseconds, long RequestBytes, long ResponseBytes, double? StartMilliseconds = null);
