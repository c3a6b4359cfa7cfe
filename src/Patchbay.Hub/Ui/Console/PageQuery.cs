using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Patchbay.Hub.Api;

namespace Patchbay.Hub.Ui.Console;

/// <summary>
/// A list page's filters live in its URL, with the same names and syntax as the matching API's query string,
/// so a filtered view can be shared, survives a reload, and is parsed by the API's own reader
/// (<see cref="Invocations.HistoryFilter"/>, <see cref="Operations.AuditQuery"/>).
/// </summary>
public static class PageQuery
{
    /// <summary>The query string of the page's current URL, as the API would receive it.</summary>
    public static IQueryCollection Current(NavigationManager navigation)
    {
        ArgumentNullException.ThrowIfNull(navigation);
        return new QueryCollection(QueryHelpers.ParseQuery(new Uri(navigation.Uri).Query));
    }

    /// <summary>The current page's URL with these parameters set; a null or empty value removes its parameter.</summary>
    public static string With(NavigationManager navigation, IReadOnlyDictionary<string, string?> parameters)
    {
        ArgumentNullException.ThrowIfNull(navigation);
        ArgumentNullException.ThrowIfNull(parameters);
        var values = parameters.ToDictionary(p => p.Key, p => (object?)(string.IsNullOrWhiteSpace(p.Value) ? null : p.Value.Trim()));
        return navigation.GetUriWithQueryParameters(values);
    }

    /// <summary>The message for a query parameter among the reader's errors (<c>query.&lt;name&gt;</c>), or null.</summary>
    public static string? ErrorOf(IReadOnlyList<ProblemError> errors, string name)
    {
        ArgumentNullException.ThrowIfNull(errors);
        return errors.FirstOrDefault(e => e.Path == "query." + name)?.Message;
    }

    /// <summary>How many pages <paramref name="total"/> rows fill, at least one.</summary>
    public static int PageCount(int total, int pageSize) => Math.Max(1, (total + pageSize - 1) / pageSize);
}
