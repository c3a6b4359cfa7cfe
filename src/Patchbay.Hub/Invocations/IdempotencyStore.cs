using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Patchbay.Hub.Storage;

namespace Patchbay.Hub.Invocations;

/// <summary>
/// The <c>Idempotency-Key</c> header: the first request with a key claims it by inserting its row (the primary key
/// decides between concurrent duplicates); later ones with the same key get the first one's answer again.
/// </summary>
public sealed class IdempotencyStore(HubDb db, TimeProvider time)
{
    public const string Header = "Idempotency-Key";
    public const string ReplayedHeader = "Idempotent-Replayed";
    public const int MaxKeyLength = 200;

    /// <summary>How long a key is remembered (the retention purge deletes older rows).</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(24);

    /// <summary>A first request that has no answer after this long is taken as dead (its hub stopped): the key is claimed again.</summary>
    private static readonly TimeSpan AbandonedAfter = TimeSpan.FromMinutes(10);

    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(100);

    /// <summary>The row's key: per API key, so two callers never see each other's answers.</summary>
    public static string RowKey(Guid apiKeyId, string headerValue) => $"{apiKeyId:N}:{headerValue}";

    /// <summary>SHA-256 of method, path with query, and body.</summary>
    public static string RequestHash(string method, string pathAndQuery, ReadOnlySpan<byte> body)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.UTF8.GetBytes($"{method}\n{pathAndQuery}\n"));
        hash.AppendData(body);
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    /// <summary>
    /// Claims the key for this request, inserting <paramref name="job"/> in the same save (async requests), or
    /// finds the first request's row: a replay of it, or a mismatch when it was another request.
    /// </summary>
    public async Task<IdempotencyClaim> ClaimAsync(string rowKey, string requestHash, JobRecord? job, CancellationToken cancellationToken)
    {
        while (true)
        {
            if (await TryInsertAsync(rowKey, requestHash, job, cancellationToken))
            {
                return IdempotencyClaim.Claimed;
            }

            // Another request has the key: wait until it has an answer (or gives the key up on a refusal).
            while (await db.IdempotencyKeys.AsNoTracking().FirstOrDefaultAsync(k => k.Key == rowKey, cancellationToken) is { } existing)
            {
                if (existing.CreatedAt < time.GetUtcNow() - Lifetime)
                {
                    await db.IdempotencyKeys.Where(k => k.Key == rowKey && k.CreatedAt == existing.CreatedAt).ExecuteDeleteAsync(cancellationToken);
                    break;
                }

                if (existing.RequestHash != requestHash)
                {
                    return IdempotencyClaim.Mismatch;
                }

                if (existing.InvocationId is not null || existing.JobId is not null)
                {
                    return IdempotencyClaim.Replay(existing);
                }

                if (existing.CreatedAt < time.GetUtcNow() - AbandonedAfter)
                {
                    await ReleaseAsync(rowKey);
                    break;
                }

                await Task.Delay(PollInterval, time, cancellationToken);
            }
        }
    }

    /// <summary>Stores the invocation that answers the key.</summary>
    public Task CompleteAsync(string rowKey, Guid invocationId) =>
        db.IdempotencyKeys.Where(k => k.Key == rowKey).ExecuteUpdateAsync(s => s.SetProperty(k => k.InvocationId, invocationId), CancellationToken.None);

    /// <summary>Gives the key up (the request was refused before it ran): a retry is judged afresh.</summary>
    public Task ReleaseAsync(string rowKey) =>
        db.IdempotencyKeys.Where(k => k.Key == rowKey && k.InvocationId == null && k.JobId == null).ExecuteDeleteAsync(CancellationToken.None);

    private async Task<bool> TryInsertAsync(string rowKey, string requestHash, JobRecord? job, CancellationToken cancellationToken)
    {
        db.IdempotencyKeys.Add(new IdempotencyRecord { Key = rowKey, RequestHash = requestHash, JobId = job?.Id, CreatedAt = time.GetUtcNow() });
        if (job is not null)
        {
            db.Jobs.Add(job);
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear(); // the job was not stored either: forget both
            if (!await db.IdempotencyKeys.AsNoTracking().AnyAsync(k => k.Key == rowKey, cancellationToken))
            {
                throw; // not a duplicate key: a real failure
            }

            return false;
        }
    }
}

/// <summary>The outcome of claiming an idempotency key.</summary>
public sealed record IdempotencyClaim(IdempotencyRecord? First, bool IsMismatch)
{
    public static readonly IdempotencyClaim Claimed = new(null, false);
    public static readonly IdempotencyClaim Mismatch = new(null, true);

    public static IdempotencyClaim Replay(IdempotencyRecord first) => new(first, false);

    public bool IsClaimed => First is null && !IsMismatch;
}
