using Microsoft.AspNetCore.Http;
using Patchbay.Hub.Api;
using Patchbay.Hub.Configuration;
using Patchbay.Hub.Connectors;
using Patchbay.Hub.Operations;
using Patchbay.Hub.Runtime;
using Patchbay.Hub.Storage;
using Patchbay.Runtime.Invocation;

namespace Patchbay.Hub.Invocations;

/// <summary>
/// Runs an invocation through the hub: finds the connector's current version and the environment's
/// configuration, runs it on the runtime, and records it. Sync calls, async job attempts and test runs all come here.
/// </summary>
public sealed class InvocationService(ConnectorCatalog catalog, ConfigResolver configs, RuntimeHost runtime, InvocationWriter writer, HubOptions options, TimeProvider time, HubTelemetry telemetry)
{
    /// <summary>Runs and records; a refusal when the connector, version, environment or permission is missing.</summary>
    public async Task<(InvocationAnswer? Answer, InvocationRefusal? Refusal)> InvokeAsync(InvocationCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var (connector, config, refusal) = await PrepareAsync(command, cancellationToken);
        if (refusal is not null)
        {
            return (null, refusal);
        }

        var request = new InvocationRequest
        {
            Connector = connector!.Package,
            Action = command.Action,
            Inputs = command.Inputs,
            ConnectorParameters = config!.ConnectorParameters,
            AuthenticationParameters = config.AuthenticationParameters,
            CredentialDomain = config.Environment,
            Timeout = config.Timeout,
            EnableLog = config.LoggingEnabled,
        };
        var (record, result) = await RunAndRecordAsync(command, request, connector.Name, connector.Version, config.Environment, cancellationToken);
        return (InvocationAnswers.From(record, result), null);
    }

    /// <summary>What an invocation would be refused for, checked before an async job is accepted; null when it may run.</summary>
    public async Task<InvocationRefusal?> CheckAsync(InvocationCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        return (await PrepareAsync(command, cancellationToken)).Refusal;
    }

    /// <summary>Runs a request the caller assembled itself (a test run of an uninstalled package) and records it.</summary>
    public async Task<(InvocationRecord Record, InvocationResult Result)> RunAndRecordAsync(InvocationCommand command, InvocationRequest request, string connectorName, string version, string? environment, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(request);
        var startedAt = time.GetUtcNow();
        var result = await runtime.InvokeAsync(request, cancellationToken);
        var record = InvocationRecorder.Record(Guid.CreateVersion7(startedAt), command, connectorName, version, environment, startedAt, result);
        record.Node = options.NodeName;
        await writer.WriteAsync(record); // the call happened: recorded even if the caller went away
        Report(record);
        return (record, result);
    }

    private async Task<(InstalledConnector? Connector, ResolvedConfig? Config, InvocationRefusal? Refusal)> PrepareAsync(InvocationCommand command, CancellationToken cancellationToken)
    {
        if (!command.Caller.MayInvoke(command.Connector))
        {
            return (null, null, new InvocationRefusal(StatusCodes.Status403Forbidden, $"This API key may not invoke '{command.Connector}'."));
        }

        var connector = await catalog.GetCurrentAsync(command.Connector, command.Major, cancellationToken);
        if (connector is null)
        {
            return (null, null, new InvocationRefusal(StatusCodes.Status404NotFound, $"No connector '{command.Connector}' with major version {command.Major} is installed."));
        }

        var config = await configs.ResolveAsync(connector, command.Environment, cancellationToken);
        if (config is null)
        {
            return (null, null, new InvocationRefusal(StatusCodes.Status404NotFound, $"There is no environment '{command.Environment}'.", [ProblemError.Field("$.environment", "Unknown environment.")]));
        }

        return (connector, config, null);
    }

    /// <summary>Where every finished invocation (sync, async attempt or test) is reported: telemetry plugs in here.</summary>
    private void Report(InvocationRecord finished) =>
        telemetry.RecordInvocation(finished.ConnectorName, finished.Action, finished.Outcome, TimeSpan.FromMilliseconds(finished.DurationMilliseconds), finished.Success);
}
