namespace Patchbay.Runtime.Authentication.Digest;

/// <summary>The challenge in use for one connection and origin, and its nonce count (shared by every invocation, so nc keeps rising).</summary>
internal sealed class DigestState(DigestChallenge challenge)
{
    private long _count;

    public DigestChallenge Challenge => challenge;

    /// <summary>The next nonce count: 1 for the first request with this nonce.</summary>
    public long Next() => Interlocked.Increment(ref _count);
}
