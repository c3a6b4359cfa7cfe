namespace Patchbay.Runtime.Authentication.Digest;

/// <summary>The challenge in use and its nonce count, which rises with every request that answers it.</summary>
internal sealed class DigestState(DigestChallenge challenge)
{
    private long _count;

    public DigestChallenge Challenge => challenge;

    /// <summary>The next nonce count: 1 for the first request with this nonce.</summary>
    public long Next() => Interlocked.Increment(ref _count);
}
