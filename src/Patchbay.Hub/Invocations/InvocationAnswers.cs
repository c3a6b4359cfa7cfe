using System.Text.Json.Nodes;
using Patchbay.Hub.Storage;
using Patchbay.Runtime.Invocation;

namespace Patchbay.Hub.Invocations;

/// <summary>Builds the API's answer to an invocation, fresh from the runtime or again from its history row.</summary>
public static class InvocationAnswers
{
    /// <summary>The answer to the caller, with every secret the invocation knew masked (a connector may echo one).</summary>
    public static InvocationAnswer From(InvocationRecord record, InvocationResult result)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(result);
        var envelope = (JsonObject)result.Redact(result.Envelope)!;
        return new InvocationAnswer(record.Id, record.ConnectorName, record.Version, record.Action, record.Environment, result.Outcome, result.Succeeded, result.Duration.TotalMilliseconds, envelope, result.Redact(result.ShapedOutput), result.FailureMessage);
    }

    /// <summary>
    /// The answer re-rendered from the history (an idempotent replay, a job's result): the envelope as recorded,
    /// secrets masked, and the output as the envelope holds it (the shaped output is not stored).
    /// </summary>
    public static InvocationAnswer FromRecord(InvocationRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var envelope = record.EnvelopeJson is null ? [] : JsonNode.Parse(record.EnvelopeJson) as JsonObject ?? [];
        var output = envelope["response"]?["outputs"]?["output"]?.DeepClone();
        var outcome = Enum.TryParse<InvocationOutcome>(record.Outcome, out var parsed) ? parsed : InvocationOutcome.ConnectorReportedFailure;
        return new InvocationAnswer(record.Id, record.ConnectorName, record.Version, record.Action, record.Environment, outcome, record.Success, record.DurationMilliseconds, envelope, output, record.ErrorMessage);
    }

    /// <summary>Whether another attempt may help, from what was recorded (so a re-run job decides the same way).</summary>
    public static bool IsTransient(InvocationRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return !record.Success && Enum.TryParse<InvocationOutcome>(record.Outcome, out var outcome) && InvocationOutcomes.IsTransient(outcome, record.StatusCode);
    }
}
