using Microsoft.AspNetCore.Http;
using Patchbay.Core.Model;
using Patchbay.Hub.Api;
using Patchbay.Hub.Connectors;
using Patchbay.Hub.Runtime;
using Patchbay.Hub.Security;
using Patchbay.Hub.Storage;
using Patchbay.Runtime.Authentication.OAuth2;

namespace Patchbay.Hub.Configuration;

/// <summary>
/// Connects a connector major version in an environment to an OAuth 2.0 account a person authorizes (the
/// authorization code grant with PKCE): <see cref="StartAsync"/> gives the page to send the person to, and the
/// authorization server's redirect to the hub completes it with <see cref="CompleteAsync"/>. The runtime runs
/// the flow and keeps the tokens (in the hub's shared token store); between start and redirect the flow waits in
/// the database (<see cref="PendingOAuthAuthorizations"/>), with who started it, for the audit log.
/// </summary>
public sealed class OAuthConnections(ConnectorCatalog catalog, ConfigResolver configs, RuntimeHost runtime, PendingOAuthAuthorizations pendings, HubDb db, TimeProvider time)
{
    /// <summary>The hub's redirect endpoint, to register with the authorization server.</summary>
    public const string CallbackPath = "/oauth/callback";

    public async Task<(AuthorizationStart? Start, IResult? Problem)> StartAsync(string name, int major, string environment, Uri redirectUri, Caller caller, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var connector = await catalog.GetCurrentAsync(name, major, cancellationToken);
        if (connector is null)
        {
            return (null, ApiProblems.NotFound($"No connector '{name}' with major version {major} is installed."));
        }

        var authentication = connector.Package.Definition.Authentication;
        if (authentication is not { Method: AuthenticationMethod.OAuth2, Grant: OAuth2Grant.AuthorizationCode })
        {
            return (null, ApiProblems.Problem(StatusCodesFor.BadRequest, $"{connector.Name} {connector.Version} does not use OAuth 2.0 with the authorization code grant ({authentication.Method}{(authentication.Grant is { } grant ? ", " + grant : "")}): there is nothing for a person to authorize."));
        }

        var config = await configs.ResolveAsync(connector, environment, cancellationToken);
        if (config is null)
        {
            return (null, ApiProblems.NotFound($"There is no environment '{environment}'."));
        }

        AuthorizationStart start;
        try
        {
            start = runtime.Current.Authorizations.Start(connector.Package.Definition, config.AuthenticationParameters, config.Environment, redirectUri);
        }
        catch (ArgumentException e)
        {
            var reason = e.ParamName is null ? e.Message : e.Message.Replace($" (Parameter '{e.ParamName}')", "", StringComparison.Ordinal);
            return (null, ApiProblems.Invalid($"The Authentication parameters of {connector.Name} {major} in {config.Environment} cannot start an authorization.", [ProblemError.Field("authenticationParameters", reason)]));
        }

        var target = TakenAuthorization.TargetOf(connector.Name, major, config.Environment);
        pendings.Keep(start, caller.Name, connector.Name, major, config.Environment);
        AuditLog.Record(db, caller, "oauth.authorize", target, new { redirectUri = redirectUri.AbsoluteUri }, time);
        await db.SaveChangesAsync(cancellationToken);
        return (start, null);
    }

    /// <summary>Completes an authorization from the redirect's query; the message is for the person in the browser.</summary>
    public async Task<(bool Connected, string Message)> CompleteAsync(string? state, string? code, string? error, string? errorDescription, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(state) || await pendings.TakeAsync(state, cancellationToken) is not { } pending)
        {
            return (false, "This authorization is unknown or has expired: start it again from Patchbay.");
        }

        var (connected, message) = error is not null || string.IsNullOrEmpty(code)
            ? (false, $"The authorization server did not authorize the connection: {error ?? "no code"}{(errorDescription is null ? "" : " (" + errorDescription + ")")}.")
            : await ExchangeAsync(pending, code, cancellationToken);
        AuditLog.Record(db, pending.StartedBy, connected ? "oauth.connected" : "oauth.failed", pending.Target, connected ? null : new { reason = message }, time);
        await db.SaveChangesAsync(CancellationToken.None);
        return (connected, message);
    }

    /// <summary>Exchanges the code with the connection's values as they are now; the runtime refuses them if they changed since the start.</summary>
    private async Task<(bool, string)> ExchangeAsync(TakenAuthorization pending, string code, CancellationToken cancellationToken)
    {
        var connector = await catalog.GetCurrentAsync(pending.ConnectorName, pending.Major, cancellationToken);
        var config = connector is null ? null : await configs.ResolveAsync(connector, pending.Environment, cancellationToken);
        if (connector is null || config is null)
        {
            return (false, $"{pending.Target} was not connected: the connector or the environment was removed after the authorization started.");
        }

        var completion = await runtime.Current.Authorizations.CompleteAsync(connector.Package.Definition, config.AuthenticationParameters, config.Environment, pending.Pending, code, cancellationToken);
        return completion.Succeeded
            ? (true, $"{pending.Target} is connected. You can close this window.")
            : (false, $"{pending.Target} was not connected: {completion.Message}");
    }
}
