using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Patchbay.Core.Data;
using Patchbay.Core.Model;
using Patchbay.Runtime.Authentication;
using Patchbay.Runtime.Authentication.OAuth2;
using Patchbay.Runtime.Http;
using Patchbay.Runtime.Node;
using Patchbay.Runtime.Rest;

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
    private readonly HttpClient _http;
    private readonly AuthenticationService _authentication;
    private readonly RestEngine _rest;

    private ConnectorRuntime(RuntimeOptions options, string nodeExecutable, TimeProvider time, ILogger logger)
    {
        _options = options;
        _time = time;
        _installer = new ConnectorInstaller(Path.Combine(options.WorkFolder, "connectors"));
        var hostFolder = Path.Combine(Path.GetDirectoryName(typeof(ConnectorRuntime).Assembly.Location)!, "NodeHost");
        _workers = new WorkerPool(options, nodeExecutable, hostFolder, logger);
        _http = OutboundHttp.Create(options);
        _authentication = new AuthenticationService(_http, time, options.TokenStore, options.ConnectionLock);
        _rest = new RestEngine(_http, time);
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

    /// <summary>The OAuth 2.0 authorization code flow (with PKCE) that the hub's redirect endpoint drives (docs/authentication.md).</summary>
    public OAuthAuthorizations Authorizations => _authentication.Authorizations;

    /// <summary>Runs one action.</summary>
    /// <exception cref="OperationCanceledException">The caller cancelled (a timeout is a result, not an exception).</exception>
    public async Task<InvocationResult> InvokeAsync(InvocationRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var started = _time.GetTimestamp();
        request = ParameterDefaults.Apply(request);
        var action = request.Connector.Definition.Actions.FirstOrDefault(a => a.Name == request.Action);
        var call = new InvocationCall(request, action?.Outputs ?? [], started, _time);
        if (action is null)
        {
            return call.Failed(InvocationOutcome.UnknownAction, $"Unknown action: {request.Action}");
        }

        var input = InputCoercer.Coerce(request.Inputs, action.Inputs);
        if (input.HasErrors)
        {
            return call.Failed(InvocationOutcome.InvalidInput, "Invalid inputs: " + string.Join("; ", input.Diagnostics.Where(d => d.IsError).Select(d => $"{d.Location.Path}: {d.Message}")), input.Diagnostics);
        }

        var limit = call.Request.Timeout ?? action.Rest?.Timeout ?? _options.DefaultTimeout;
        using var timeout = new CancellationTokenSource(limit, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            var session = await AuthenticateAsync(request, action, input.Input, linked.Token).ConfigureAwait(false);
            if (session.Failure is { } failure)
            {
                return call.Failed(failure.IsTransient ? InvocationOutcome.AuthenticationUnavailable : InvocationOutcome.AuthenticationFailed, failure.StatusCode, failure.Error, failure.Message);
            }

            call.AddSecrets(session.Secrets);
            return action.Kind == ActionKind.Rest
                ? await _rest.InvokeAsync(call, action, input.Input, action.Rest!.UseAuthentication ? session : null, linked.Token).ConfigureAwait(false)
                : await RunCustomAsync(call, input.Input, session, limit, timeout.Token, linked.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return call.Failed(InvocationOutcome.Timeout, $"The action '{request.Action}' did not answer within {Describe(limit)}.");
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _workers.DisposeAsync().ConfigureAwait(false);
        _http.Dispose();
    }

    /// <summary>Runs the built-in method (C#) for REST actions that use authentication and for custom actions; <c>auth.js</c> runs in the worker.</summary>
    private async Task<AuthenticationSession> AuthenticateAsync(InvocationRequest request, ActionDefinition action, JsonObject input, CancellationToken cancellationToken)
    {
        var definition = request.Connector.Definition;
        var needed = AuthenticationService.IsBuiltIn(definition.Authentication.Method) && (action.Rest?.UseAuthentication ?? true);
        if (!needed)
        {
            return AuthenticationSession.Anonymous;
        }

        var target = RestUrls.Target(definition, action.Rest, input, request.ConnectorParameters);
        var authRequest = new AuthenticationRequest(definition, request.AuthenticationParameters, request.CredentialDomain, target, action.Rest?.Method ?? "GET");
        return await _authentication.AuthenticateAsync(authRequest, cancellationToken).ConfigureAwait(false);
    }

    private async Task<InvocationResult> RunCustomAsync(InvocationCall call, JsonObject input, AuthenticationSession session, TimeSpan limit, CancellationToken deadline, CancellationToken cancellationToken)
    {
        NodeWorker worker;
        try
        {
            var root = _installer.Install(call.Request.Connector);
            worker = await _workers.GetAsync(root, call.Request.CredentialDomain, cancellationToken).ConfigureAwait(false);
        }
        catch (WorkerFailureException e)
        {
            return call.Failed(InvocationOutcome.WorkerUnavailable, e.Message);
        }

        worker.RememberSecrets(call.Redactor.Values);
        return await RunAsync(call, worker, Frame(call.Request, input, session), limit, deadline, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Hands the frame to the worker; at the deadline, checks whether the worker hung and replaces it if so.</summary>
    private async Task<InvocationResult> RunAsync(InvocationCall call, NodeWorker worker, JsonObject frame, TimeSpan limit, CancellationToken deadline, CancellationToken cancellationToken)
    {
        try
        {
            var reply = await worker.RequestAsync(frame, cancellationToken).ConfigureAwait(false);
            return call.Completed(reply);
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested)
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

    private static JsonObject Frame(InvocationRequest request, JsonObject input, AuthenticationSession session)
    {
        var definition = request.Connector.Definition;
        return new JsonObject
        {
            ["t"] = "invoke",
            ["action"] = request.Action,
            ["globals"] = new JsonObject
            {
                ["systemproperties"] = Strings(request.ConnectorParameters),
                ["authdata"] = Strings(request.AuthenticationParameters.Concat(session.AuthData).GroupBy(p => p.Key).ToDictionary(g => g.Key, g => g.Last().Value)),
                ["projectname"] = request.ProjectName,
            },
            ["data"] = new JsonObject { ["inputs"] = new JsonObject { ["input"] = input } },
            ["auth"] = definition.Authentication.Method == AuthenticationMethod.Custom ? "custom" : "none",
            ["authenticationType"] = definition.Authentication.Name,
            ["log"] = request.EnableLog,
        };
    }

    private static JsonObject Strings(IEnumerable<KeyValuePair<string, string>> values) =>
        new(values.Select(v => KeyValuePair.Create(v.Key, (JsonNode?)JsonValue.Create(v.Value))));

    private static string Describe(TimeSpan span) => span.TotalSeconds >= 1 ? $"{span.TotalSeconds:0.###} s" : $"{span.TotalMilliseconds:0} ms";
}
