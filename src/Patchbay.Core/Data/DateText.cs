using System.Globalization;

namespace Patchbay.Core.Data;

/// <summary>Reads ISO 8601 dates and date-times and writes them in one normal form.</summary>
/// <remarks>
/// A date stays a date (<c>yyyy-MM-dd</c>). A date-time is written with seven fractional digits (.NET's
/// round-trip form, which Node's <c>new Date()</c> reads) and keeps the offset it was given, because the offset
/// carries the sender's wall-clock time and converting to UTC would lose it; a zero offset is written <c>Z</c>.
/// A date-time without an offset is passed on without one: Patchbay does not guess a time zone.
/// </remarks>
internal static class DateText
{
    private const string DateFormat = "yyyy-MM-dd";
    private const string LocalFormat = "yyyy-MM-dd'T'HH:mm:ss.fffffff";

    private static readonly string[] LocalFormats =
    [
        "yyyy-MM-dd'T'HH:mm",
        "yyyy-MM-dd'T'HH:mm:ss",
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF",
    ];

    private static readonly string[] OffsetFormats =
    [
        .. LocalFormats.Select(f => f + "'Z'"),
        .. LocalFormats.Select(f => f + "zzz"),
    ];

    public static bool TryNormalize(string text, out string normalized)
    {
        var culture = CultureInfo.InvariantCulture;
        if (DateOnly.TryParseExact(text, DateFormat, culture, DateTimeStyles.None, out var date))
        {
            normalized = date.ToString(DateFormat, culture);
            return true;
        }

        if (DateTime.TryParseExact(text, LocalFormats, culture, DateTimeStyles.None, out var local))
        {
            normalized = local.ToString(LocalFormat, culture);
            return true;
        }

        var styles = DateTimeStyles.AssumeUniversal;
        if (DateTimeOffset.TryParseExact(text, OffsetFormats, culture, styles, out var instant))
        {
            var offset = instant.Offset == TimeSpan.Zero ? "Z" : instant.ToString("zzz", culture);
            normalized = instant.ToString(LocalFormat, culture) + offset;
            return true;
        }

        normalized = string.Empty;
        return false;
    }
}
