using Patchbay.Core.Packaging.Libraries;

namespace Patchbay.Core.Tests.Packaging.Libraries;

public sealed class LibraryLimitsTests
{
    [Fact]
    public void Default_Values_AreDocumentedOnes()
    {
        LibraryLimits.Default.MaxFileCount.ShouldBe(20_000);
        LibraryLimits.Default.MaxTotalBytes.ShouldBe(200L * 1024 * 1024);
        LibraryLimits.Default.MaxEntryBytes.ShouldBe(50L * 1024 * 1024);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void Init_ZeroOrNegative_Throws(int value)
    {
        Should.Throw<ArgumentOutOfRangeException>(() => new LibraryLimits { MaxFileCount = value });
        Should.Throw<ArgumentOutOfRangeException>(() => new LibraryLimits { MaxTotalBytes = value });
        Should.Throw<ArgumentOutOfRangeException>(() => new LibraryLimits { MaxEntryBytes = value });
    }
}
