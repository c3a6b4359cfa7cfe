namespace Patchbay.Core.Packaging;

/// <summary>
/// Bounds on what an uploaded zip (a <c>.bizc</c> or a library) or a source folder may hold; anything beyond
/// them is rejected before it is used.
/// </summary>
/// <remarks>
/// There is deliberately no "unlimited" value: a zero or negative limit throws <see cref="ArgumentOutOfRangeException"/>,
/// because a protection that can be switched off protects nothing. Sizes are compared with the bytes actually
/// decompressed, never with the sizes a zip declares.
/// </remarks>
public sealed record PackageLimits
{
    /// <summary>The limits used when a caller does not choose others.</summary>
    public static PackageLimits Default { get; } = new();

    /// <summary>The most files (directory entries excluded).</summary>
    /// <value>20,000 files. <c>request</c> with its whole tree is about 1,000; <c>aws-sdk</c> v2 about 10,000.</value>
    public int MaxFileCount { get; init => field = Positive(value); } = 20_000;

    /// <summary>The most bytes all files may decompress to, together.</summary>
    /// <value>200 MiB.</value>
    public long MaxTotalBytes { get; init => field = Positive(value); } = 200L * 1024 * 1024;

    /// <summary>The most bytes one file may decompress to.</summary>
    /// <value>50 MiB.</value>
    public long MaxEntryBytes { get; init => field = Positive(value); } = 50L * 1024 * 1024;

    private static T Positive<T>(T value)
        where T : System.Numerics.INumber<T>
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(value);
        return value;
    }
}
