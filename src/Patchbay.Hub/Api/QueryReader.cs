using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace Patchbay.Hub.Api;

/// <summary>
/// Reads the query string of a list endpoint (the history, the audit log) one parameter at a time, the same
/// way everywhere: an empty value counts as absent, and each bad value adds an error naming
/// <c>query.&lt;parameter&gt;</c>, so one 400 lists every problem of the request.
/// </summary>
public sealed class QueryReader(IQueryCollection query)
{
    private const string InstantExpected = "An ISO 8601 date or instant (2026-11-29 or 2026-11-29T10:00:00Z).";
    private readonly List<ProblemError> _errors = [];

    /// <summary>The bad values found so far.</summary>
    public IReadOnlyList<ProblemError> Errors => _errors;

    /// <summary>A text filter; null when absent or empty.</summary>
    public string? Text(string name) => query[name].ToString() is { Length: > 0 } value ? value : null;

    /// <summary>A value parsed by <paramref name="parse"/>, which returns null for a bad one; <paramref name="expected"/> says what is allowed.</summary>
    public T? Parsed<T>(string name, Func<string, T?> parse, string expected)
        where T : struct
    {
        ArgumentNullException.ThrowIfNull(parse);
        if (Text(name) is not { } text)
        {
            return null;
        }

        var value = parse(text);
        if (value is null)
        {
            Invalid(name, expected);
        }

        return value;
    }

    /// <summary>
    /// The <c>from</c> (inclusive) and <c>to</c> (exclusive) instants, in UTC; a date alone is its midnight UTC.
    /// A <c>from</c> later than <c>to</c> is refused rather than answered with an empty page.
    /// </summary>
    public (DateTimeOffset? From, DateTimeOffset? To) TimeRange()
    {
        var from = Parsed("from", Instant, InstantExpected);
        var to = Parsed("to", Instant, InstantExpected);
        if (from > to)
        {
            Invalid("from", "Must not be later than 'to'.");
        }

        return (from, to);
    }

    /// <summary>
    /// <c>page</c> (from 1) and <c>pageSize</c> (1 to <paramref name="maxPageSize"/>); the page is bounded too,
    /// so that the rows it skips still fit in an int.
    /// </summary>
    public Paging Paging(int defaultPageSize, int maxPageSize)
    {
        var maxPage = int.MaxValue / maxPageSize;
        return new Paging(
            Parsed("page", s => Number(s, 1, maxPage), $"A whole number from 1 to {maxPage}.") ?? 1,
            Parsed("pageSize", s => Number(s, 1, maxPageSize), $"A whole number from 1 to {maxPageSize}.") ?? defaultPageSize);
    }

    /// <summary>Records a bad value of a parameter.</summary>
    public void Invalid(string name, string message) => _errors.Add(ProblemError.Field("query." + name, message));

    private static int? Number(string text, int min, int max) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max ? value : null;

    private static DateTimeOffset? Instant(string text) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var instant) ? instant : null;
}

/// <summary>Which page of a list, counted from 1, and how many rows a page holds.</summary>
public readonly record struct Paging(int Page, int PageSize)
{
    /// <summary>The rows before this page.</summary>
    public int Skip => (Page - 1) * PageSize;
}
