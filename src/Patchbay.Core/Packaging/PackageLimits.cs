namespace Patchbay.Core.Packaging;

/// <summary>
/// Bounds on what a zip (a <c>.bizc</c> or a library) may unpack to; uploads beyond them are rejected
/// before anything is written.
/// </summary>
/// <remarks>
/// There is deliberately no "unlimited": a limit that can be turned off protects nothing.
/// </remarks>
public sealed record PackageLimits
{
    public static PackageLimits Default { get; } = new();

    /// <value>20,000 entries.</value>
    public int MaxFiles { get; init => field = Positive(value); } = 20_000;

    /// <value>200 MiB of decompressed content in all.</value>
    public long MaxTotalBytes { get; init => field = Positive(value); } = 200L * 1024 * 1024;

    /// <value>50 MiB for one decompressed entry.</value>
    public long MaxEntryBytes { get; init => field = Positive(value); } = 50L * 1024 * 1024;

    private static T Positive<T>(T value)
        where T : System.Numerics.INumber<T>
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(value);
        return value;
    }
}
