using System.Globalization;

namespace Patchbay.Core.Model;

/// <summary>Reads a connector's <c>major.minor.patch</c> version where only its major matters (side-by-side majors).</summary>
public static class VersionNumbers
{
    /// <summary>The major version: the digits before the first dot; 0 when they are not a number.</summary>
    public static int Major(string version)
    {
        ArgumentNullException.ThrowIfNull(version);
        var head = version.Split('.')[0];
        return int.TryParse(head, NumberStyles.None, CultureInfo.InvariantCulture, out var major) ? major : 0;
    }
}
