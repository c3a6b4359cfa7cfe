using Patchbay.Core.Packaging;

namespace Patchbay.Core.Tests.Packaging;

public sealed class PackageLimitsTests
{
    [Fact]
    public void Default_Values_AreDocumentedOnes()
    {
        PackageLimits.Default.MaxFileCount.ShouldBe(20_000);
        PackageLimits.Default.MaxTotalBytes.ShouldBe(200L * 1024 * 1024);
        PackageLimits.Default.MaxEntryBytes.ShouldBe(50L * 1024 * 1024);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void Init_ZeroOrNegative_Throws(int value)
    {
        Should.Throw<ArgumentOutOfRangeException>(() => new PackageLimits { MaxFileCount = value });
        Should.Throw<ArgumentOutOfRangeException>(() => new PackageLimits { MaxTotalBytes = value });
        Should.Throw<ArgumentOutOfRangeException>(() => new PackageLimits { MaxEntryBytes = value });
    }
}
