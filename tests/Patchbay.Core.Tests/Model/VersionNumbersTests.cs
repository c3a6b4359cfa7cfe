using Patchbay.Core.Model;

namespace Patchbay.Core.Tests.Model;

public sealed class VersionNumbersTests
{
    [Theory]
    [InlineData("1.0.0", 1)]
    [InlineData("12.3.4-beta.1", 12)]
    [InlineData("0.9.0", 0)]
    [InlineData("", 0)]
    [InlineData("v1.0.0", 0)]
    [InlineData("-1.0.0", 0)]
    [InlineData(" 2.0.0", 0)]
    public void The_major_is_the_number_before_the_first_dot(string version, int major) =>
        VersionNumbers.Major(version).ShouldBe(major);
}
