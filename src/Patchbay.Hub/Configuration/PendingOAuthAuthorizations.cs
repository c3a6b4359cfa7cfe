using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Patchbay.Hub.Storage;
using Patchbay.Runtime.Authentication.OAuth2;

namespace Patchbay.Hub.Configuration;

/// <summary>
/// The OAuth 2.0 authorizations people were sent to, kept in the database (<see cref="OAuthAuthorizationRecord"/>)
/// so that the redirect completes them on whichever hub it reaches, after a restart too. A state is taken once:
/// of two redirects racing with one state, only the one whose delete removed the row goes on.
/// </summary>
public sealed class PendingOAuthAuthorizations(HubDb db, SecretProtector protector, TimeProvider time)
{
    /// <summary>Adds a started authorization to the change being saved (with its audit record).</summary>
    public void Keep(AuthorizationStart start, string startedBy, string connectorName, int major, string environment)
    {
        ArgumentNullException.ThrowIfNull(start);
        db.OAuthAuthorizations.Add(new OAuthAuthorizationRecord
        {
            StateHash = Hash(start.State),
            StartedBy = startedBy,
            ConnectorName = connectorName,
            Major = major,
            Environment = environment,
            Connection = start.Pending.Connection,
            RedirectUri = start.Pending.RedirectUri.AbsoluteUri,
            ProtectedCodeVerifier = protector.Protect(start.Pending.CodeVerifier),
            ExpiresAt = start.ExpiresAt,
        });
    }

    /// <summary>Removes the authorization a state names and answers it, or null when it is unknown, expired or already taken.</summary>
    public async Task<TakenAuthorization?> TakeAsync(string state, CancellationToken cancellationToken)
    {
        var hash = Hash(state);
        var row = await db.OAuthAuthorizations.AsNoTracking().FirstOrDefaultAsync(a => a.StateHash == hash, cancellationToken);
        if (row is null || await db.OAuthAuthorizations.Where(a => a.StateHash == hash).ExecuteDeleteAsync(cancellationToken) != 1 || row.ExpiresAt <= time.GetUtcNow())
        {
            return null;
        }

        var pending = new PendingAuthorization(row.Connection, new Uri(row.RedirectUri), protector.Unprotect(row.ProtectedCodeVerifier));
        return new TakenAuthorization(row.StartedBy, row.ConnectorName, row.Major, row.Environment, pending);
    }

    /// <summary>Deletes the authorizations nobody came back for; answers how many.</summary>
    public Task<int> PurgeExpiredAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        return db.OAuthAuthorizations.Where(a => a.ExpiresAt <= now).ExecuteDeleteAsync(cancellationToken);
    }

    /// <summary>What is stored instead of the state: enough to find the row by, useless for completing a flow.</summary>
    private static string Hash(string state) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(state)));
}

/// <summary>A pending authorization taken for its redirect: who started it, for which connection, and what the runtime needs.</summary>
public sealed record TakenAuthorization(string StartedBy, string ConnectorName, int Major, string Environment, PendingAuthorization Pending)
{
    /// <summary>How messages and the audit log name the connection.</summary>
    public string Target => TargetOf(ConnectorName, Major, Environment);

    public static string TargetOf(string connectorName, int major, string environment) => $"{connectorName} {major} {environment}";
}
