using System.Text;
using System.Text.Json.Nodes;
using Patchbay.Core.Model;

namespace Patchbay.Runtime.Rest;

/// <summary>
/// Builds an Easy REST action's request as Bizagi's engine does (bizagi-compat §8.2 step 4), plus Patchbay's
/// optional headers, query parameters, <c>sendTemplateInputs</c> and <c>bodyInput</c>.
/// </summary>
internal static class RestRequestBuilder
{
    public const string Json = "application/json";
    public const string Text = "text/plain";
    public const string Form = "application/x-www-form-urlencoded";

    /// <summary>The request plan, or why it cannot be made (Bizagi answers those with its EXCEPTION row).</summary>
    /// <remarks><paramref name="parameters"/> are the Connector parameter values, defaults already applied by <see cref="Invocation.ConnectorRuntime"/>.</remarks>
    public static (RestRequestPlan? Plan, string? Problem) Build(ConnectorDefinition connector, ActionDefinition action, JsonObject input, IReadOnlyDictionary<string, string> parameters)
    {
        var rest = action.Rest!;
        var method = rest.Method.Trim().ToUpperInvariant();
        var url = RestUrls.Resolve(connector.BaseUri, RestUrls.Fill(rest.Url, input, parameters, Uri.EscapeDataString));
        if (url is null)
        {
            return (null, connector.BaseUri.Length == 0
                ? $"The URL '{rest.Url}' of action '{action.Name}' is not absolute and the connector has no base URI."
                : $"The URL '{rest.Url}' of action '{action.Name}' does not make a valid URL with the base URI '{connector.BaseUri}'.");
        }

        var data = Data(rest, input);
        // A header or query parameter whose placeholders all name inputs that were not given is left out, not sent empty.
        var headers = rest.Headers.Where(h => !RestUrls.NothingToFill(h.Value, input, parameters))
            .Select(h => KeyValuePair.Create(h.Name, RestUrls.Fill(h.Value, input, parameters, v => v))).ToList();
        var extraQuery = rest.Query.Where(q => !RestUrls.NothingToFill(q.Value, input, parameters))
            .Select(q => KeyValuePair.Create(q.Name, RestUrls.Fill(q.Value, input, parameters, v => v))).ToList();
        if (method is "GET" or "DELETE")
        {
            // request's qs option: the URL's own query is parsed, the inputs merged in, and the whole written again.
            var query = QueryStrings.Parse(url.Query);
            query.Merge(data);
            foreach (var (name, value) in extraQuery)
            {
                query.Set(name, value);
            }

            var target = query.IsEmpty ? url : new Uri(url.GetLeftPart(UriPartial.Path) + "?" + query);
            return (new RestRequestPlan(new RestOutgoing(method, target, headers, null, "", true)), null);
        }

        var contentType = rest.ContentType.Trim();
        if (!(contentType.Equals(Text, StringComparison.OrdinalIgnoreCase) || contentType.Equals(Json, StringComparison.OrdinalIgnoreCase) || contentType.Equals(Form, StringComparison.OrdinalIgnoreCase)))
        {
            return (null, $"{contentType} Content-Type unsupported. Action '{action.Name}' ({method}) needs {Json}, {Text} or {Form}.");
        }

        byte[] body;
        if (data is null && rest.BodyInput.Length > 0)
        {
            body = []; // the body input was not given: JSON.stringify(undefined) sends no body
        }
        else if (contentType.Equals(Text, StringComparison.OrdinalIgnoreCase))
        {
            body = Encoding.UTF8.GetBytes(JsJson.Stringify(data));
        }
        else if (contentType.Equals(Json, StringComparison.OrdinalIgnoreCase))
        {
            body = Encoding.UTF8.GetBytes(JsJson.Stringify(data));
            if (!headers.Any(h => h.Key.Equals("Accept", StringComparison.OrdinalIgnoreCase)))
            {
                headers.Add(KeyValuePair.Create("Accept", Json)); // request's json option asks for JSON back
            }
        }
        else
        {
            body = QueryStrings.Of(data).ToBytes();
        }

        if (extraQuery.Count > 0)
        {
            var added = string.Join('&', extraQuery.Select(p => QueryStrings.Encode(p.Key) + "=" + QueryStrings.Encode(p.Value)));
            url = new Uri(url.AbsoluteUri + (url.Query.Length > 1 ? "&" : url.Query.Length == 1 ? "" : "?") + added);
        }

        return (new RestRequestPlan(new RestOutgoing(method, url, headers, body, contentType, true)), null);
    }

    /// <summary>What is sent: every input (Bizagi), or one input's value, without the inputs templates used when asked.</summary>
    private static JsonNode? Data(RestRequest rest, JsonObject input)
    {
        var data = (JsonObject)input.DeepClone();
        if (!rest.SendTemplateInputs)
        {
            var templates = rest.Headers.Select(h => h.Value).Concat(rest.Query.Select(q => q.Value)).Append(rest.Url);
            foreach (var name in templates.SelectMany(RestUrls.Placeholders).Distinct(StringComparer.Ordinal))
            {
                Remove(data, name);
            }
        }

        if (rest.BodyInput.Length == 0)
        {
            return data;
        }

        var selected = RestUrls.Lookup(data, rest.BodyInput);
        return selected?.DeepClone();
    }

    private static void Remove(JsonObject data, string path)
    {
        var dot = path.LastIndexOf('.');
        var parent = dot < 0 ? data : RestUrls.Lookup(data, path[..dot]) as JsonObject;
        parent?.Remove(dot < 0 ? path : path[(dot + 1)..]);
    }
}
