using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Patchbay.Core.Data;
using Patchbay.Core.Model;
using Patchbay.Runtime.Node;

namespace Patchbay.Runtime.Invocation;

/// <summary>
/// The one entry point for running connector actions: checks inputs, installs the connector, hands the
/// call to a Node worker, and returns Bizagi's envelope. It never throws for anything a connector, a
/// worker or a timeout causes; those come back as an <see cref="InvocationResult"/>.
/// </summary>
public sealed class ConnectorRuntime : IAsyncDisposable
{
    private readonly RuntimeOptions _options;
    private readonly ConnectorInstaller _installer;
    private readonly WorkerPool _workers;
    private readonly TimeProvider _time;

    private ConnectorRuntime(RuntimeOptions options, string nodeExecutable, TimeProvider time, ILogger logger)
    {
        _options = options;
        _time = time;
        _installer = new ConnectorInstaller(Path.Combine(options.WorkFolder, "connectors"));
        var hostFolder = Path.Combine(Path.GetDirectoryName(typeof(ConnectorRuntime).Assembly.Location)!, "NodeHost");
        _workers = new WorkerPool(options, nodeExecutable, hostFolder, logger);
    }

    /// <summary>Starts a runtime; fails here, not at the first invocation, when Node.js is missing or older than 20.</summary>
    /// <exception cref="NodeUnavailableException">Node.js is missing or too old.</exception>
    public static Task<ConnectorRuntime> CreateAsync(RuntimeOptions options, CancellationToken cancellationToken) =>
        CreateAsync(options, TimeProvider.System, NullLoggerFactory.Instance, cancellationToken);

    /// <inheritdoc cref="CreateAsync(RuntimeOptions, CancellationToken)"/>
    /// <param name="options">The runtime's settings.</param>
    /// <param name="time">The clock for timeouts and durations.</param>
    /// <param name="loggerFactory">Where the diagnostic log (worker starts, deaths, stderr) goes.</param>
    /// <param name="cancellationToken">Stops the start.</param>
    public static async Task<ConnectorRuntime> CreateAsync(RuntimeOptions options, TimeProvider time, ILoggerFactory loggerFactory, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(loggerFactory);
        var node = await NodeLocator.LocateAsync(options.NodePath, cancellationToken).ConfigureAwait(false);
        return new ConnectorRuntime(options, node, time, loggerFactory.CreateLogger<ConnectorRuntime>());
    }

    /// <summary>Runs one action.</summary>
    /// <exception cref="OperationCanceledException">The caller cancelled (a timeout is a result, not an exception).</exception>
    public async Task<InvocationResult> InvokeAsync(InvocationRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var started = _time.GetTimestamp();
        var action = request.Connector.Definition.Actions.FirstOrDefault(a => a.Name == request.Action);
        var call = new InvocationCall(request, action?.Outputs ?? [], started, _time);
        if (action is null)
        {
            return call.Failed(InvocationOutcome.UnknownAction, $"Unknown action: {request.Action}");
        }

        if (action.Kind != ActionKind.Custom)
        {
            throw new NotSupportedException($"'{action.Name}' is an Easy REST action; the REST engine runs those.");
        }

        var input = InputCoercer.Coerce(request.Inputs, action.Inputs);
        if (input.HasErrors)
        {
            return call.Failed(InvocationOutcome.InvalidInput, "Invalid inputs: " + string.Join("; ", input.Diagnostics.Where(d => d.IsError).Select(d => $"{d.Location.Path}: {d.Message}")), input.Diagnostics);
        }

        NodeWorker worker;
        try
        {
            var root = _installer.Install(request.Connector);
            worker = await _workers.GetAsync(root, request.CredentialDomain, cancellationToken).ConfigureAwait(false);
        }
        catch (WorkerFailureException e)
        {
            return call.Failed(InvocationOutcome.WorkerUnavailable, e.Message);
        }

        return await RunAsync(call, worker, Frame(request, input.Input), cancellationToken).ConfigureAwait(false);
    }

    public ValueTask DisposeAsync() => _workers.DisposeAsync();

    private async Task<InvocationResult> RunAsync(InvocationCall call, NodeWorker worker, JsonObject frame, CancellationToken cancellationToken)
    {
        var limit = call.Request.Timeout ?? _options.DefaultTimeout;
        using var timeout = new CancellationTokenSource(limit, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            var reply = await worker.RequestAsync(frame, linked.Token).ConfigureAwait(false);
            return call.Completed(reply);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            var hung = !await RespondsAsync(worker).ConfigureAwait(false);
            if (hung)
            {
                worker.Kill(WorkerFailureKind.Hung, $"The connector's worker was unresponsive after '{call.Request.Action}' ran past {Describe(limit)} and was replaced.");
            }

            return call.Failed(InvocationOutcome.Timeout, $"The action '{call.Request.Action}' did not answer within {Describe(limit)}" +
                (hung ? "; its worker was unresponsive (a busy loop?) and was replaced." : "."));
        }
        catch (WorkerFailureException e)
        {
            var outcome = e.Kind switch
            {
                WorkerFailureKind.Hung => InvocationOutcome.WorkerHung,
                WorkerFailureKind.Crashed => InvocationOutcome.WorkerCrashed,
                _ => InvocationOutcome.WorkerUnavailable,
            };
            return call.Failed(outcome, e.Message);
        }
    }

    /// <summary>A worker that cannot answer a ping within the grace period is stuck (a busy loop, a blocking call).</summary>
    private async Task<bool> RespondsAsync(NodeWorker worker)
    {
        using var grace = new CancellationTokenSource(_options.HangGrace, _time);
        try
        {
            await worker.RequestAsync(new JsonObject { ["t"] = "ping" }, grace.Token).ConfigureAwait(false);
            return true;
        }
        catch (Exception e) when (e is OperationCanceledException or WorkerFailureException)
        {
            return false;
        }
    }

    private static JsonObject Frame(InvocationRequest request, JsonObject input)
    {
        var definition = request.Connector.Definition;
        return new JsonObject
        {
            ["t"] = "invoke",
            ["action"] = request.Action,
            ["globals"] = new JsonObject
            {
                ["systemproperties"] = Strings(request.ConnectorParameters),
                ["authdata"] = Strings(request.AuthenticationParameters),
                ["projectname"] = request.ProjectName,
            },
            ["data"] = new JsonObject { ["inputs"] = new JsonObject { ["input"] = input } },
            ["auth"] = definition.Authentication.Method == AuthenticationMethod.Custom ? "custom" : "none",
            ["authenticationType"] = definition.Authentication.Name,
            ["log"] = request.EnableLog,
        };
    }

    private static JsonObject Strings(IReadOnlyDictionary<string, string> values) =>
        new(values.Select(v => KeyValuePair.Create(v.Key, (JsonNode?)JsonValue.Create(v.Value))));

    private static string Describe(TimeSpan span) => span.TotalSeconds >= 1 ? $"{span.TotalSeconds:0.###} s" : $"{span.TotalMilliseconds:0} ms";
}
