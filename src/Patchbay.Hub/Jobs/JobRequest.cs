using System.Text.Json;
using System.Text.Json.Nodes;
using Patchbay.Hub.Api;
using Patchbay.Hub.Invocations;
using Patchbay.Hub.Security;
using Patchbay.Hub.Storage;

namespace Patchbay.Hub.Jobs;

/// <summary>
/// What an async job runs, stored as <see cref="JobRecord.RequestJson"/>: the invocation and the caller it runs as
/// (an API key or a user account; requests stored before the kind was kept read as a key).
/// </summary>
public sealed record JobRequest(string Connector, int Major, string Action, string Environment, JsonNode? Inputs, Guid CallerKeyId, string CallerRole, IReadOnlyList<string>? CallerConnectors, CallerKind CallerKind = CallerKind.Key)
{
    public static JobRequest From(InvocationCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        return new JobRequest(command.Connector, command.Major, command.Action, command.Environment, command.Inputs, command.Caller.KeyId, command.Caller.Role, command.Caller.Connectors?.Order(StringComparer.Ordinal).ToList(), command.Caller.Kind);
    }

    public static JobRequest Parse(string json) =>
        JsonSerializer.Deserialize<JobRequest>(json, HubJson.Options) ?? throw new InvalidOperationException("A job without a request.");

    public string ToJson() => JsonSerializer.Serialize(this, HubJson.Options);

    /// <summary>The command of one attempt, run as the caller that asked for the job.</summary>
    public InvocationCommand ToCommand(JobRecord job, int attempt)
    {
        ArgumentNullException.ThrowIfNull(job);
        var caller = new Caller(CallerKeyId, job.Caller, CallerRole, CallerConnectors?.ToHashSet(StringComparer.Ordinal), CallerKind);
        return new InvocationCommand(caller, Connector, Major, Action, Environment, Inputs?.DeepClone())
        {
            Mode = InvocationModes.Async,
            JobId = job.Id,
            Attempt = attempt,
        };
    }
}
