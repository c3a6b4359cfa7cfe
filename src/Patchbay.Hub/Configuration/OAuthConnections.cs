using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Caching.Memory;
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
/// authorization server's redirect to the hub completes it with <see cref="CompleteAsync"/>. The runtime keeps
/// the flow and the tokens (in the hub's shared token store); the hub adds who started it, for the audit log.
/// </summary>
public sealed class OAuthConnections(ConnectorCatalog catalog, ConfigResolver configs, RuntimeHost runtime, IMemoryCache cache, HubDb db, TimeProvider time)
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

        var target = $"{connector.Name} {major} {config.Environment}";
        cache.Set(PendingKey(start.State), new PendingConnection(caller, target), start.ExpiresAt);
        AuditLog.Record(db, caller, "oauth.authorize", target, new { redirectUri = redirectUri.AbsoluteUri }, time);
        await db.SaveChangesAsync(cancellationToken);
        return (start, null);
    }

    /// <summary>Completes an authorization from the redirect's query; the message is for the person in the browser.</summary>
    public async Task<(bool Connected, string Message)> CompleteAsync(string? state, string? code, string? error, string? errorDescription, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(state) || !cache.TryGetValue(PendingKey(state), out PendingConnection? pending) || pending is null)
        {
            return (false, "This authorization is unknown or has expired: start it again from Patchbay.");
        }

        cache.Remove(PendingKey(state));
        var (connected, message) = error is not null || string.IsNullOrEmpty(code)
            ? (false, $"The authorization server did not authorize the connection: {error ?? "no code"}{(errorDescription is null ? "" : " (" + errorDescription + ")")}.")
            : await ExchangeAsync(state, code, pending.Target, cancellationToken);
        AuditLog.Record(db, pending.StartedBy, connected ? "oauth.connected" : "oauth.failed", pending.Target, connected ? null : new { reason = message }, time);
        await db.SaveChangesAsync(CancellationToken.None);
        return (connected, message);
    }

    private async Task<(bool, string)> ExchangeAsync(string state, string code, string target, CancellationToken cancellationToken)
    {
        var completion = await runtime.Current.Authorizations.CompleteAsync(state, code, cancellationToken);
        return completion.Succeeded
            ? (true, $"{target} is connected. You can close this window.")
            : (false, $"{target} was not connected: {completion.Message}");
    }

    private static string PendingKey(string state) => "oauth-pending:" + state;

    /// <summary>Who started an authorization, and of what; kept as long as the runtime keeps the flow.</summary>
    private sealed record PendingConnection(Caller StartedBy, string Target);
}
