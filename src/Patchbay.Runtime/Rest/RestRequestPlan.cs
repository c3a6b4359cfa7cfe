namespace Patchbay.Runtime.Rest;

/// <summary>
/// An action's request with everything filled in, from which each page's request is made (pagination only adds
/// or replaces query parameters).
/// </summary>
internal sealed record RestRequestPlan(RestOutgoing First)
{
    /// <summary>The first request with <paramref name="parameters"/> set in its query string (replacing the same names).</summary>
    public RestOutgoing With(IReadOnlyList<KeyValuePair<string, string>> parameters)
    {
        if (parameters.Count == 0)
        {
            return First;
        }

        var query = QueryStrings.Parse(First.Url.Query);
        foreach (var (name, value) in parameters)
        {
            query.Set(name, value);
        }

        return First.WithUrl(new Uri(First.Url.GetLeftPart(UriPartial.Path) + "?" + query));
    }
}
