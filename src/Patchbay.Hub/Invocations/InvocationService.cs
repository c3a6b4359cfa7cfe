using Microsoft.AspNetCore.Http;
using Patchbay.Hub.Api;
using Patchbay.Hub.Configuration;
using Patchbay.Hub.Connectors;
using Patchbay.Hub.Runtime;
using Patchbay.Hub.Storage;
using Patchbay.Runtime.Invocation;

namespace Patchbay.Hub.Invocations;

/// <summary>
/// Runs an invocation through the hub: finds the connector's current version and the environment's
/// configuration, runs it on the runtime, and records it. Sync calls and async job attempts both come here.
/// </summary>
public sealed class InvocationService(HubDb db, ConnectorCatalog catalog, ConfigResolver configs, RuntimeHost runtime, HubOptions options, TimeProvider time)
{
    /// <summary>Runs and records; a refusal when the connector, version, environment or permission is missing.</summary>
    public async Task<(InvocationAnswer? Answer, InvocationRefusal? Refusal)> InvokeAsync(InvocationCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (!command.Caller.MayInvoke(command.Connector))
        {
            return (null, new InvocationRefusal(StatusCodes.Status403Forbidden, $"This API key may not invoke '{command.Connector}'."));
        }

        var connector = await catalog.GetCurrentAsync(command.Connector, command.Major, cancellationToken);
        if (connector is null)
        {
            return (null, new InvocationRefusal(StatusCodes.Status404NotFound, $"No connector '{command.Connector}' with major version {command.Major} is installed."));
        }

        var config = await configs.ResolveAsync(connector, command.Environment, cancellationToken);
        if (config is null)
        {
            return (null, new InvocationRefusal(StatusCodes.Status404NotFound, $"There is no environment '{command.Environment}'.", [ProblemError.Field("$.environment", "Unknown environment.")]));
        }

        var startedAt = time.GetUtcNow();
        var result = await runtime.InvokeAsync(
            new InvocationRequest
            {
                Connector = connector.Package,
                Action = command.Action,
                Inputs = command.Inputs,
                ConnectorParameters = config.ConnectorParameters,
                AuthenticationParameters = config.AuthenticationParameters,
                CredentialDomain = config.Environment,
                Timeout = config.Timeout,
                EnableLog = config.LoggingEnabled,
            },
            cancellationToken);

        var id = Guid.CreateVersion7(startedAt);
        var record = InvocationRecorder.Record(id, command, connector.Name, connector.Version, config.Environment, startedAt, result);
        record.Node = options.NodeName;
        db.Invocations.Add(record);
        await db.SaveChangesAsync(CancellationToken.None); // the call happened: record it even if the caller went away
        return (new InvocationAnswer(id, connector.Name, connector.Version, command.Action, config.Environment, result.Outcome, result.Succeeded, result.Duration.TotalMilliseconds, result.Envelope, result.ShapedOutput, result.FailureMessage), null);
    }
}
