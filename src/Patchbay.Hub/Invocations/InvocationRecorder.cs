using System.Text.Json;
using System.Text.Json.Nodes;
using Patchbay.Hub.Api;
using Patchbay.Hub.Storage;
using Patchbay.Runtime.Invocation;

namespace Patchbay.Hub.Invocations;

/// <summary>Turns a finished invocation into its history row, with every secret the invocation knew masked.</summary>
public static class InvocationRecorder
{
    public static InvocationRecord Record(Guid id, InvocationCommand command, string connectorName, string version, string? environment, DateTimeOffset startedAt, InvocationResult result)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(result);
        return new InvocationRecord
        {
            Id = id,
            ConnectorName = connectorName,
            Major = command.Major,
            Version = version,
            Action = command.Action,
            Environment = environment,
            Mode = command.Mode,
            Caller = command.Caller.Name,
            StartedAt = startedAt,
            DurationMilliseconds = result.Duration.TotalMilliseconds,
            Outcome = result.Outcome.ToString(),
            Success = result.Succeeded,
            StatusCode = result.Envelope["connectorstatuscode"] is JsonValue code && code.TryGetValue<int>(out var status) ? status : 0,
            ErrorMessage = result.FailureMessage,
            InputsJson = result.Redact(command.Inputs)?.ToJsonString(),
            EnvelopeJson = result.Redact(result.Envelope)!.ToJsonString(),
            LogsJson = result.Logs.Count == 0 ? null : JsonSerializer.Serialize(result.Logs, HubJson.Options),
            HttpCallsJson = result.HttpCalls.Count == 0 ? null : JsonSerializer.Serialize(result.HttpCalls, HubJson.Options),
            JobId = command.JobId,
            Attempt = command.Attempt,
        };
    }
}
