using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Patchbay.Core.Data;
using Patchbay.Core.Model;

namespace Patchbay.Runtime.Rest;

/// <summary>
/// Fetches the pages of a listing (next link, cursor, offset or page number) and collects their items, up to
/// <see cref="RestPagination.MaxPages"/> pages and <see cref="RestPagination.MaxItems"/> items.
/// </summary>
internal sealed partial class RestPager(RestRequestPlan plan, RestRequest rest, Func<RestOutgoing, Task<RestReply>> send, Func<RestReply, int, RestOutcome> read, Action<string> log)
{
    public async Task<RestOutcome> RunAsync(CancellationToken cancellationToken)
    {
        var paging = rest.Pagination!;
        var sizeSent = paging.SizeParameter.Length > 0;
        var fixedParameters = sizeSent ? [KeyValuePair.Create(paging.SizeParameter, paging.PageSize.ToString(CultureInfo.InvariantCulture))] : new List<KeyValuePair<string, string>>();
        var position = paging.Start;
        var next = paging.Kind is PaginationKind.Offset or PaginationKind.PageNumber ? plan.With([.. fixedParameters, Counter(paging, position)]) : plan.With(fixedParameters);
        var items = new JsonArray();
        var status = 200;
        for (var page = 1; page <= Math.Max(1, paging.MaxPages); page++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var reply = await send(next).ConfigureAwait(false);
            var outcome = read(reply, page);
            if (outcome.Body is not { } body)
            {
                return outcome;
            }

            status = reply.Status;
            var (pageItems, problem) = Items(body, paging.ItemsPath);
            if (pageItems is null)
            {
                return RestOutcome.Failed(RestEnvelopes.Create(null, RestEnvelopes.Error("PAGINATION_ERROR", problem!, reply.Status), -200), $"Page {page}: {problem}");
            }

            foreach (var item in pageItems)
            {
                if (items.Count >= paging.MaxItems)
                {
                    log($"Stopped at maxItems ({paging.MaxItems}) on page {page}.");
                    return RestOutcome.Collected(items, status);
                }

                items.Add(item?.DeepClone());
            }

            var count = pageItems.Count;
            var nextRequest = count == 0 ? null : Next(paging, reply, body, count, sizeSent, fixedParameters, ref position);
            if (nextRequest is null)
            {
                return RestOutcome.Collected(items, status);
            }

            if (page == paging.MaxPages)
            {
                log($"Stopped at maxPages ({paging.MaxPages}); more pages were announced.");
            }

            next = nextRequest;
        }

        return RestOutcome.Collected(items, status);
    }

    private RestOutgoing? Next(RestPagination paging, RestReply reply, JsonNode body, int count, bool sizeSent, List<KeyValuePair<string, string>> fixedParameters, ref int position)
    {
        switch (paging.Kind)
        {
            case PaginationKind.NextLink:
                var link = paging.NextPath.Length == 0 ? LinkNext(reply) : Text(body, paging.NextPath);
                return link is { Length: > 0 } && Uri.TryCreate(reply.Url, link, out var url) ? plan.First.WithUrl(url) : null;
            case PaginationKind.Cursor:
                var cursor = Text(body, paging.NextPath);
                return cursor is { Length: > 0 } ? plan.With([.. fixedParameters, KeyValuePair.Create(paging.Parameter, cursor)]) : null;
            default:
                if (sizeSent && count < paging.PageSize)
                {
                    return null; // a short page is the last one
                }

                position += paging.Kind == PaginationKind.Offset ? count : 1;
                return plan.With([.. fixedParameters, Counter(paging, position)]);
        }
    }

    private static KeyValuePair<string, string> Counter(RestPagination paging, int position) =>
        KeyValuePair.Create(paging.Parameter, position.ToString(CultureInfo.InvariantCulture));

    private static (JsonArray? Items, string? Problem) Items(JsonNode body, string path)
    {
        if (!ResponsePath.TrySelect(body, path, out var found))
        {
            return (null, $"the response has no '{path}' (pagination itemsPath).");
        }

        return found switch
        {
            JsonArray array => (array, null),
            null => ([], null),
            _ => (null, path.Length == 0
                ? "the response is not a list; set pagination itemsPath to where its items are."
                : $"'{path}' (pagination itemsPath) is not a list."),
        };
    }

    private static string? Text(JsonNode body, string path) =>
        ResponsePath.TrySelect(body, path, out var found) && found is JsonValue value
            ? value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : value.ToJsonString()
            : null;

    /// <summary>The target of <c>Link: &lt;…&gt;; rel="next"</c> (RFC 8288), or null.</summary>
    private static string? LinkNext(RestReply reply)
    {
        if (reply.Headers is null || !reply.Headers.TryGetValues("Link", out var values))
        {
            return null;
        }

        foreach (Match match in LinkValue().Matches(string.Join(",", values)))
        {
            var rels = match.Groups["rel"].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (rels.Contains("next", StringComparer.OrdinalIgnoreCase))
            {
                return match.Groups["url"].Value;
            }
        }

        return null;
    }

    [GeneratedRegex(@"<(?<url>[^>]*)>[^<]*?;\s*rel\s*=\s*""?(?<rel>[^"";,]*)""?", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex LinkValue();
}
