using Hangfire;
using Microsoft.EntityFrameworkCore;
using Patchbay.Hub.Configuration;
using Patchbay.Hub.Invocations;
using Patchbay.Hub.Storage;

namespace Patchbay.Hub.Jobs;

/// <summary>
/// Deletes invocations and finished jobs older than the platform's retention (read on each run, so a change
/// applies at the next one), idempotency keys older than a day and OAuth authorizations nobody came back for
/// (<see cref="PendingOAuthAuthorizations"/>). Runs hourly as a Hangfire recurring job.
/// </summary>
public sealed class RetentionPurge(HubDb db, PendingOAuthAuthorizations authorizations, TimeProvider time)
{
    public const string RecurringJobId = "patchbay-retention-purge";

    [AutomaticRetry(Attempts = 0)]
    public async Task<PurgeCounts> RunAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var days = await db.PlatformSettings.AsNoTracking().Select(s => (int?)s.RetentionDays).SingleOrDefaultAsync(cancellationToken) ?? 30;
        var cutoff = now - TimeSpan.FromDays(days);
        var keysCutoff = now - IdempotencyStore.Lifetime;

        var invocations = await db.Invocations.Where(i => i.StartedAt < cutoff).ExecuteDeleteAsync(cancellationToken);
        var jobs = await db.Jobs.Where(j => (j.State == JobStates.Succeeded || j.State == JobStates.Failed) && j.CompletedAt < cutoff).ExecuteDeleteAsync(cancellationToken);
        var keys = await db.IdempotencyKeys.Where(k => k.CreatedAt < keysCutoff).ExecuteDeleteAsync(cancellationToken);
        var abandoned = await authorizations.PurgeExpiredAsync(cancellationToken);
        return new PurgeCounts(invocations, jobs, keys, abandoned);
    }
}

/// <summary>How many rows a purge deleted.</summary>
public sealed record PurgeCounts(int Invocations, int Jobs, int IdempotencyKeys, int OAuthAuthorizations);
